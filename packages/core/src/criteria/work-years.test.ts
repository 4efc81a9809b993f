import { describe, expect, it } from "vitest";
import { parametersOn } from "../params/parameters.js";
import { WORK_YEARS, workYearsAt } from "./work-years.js";

const params = parametersOn("2014-07-20");

describe("WORK_YEARS (二(三)4 3年以上工作经历)", () => {
  it("passes exactly 3 whole years at the selection date; fails a day short", () => {
    expect(params.residentCadreMinWorkYears).toBe(3);
    expect(WORK_YEARS.meets("2011-07-20", "2014-07-20", params)).toBe(true);
    expect(WORK_YEARS.meets("2011-07-21", "2014-07-20", params)).toBe(false);
  });

  it("counts work that starts after the selection date as fewer than none", () => {
    expect(workYearsAt("2015-07-21", "2014-07-20")).toBeLessThan(0);
    expect(WORK_YEARS.meets("2015-07-21", "2014-07-20", params)).toBe(false);
  });

  it("follows residentCadreMinWorkYears", () => {
    const five = { ...params, residentCadreMinWorkYears: 5 };
    expect(WORK_YEARS.meets("2009-07-20", "2014-07-20", five)).toBe(true);
    expect(WORK_YEARS.meets("2011-07-20", "2014-07-20", five)).toBe(false);
  });
});
