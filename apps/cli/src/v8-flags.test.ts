import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LARGE_READ_BYTES, V8_FLAGS_ENV, wantsLargeReadFlags } from "./v8-flags.js";

/** A folder with one (sparse) visits file of `bytes`. */
function folder(bytes: number): string {
  const dir = mkdtempSync(join(tmpdir(), "shuangbao-flags-"));
  writeFileSync(join(dir, "visits.csv"), "");
  truncateSync(join(dir, "visits.csv"), bytes);
  return dir;
}

describe("wantsLargeReadFlags", () => {
  const large = folder(LARGE_READ_BYTES);
  const small = folder(LARGE_READ_BYTES - 1);

  it("restarts a read of large data, from its size at the limit", () => {
    for (const command of ["audit", "plan", "forms"])
      expect(wantsLargeReadFlags([command, large, "--as-of", "2018-07-20"], {}, [])).toBe(true);
    expect(wantsLargeReadFlags(["audit", small], {}, [])).toBe(false);
  });

  it("counts a zip or workbook as eight times its size", () => {
    const dir = mkdtempSync(join(tmpdir(), "shuangbao-flags-"));
    const zip = join(dir, "province.zip");
    writeFileSync(zip, "");
    truncateSync(zip, LARGE_READ_BYTES / 8);
    expect(wantsLargeReadFlags(["audit", zip], {}, [])).toBe(true);
    truncateSync(zip, LARGE_READ_BYTES / 8 - 1);
    expect(wantsLargeReadFlags(["audit", zip], {}, [])).toBe(false);
  });

  it("does not restart other commands, a restarted process, or one given the flag", () => {
    expect(wantsLargeReadFlags(["rules", large], {}, [])).toBe(false);
    expect(wantsLargeReadFlags(["audit", large], { [V8_FLAGS_ENV]: "1" }, [])).toBe(false);
    expect(wantsLargeReadFlags(["audit", large], {}, ["--max-semi-space-size=64"])).toBe(false);
    expect(
      wantsLargeReadFlags(["audit", large], { NODE_OPTIONS: "--max-semi-space-size=16" }, []),
    ).toBe(false);
    expect(wantsLargeReadFlags(["audit", "/no/such/path"], {}, [])).toBe(false);
  });
});
