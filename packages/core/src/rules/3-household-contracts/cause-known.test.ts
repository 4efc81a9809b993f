import { describe, expect, it } from "vitest";
import type { Household } from "../../schema/collections.js";
import { byId, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { householdCauseKnown as rule } from "./cause-known.js";

describe("household.cause-known", () => {
  it("passes when every household has a cause of poverty", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("flags a household without a cause of poverty", () => {
    const d = compliantCounty();
    delete byId(d.households, ID.h3).povertyCause;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related])).toEqual([
      [{ collection: "households", id: ID.h3 }, undefined],
    ]);
    expect(f[0]!.message.zh).toBe(
      "天堂镇莲塘村贫困户王三（户编号：H-3）没有登记主要致贫原因。原文：“了解掌握贫困户家庭情况及致贫原因等”。",
    );
    expect(f[0]!.message.en).toContain("household 王三 (H-3) of 莲塘村");
  });

  it("takes an empty cause as absent, and leaves an invalid one to the data checks", () => {
    const d = compliantCounty();
    byId(d.households, ID.h3).povertyCause = "" as Household["povertyCause"];
    expect(hits(rule, d)).toEqual([[ID.h3]]);
    byId(d.households, ID.h3).povertyCause = "bad_luck" as Household["povertyCause"];
    expect(hits(rule, d)).toEqual([]);
  });
});
