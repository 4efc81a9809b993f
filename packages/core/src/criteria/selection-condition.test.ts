import { describe, expect, it } from "vitest";
import { parametersOn } from "../params/parameters.js";
import type { Person } from "../schema/collections.js";
import { byId, compliantCounty, ID, staff } from "../testing/fixture.js";
import { AGE_LIMIT } from "./age-limit.js";
import { EDUCATION } from "./education.js";
import { PARTY_MEMBER } from "./party-member.js";
import type { Readable } from "./readable.js";
import { judge, type SelectionCondition } from "./selection-condition.js";
import { WORK_YEARS } from "./work-years.js";

const SELECTED_ON = "2014-07-20";
const params = parametersOn(SELECTED_ON);
const everything: Readable = { ok: () => true };
/** Every field readable but one of one row. */
const brokenField = (row: object, field: string): Readable => ({
  ok: (r, ...fields) => r !== row || !fields.includes(field),
});
const cadre = (): Person => byId(compliantCounty().people, staff(ID.provinceUnit, "cadre"));

describe("judge", () => {
  const conditions: [string, SelectionCondition][] = [
    ["party member", PARTY_MEMBER],
    ["work years", WORK_YEARS],
    ["education", EDUCATION],
    ["age", AGE_LIMIT],
  ];

  it.each(conditions)("%s: the fixture's cadre meets it", (_, condition) => {
    expect(judge(condition, cadre(), SELECTED_ON, params, everything)).toBe(true);
  });

  it.each(conditions)("%s: a value not recorded is missing", (_, condition) => {
    const person = cadre();
    delete person[condition.field];
    expect(judge(condition, person, SELECTED_ON, params, everything)).toBe("missing");
  });

  it.each(conditions)("%s: a broken field is not judged, whatever its value", (_, condition) => {
    const person = cadre();
    expect(
      judge(condition, person, SELECTED_ON, params, brokenField(person, condition.field)),
    ).toBe(undefined);
    // Another field broken does not stop it.
    expect(judge(condition, person, SELECTED_ON, params, brokenField(person, "phone"))).toBe(true);
  });

  it("fails a value that does not meet the condition", () => {
    const person = { ...cadre(), partyMember: false };
    expect(judge(PARTY_MEMBER, person, SELECTED_ON, params, everything)).toBe(false);
  });
});
