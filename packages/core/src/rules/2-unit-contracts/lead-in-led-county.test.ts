import { describe, expect, it } from "vitest";
import { byId, CONTRACT_START, compliantCounty, ID } from "../../testing/fixture.js";
import { findingsOf, hits } from "../../testing/run.js";
import { provinceUnitLeadInLedCounty as rule } from "./lead-in-led-county.js";

const contractOf = (d: ReturnType<typeof compliantCounty>) =>
  d.villageAssignments.find((a) => a.unitId === ID.provinceUnit)!;

describe("province-unit.lead-in-led-county", () => {
  it("passes when the lead unit contracts a village in the county it leads", () => {
    expect(hits(rule, compliantCounty())).toEqual([]);
  });

  it("warns when the lead unit contracts no village in the county it leads", () => {
    const d = compliantCounty();
    byId(d.units, ID.provinceUnit).leadCountyId = ID.otherCounty;
    const f = findingsOf(rule, d);
    expect(f.map((x) => [x.entity, x.related, x.severity])).toEqual([
      [{ collection: "units", id: ID.provinceUnit }, undefined, "warning"],
    ]);
    expect(f[0]!.message.zh).toContain(
      "省直牵头单位省扶贫办（U-P1）的牵头帮扶县为怀宁县（340822），截至2018年7月20日未在该县包村，所包扶的天堂村（340828100201）均在该县之外",
    );
    d.villageAssignments.push({
      villageId: ID.v4,
      unitId: ID.provinceUnit,
      startDate: CONTRACT_START,
    });
    expect(hits(rule, d)).toEqual([]);
  });

  it("counts a village of the led county that is not poor", () => {
    const d = compliantCounty();
    contractOf(d).villageId = ID.v3;
    expect(hits(rule, d)).toEqual([]);
  });

  it("warns once the contract in the led county ended on asOf", () => {
    const d = compliantCounty();
    contractOf(d).endDate = "2018-07-21";
    expect(hits(rule, d)).toEqual([]);
    contractOf(d).endDate = "2018-07-20";
    const f = findingsOf(rule, d);
    expect(f.map((x) => x.entity.id)).toEqual([ID.provinceUnit]);
    expect(f[0]!.message.zh).toContain("截至2018年7月20日未包扶任何村");
  });

  it("leaves out units that lead no county, and units that are not of the province", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.provinceUnit).leadCountyId;
    byId(d.units, ID.cityUnit).leadCountyId = ID.otherCounty;
    expect(hits(rule, d)).toEqual([]);
  });

  it("says nothing when a broken contract row, village or lead county decides", () => {
    const start = compliantCounty();
    byId(start.units, ID.provinceUnit).leadCountyId = ID.otherCounty;
    start.villageAssignments.push({
      villageId: ID.v4,
      unitId: ID.provinceUnit,
      startDate: "2014-07-32", // not a date
    });
    expect(hits(rule, start)).toEqual([]);
    const village = compliantCounty();
    byId(village.villages, ID.v1).townshipId = "340828199"; // names no township
    expect(hits(rule, village)).toEqual([]);
    const lead = compliantCounty();
    byId(lead.units, ID.provinceUnit).leadCountyId = "349999";
    expect(hits(rule, lead)).toEqual([]);
  });
});
