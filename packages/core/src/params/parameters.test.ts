import { describe, expect, it } from "vitest";
import {
  ConfigurationError,
  dateWindow,
  INTERPRETATION_PARAMETERS,
  PARAMETER_NAMES,
  PARAMETERS,
  parametersOn,
  parseParameterOverrides,
} from "./parameters.js";

describe("parameters", () => {
  it("holds the 2014 defaults of rules.md", () => {
    expect(parametersOn("2015-01-01")).toEqual({
      residentCadreMaxAge: 40,
      residentCadreMinWorkYears: 3,
      residentCadreMinEducation: "associate",
      principalVisitsPerYear: 2,
      termYears: 3,
      unitListDeadline: "2014-07-30",
      cadreListDeadline: "2014-08-10",
      keyCountyCount: 31,
      smallUnitMaxStaff: 10,
      householdVisitsPerYear: 4,
      topicMeetingsPerYear: 2,
      staffVisitsPerYear: 1,
      graceDays: 90,
      acceptanceEarlyDays: 90,
      handOverMaxDays: 30,
      residentCadreMaxGapDays: 30,
    });
  });

  it("cites a clause for every parameter and notes every interpretation", () => {
    for (const name of PARAMETER_NAMES) expect(PARAMETERS[name].clause).toMatch(/^[一二三四]/);
    const interpretations = [
      "acceptanceEarlyDays",
      "graceDays",
      "handOverMaxDays",
      "householdVisitsPerYear",
      "residentCadreMaxGapDays",
      "smallUnitMaxStaff",
      "staffVisitsPerYear",
      "topicMeetingsPerYear",
    ] as const;
    for (const name of interpretations) {
      expect(PARAMETERS[name].note?.en).toMatch(/interpretation/);
      expect(PARAMETERS[name].interpretation).toBe(true);
    }
    // The report lists exactly these, sorted (rules.md marks them *interpretation*).
    expect(INTERPRETATION_PARAMETERS).toEqual(interpretations);
  });

  it("looks up override names as own properties only", () => {
    for (const name of ["toString", "__proto__", "constructor", "hasOwnProperty"]) {
      expect(() => parametersOn("2015-01-01", JSON.parse(`{"${name}": 1}`))).toThrow(
        /unknown parameter/,
      );
    }
  });

  it("applies flat overrides", () => {
    expect(
      parametersOn("2015-01-01", { termYears: 5, unitListDeadline: "2014-08-01" }),
    ).toMatchObject({
      termYears: 5,
      unitListDeadline: "2014-08-01",
    });
  });

  it("refuses an unknown parameter or a value of the wrong kind", () => {
    expect(() => parametersOn("2015-01-01", { nope: 1 })).toThrow(ConfigurationError);
    expect(() => parametersOn("2015-01-01", { termYears: "3" })).toThrow(/whole number/);
    expect(() => parametersOn("2015-01-01", { unitListDeadline: "2014-02-30" })).toThrow(/date/);
    expect(() => parametersOn("2015-01-01", { residentCadreMinEducation: "phd" })).toThrow(
      ConfigurationError,
    );
  });

  it("keeps audit dates within the policy's date and today + 10 years", () => {
    expect(dateWindow("2026-12-02")).toEqual({ from: "2014-07-09", to: "2036-12-02" });
    expect(dateWindow("2016-02-29").to).toBe("2026-02-28");
  });
});

describe("parseParameterOverrides", () => {
  const what = { zh: "字段 parameters", en: "field parameters" };

  it("reads a flat JSON object, a UTF-8 BOM allowed", () => {
    expect(parseParameterOverrides('\uFEFF{"termYears": 5}\r\n', what)).toEqual({ termYears: 5 });
  });

  it("refuses text that is not JSON, or not an object, naming it in both languages", () => {
    for (const text of ["{oops", "[1]", "3", "null"]) {
      const error = (() => {
        try {
          parseParameterOverrides(text, what);
        } catch (e) {
          return e as ConfigurationError;
        }
        throw new Error("did not throw");
      })();
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.path).toBe("parameters");
      expect(error.message).toMatch(/^字段 parameters.+ · field parameters /);
    }
  });
});
