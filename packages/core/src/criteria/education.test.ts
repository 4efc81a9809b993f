import { describe, expect, it } from "vitest";
import { parametersOn } from "../params/parameters.js";
import { EDUCATION } from "./education.js";

const params = parametersOn("2014-07-20");

describe("EDUCATION (二(三)4 大专以上学历)", () => {
  it("passes 大专 and above; fails the level below", () => {
    expect(params.residentCadreMinEducation).toBe("associate");
    expect(EDUCATION.meets("associate", "2014-07-20", params)).toBe(true);
    expect(EDUCATION.meets("doctorate", "2014-07-20", params)).toBe(true);
    expect(EDUCATION.meets("senior_high", "2014-07-20", params)).toBe(false);
  });

  it("follows residentCadreMinEducation", () => {
    const bachelor = { ...params, residentCadreMinEducation: "bachelor" as const };
    expect(EDUCATION.meets("bachelor", "2014-07-20", bachelor)).toBe(true);
    expect(EDUCATION.meets("associate", "2014-07-20", bachelor)).toBe(false);
  });
});
