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
    expect(f[0]!.message.zh).toContain("王三(H-3)");
    expect(f[0]!.message.en).toContain("王三(H-3)");
  });

  it("takes an empty cause as absent, and leaves an invalid one to the data checks", () => {
    const d = compliantCounty();
    byId(d.households, ID.h3).povertyCause = "" as Household["povertyCause"];
    expect(hits(rule, d)).toEqual([[ID.h3]]);
    byId(d.households, ID.h3).povertyCause = "bad_luck" as Household["povertyCause"];
    expect(hits(rule, d)).toEqual([]);
  });
});
