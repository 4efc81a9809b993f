import { audit } from "@shuangbao/core";
import { describe, expect, it } from "vitest";
import { generate, generateCounties, joinPartitions } from "./generate.js";
import type { SeededFault } from "./model.js";
import { ANQING, buildPlan, SAMPLE_AS_OF } from "./plan.js";

const key = (ruleId: string, collection: string, id: string) => `${ruleId} ${collection} ${id}`;
const seededKeys = (seeded: readonly SeededFault[]) =>
  new Set(seeded.map((s) => key(s.ruleId, s.collection, s.id)));

describe("generate (county)", () => {
  it("audits clean when no fault is planted", () => {
    const { dataset, seeded } = generate({ scale: "county", seed: 1, violations: 0 });
    expect(seeded).toEqual([]);
    expect(dataset.households.length).toBeGreaterThanOrEqual(3000);
    expect(dataset.households.length).toBeLessThanOrEqual(6000);
    expect(audit(dataset, { asOf: SAMPLE_AS_OF }).findings).toEqual([]);
  });

  it("audits clean at an earlier audit date it was generated for", () => {
    const asOf = "2016-03-01";
    const { dataset } = generate({ scale: "county", seed: 2, violations: 0, asOf });
    expect(audit(dataset, { asOf }).findings).toEqual([]);
  });

  it.each(["2014-10-01", "2015-04-01", "2017-10-20", "2018-12-31"])(
    "audits clean at %s, where documents and calendar years fall due",
    (asOf) => {
      const { dataset } = generate({ scale: "county", seed: 5, violations: 0, asOf });
      expect(audit(dataset, { asOf }).findings).toEqual([]);
    },
  );

  it("plants every fault kind in the example's county, the kinds v2 added included", () => {
    const { dataset, seeded } = generate({ scale: "county", seed: 2014, violations: 0.02 });
    const kinds = new Set(seeded.map((s) => s.ruleId));
    for (const id of [
      "village.resident-cadre-continuous",
      "household.verified-before-pairing",
      "household.unit-staff-first",
      "work-team.captain",
      "village.has-coordinators",
      "unit.principal-visits",
      "unit.staff-visits",
      "unit.topic-meetings",
      "household.regular-visits",
    ])
      expect(kinds).toContain(id);
    expect(kinds.size).toBe(37);
    const findings = audit(dataset, { asOf: SAMPLE_AS_OF }).findings;
    const found = new Set(findings.map((f) => key(f.ruleId, f.entity.collection, f.entity.id)));
    expect(found).toEqual(seededKeys(seeded));
  });

  it("finds every planted fault and nothing about entities no fault touched", () => {
    const { dataset, seeded } = generate({ scale: "county", seed: 3, violations: 0.05 });
    const findings = audit(dataset, { asOf: SAMPLE_AS_OF }).findings;
    const found = new Set(findings.map((f) => key(f.ruleId, f.entity.collection, f.entity.id)));
    const planted = seededKeys(seeded);
    expect([...planted].filter((k) => !found.has(k))).toEqual([]);
    expect([...found].filter((k) => !planted.has(k))).toEqual([]);
    expect(new Set(seeded.map((s) => s.ruleId)).size).toBeGreaterThanOrEqual(25);
  });

  it("gives the same data for the same seed and other data for another", () => {
    const a = generate({ scale: "county", seed: "yuexi", violations: 0.02 });
    const b = generate({ scale: "county", seed: "yuexi", violations: 0.02 });
    const c = generate({ scale: "county", seed: "other", violations: 0.02 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c.dataset.households)).not.toBe(JSON.stringify(a.dataset.households));
  });

  it("names real regions and poor villages only among rural village committees", () => {
    const { dataset } = generate({ scale: "county", seed: 4, violations: 0 });
    expect(dataset.counties.find((c) => c.id === "340828")).toMatchObject({
      name: "岳西县",
      isKeyCounty: true,
    });
    const poor = dataset.villages.filter((v) => v.isPoor);
    expect(poor.length).toBeGreaterThanOrEqual(20);
    expect(poor.length).toBeLessThanOrEqual(30);
    for (const v of poor) expect(v.name).toMatch(/村(委会|民委员会)?$/);
  });

  it("rejects the province in memory, a bad share and an audit date before the helpers start", () => {
    expect(() => generate({ scale: "province", seed: 1, violations: 0 })).toThrow(
      /generateCounties/,
    );
    expect(() => generate({ scale: "county", seed: 1, violations: 2 })).toThrow(RangeError);
    expect(() => generate({ scale: "county", seed: 1, violations: 0, asOf: "2014-08-01" })).toThrow(
      /2014-10-01/,
    );
  });
});

describe("generateCounties (province)", () => {
  const parts = [...generateCounties({ scale: "province", seed: 7, violations: 0.05, limit: 1 })];
  const [first, county] = parts as [(typeof parts)[0], (typeof parts)[0]];

  it("puts all of Anhui's regions and the province units in the first partition", () => {
    expect(parts).toHaveLength(2);
    expect(first.county).toBeNull();
    const d = first.dataset;
    expect([d.cities.length, d.counties.length, d.townships.length, d.villages.length]).toEqual([
      16, 119, 1685, 18334,
    ]);
    expect(d.counties.filter((c) => c.isKeyCounty)).toHaveLength(31);
    expect(d.villages.filter((v) => v.isPoor)).toHaveLength(3000);
    expect(d.units.length).toBeGreaterThan(150);
    expect(d.units.every((u) => u.level === "province" && u.principalId)).toBe(true);
    const key = new Set(d.counties.filter((c) => c.isKeyCounty).map((c) => c.id));
    const designated = d.units.flatMap((u) => u.designatedCountyId ?? []);
    expect(designated.every((id) => key.has(id))).toBe(true);
    expect(d.households).toEqual([]);
    expect(d.reports.every((r) => r.kind === "cadre_list")).toBe(true);
  });

  it("makes a county partition that refers only to itself and the first partition", () => {
    expect(county.county?.id).toBe("340121");
    const d = county.dataset;
    expect(d.villages).toEqual([]);
    expect(d.households.length).toBeGreaterThan(5000);
    const people = new Set([...first.dataset.people, ...d.people].map((p) => p.id));
    const units = new Set([...first.dataset.units, ...d.units].map((u) => u.id));
    const villages = new Set(first.dataset.villages.map((v) => v.id));
    const households = new Set(d.households.map((h) => h.id));
    for (const a of d.householdAssignments) {
      expect(households.has(a.householdId) && people.has(a.personId)).toBe(true);
    }
    for (const r of d.residentCadres)
      expect(people.has(r.personId) && units.has(r.unitId)).toBe(true);
    for (const c of d.villageAssignments)
      expect(villages.has(c.villageId) && units.has(c.unitId)).toBe(true);
    let visits = 0;
    for (const v of d.visits) {
      if (visits++ % 97 === 0)
        expect(people.has(v.personId) && villages.has(v.villageId)).toBe(true);
    }
    expect(visits).toBeGreaterThan(14 * d.households.length);
    const [again] = d.visits;
    const [firstVisit] = d.visits;
    expect(again).toEqual(firstVisit);
  });

  it("audits a county partition with only its own planted faults", () => {
    const { dataset } = joinPartitions(parts);
    const countyId = county.county!.id;
    const inCounty = new Set([
      countyId,
      ...county.dataset.households.map((h) => h.id),
      ...county.dataset.people.map((p) => p.id),
      ...county.dataset.units.map((u) => u.id),
      ...first.dataset.villages.filter((v) => v.townshipId.startsWith(countyId)).map((v) => v.id),
    ]);
    const findings = audit(dataset, { asOf: SAMPLE_AS_OF }).findings.filter((f) =>
      inCounty.has(f.entity.id),
    );
    const planted = seededKeys(
      [...first.seeded, ...county.seeded].filter((s) => inCounty.has(s.id)),
    );
    const found = new Set(findings.map((f) => key(f.ruleId, f.entity.collection, f.entity.id)));
    expect(county.seeded.length).toBeGreaterThan(20);
    expect([...planted].filter((k) => !found.has(k))).toEqual([]);
    expect([...found].filter((k) => !planted.has(k))).toEqual([]);
    // The whole first partition (all of Anhui's regions) is audited: seconds on a busy machine.
  }, 60_000);
});

describe("buildPlan (city)", () => {
  const plan = buildPlan({ scale: "city", seed: 1, violations: 0 });

  it("plans 安庆市's counties with tasks as the province has them: about 200,000 households", () => {
    const province = buildPlan({ scale: "province", seed: 1, violations: 0 });
    const inCity = province.taskCounties.filter((c) => c.county.id.startsWith(ANQING));
    expect(plan.taskCounties.map((c) => c.county.id)).toEqual(inCity.map((c) => c.county.id));
    expect(plan.taskCounties.length).toBeGreaterThan(3);
    const households = plan.taskCounties.reduce(
      (n, c) => n + c.poor.reduce((m, v) => m + v.households, 0),
      0,
    );
    expect(households).toBeGreaterThan(150_000);
    expect(households).toBeLessThan(250_000);
    expect(plan.cities.map((c) => c.name)).toEqual(["安庆市"]);
    expect(plan.counties.every((c) => c.id.startsWith(ANQING))).toBe(true);
    expect(plan.villages.every((v) => v.townshipId.startsWith(ANQING))).toBe(true);
  });

  it("gives every key county four to six province units", () => {
    for (const c of plan.taskCounties.filter((t) => t.county.isKeyCounty)) {
      const units = plan.provinceUnits.filter((u) => u.designatedCountyId === c.county.id);
      expect(units.length, c.county.name).toBeGreaterThanOrEqual(4);
      expect(units.length, c.county.name).toBeLessThanOrEqual(6);
    }
  });
});
