const SHANGHAI = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * The calendar date of an instant in Asia/Shanghai (the default `asOf` and `on`).
 * @example shanghaiDate(new Date("2018-07-19T16:30:00Z")) // "2018-07-20"
 */
export function shanghaiDate(instant: Date): string {
  return SHANGHAI.format(instant);
}
