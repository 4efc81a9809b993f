import { describe, expect, it } from "vitest";
import { shanghaiDate } from "./today.js";

describe("shanghaiDate", () => {
  it("is the date in Asia/Shanghai (UTC+8), not UTC", () => {
    expect(shanghaiDate(new Date("2018-07-19T15:59:59Z"))).toBe("2018-07-19");
    expect(shanghaiDate(new Date("2018-07-19T16:00:00Z"))).toBe("2018-07-20");
    expect(shanghaiDate(new Date("2014-01-01T00:00:00+08:00"))).toBe("2014-01-01");
  });
});
