/** What every bench phase reports: wall time, rows per second, peak memory so far. */
export interface PhaseResult {
  phase: string;
  ms: number;
  rows: number;
  rowsPerSecond: number;
  /** The process's peak resident memory so far (MiB): the high-water mark at the phase's end. */
  peakRssMiB: number;
  note?: string;
}

export const peakRssMiB = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Times `fn` and reports it as a phase of `rows` rows. */
export async function phase<T>(
  name: string,
  rows: (result: T) => number,
  fn: () => T | Promise<T>,
): Promise<[T, PhaseResult]> {
  const t = performance.now();
  const result = await fn();
  const ms = Math.round(performance.now() - t);
  const n = rows(result);
  return [
    result,
    {
      phase: name,
      ms,
      rows: n,
      rowsPerSecond: ms > 0 ? Math.round((n / ms) * 1000) : 0,
      peakRssMiB: peakRssMiB(),
    },
  ];
}
