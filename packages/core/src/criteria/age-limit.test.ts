import { describe, expect, it } from "vitest";
import { parametersOn } from "../params/parameters.js";
import { AGE_LIMIT, ageAt } from "./age-limit.js";

const params = parametersOn("2014-07-20");

describe("AGE_LIMIT (二(三)4 年龄一般在40周岁以下)", () => {
  it("passes 40 at the selection date and the day before the 41st birthday; fails at 41", () => {
    expect(params.residentCadreMaxAge).toBe(40);
    expect(AGE_LIMIT.meets("1974-07-20", "2014-07-20", params)).toBe(true);
    expect(AGE_LIMIT.meets("1973-07-21", "2014-07-20", params)).toBe(true);
    expect(AGE_LIMIT.meets("1973-07-20", "2014-07-20", params)).toBe(false);
  });

  it("counts a 29 February birthday on 28 February of a common year", () => {
    expect(ageAt("1972-02-29", "2013-02-27")).toBe(40);
    expect(ageAt("1972-02-29", "2013-02-28")).toBe(41);
    expect(AGE_LIMIT.meets("1972-02-29", "2013-02-28", params)).toBe(false);
  });

  it("follows residentCadreMaxAge", () => {
    const older = { ...params, residentCadreMaxAge: 45 };
    expect(AGE_LIMIT.meets("1969-07-20", "2014-07-20", older)).toBe(true);
    expect(AGE_LIMIT.meets("1968-07-20", "2014-07-20", older)).toBe(false);
  });
});
