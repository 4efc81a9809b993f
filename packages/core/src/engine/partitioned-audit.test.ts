import { describe, expect, it } from "vitest";
import { audit, auditPartition, auditPartitioned } from "../audit.js";
import type { Dataset, DatasetInput } from "../schema/collections.js";
import { countyOf } from "../schema/county.js";
import { COLLECTION_NAMES, type CollectionName } from "../schema/fields.js";
import { byId, compliantCounty, FIXTURE_AS_OF, ID } from "../testing/fixture.js";
import { idDigest, type Partition } from "./partitioned-audit.js";
import type { Rule, RuleScope } from "./rule-model.js";
import type { RuleReads } from "./rule-reads.js";

/**
 * Splits the fixture by each collection's `countyVia` (`countyOf`): the regions and the rows that
 * lie in no county (the province's and the cities' units, their people and activity) shared;
 * one partition per county.
 */
function split(d: Dataset): { shared: DatasetInput; partitions: Partition[] } {
  const byIds = new Map<CollectionName, Map<string, Record<string, unknown>>>(
    COLLECTION_NAMES.map((c) => [
      c,
      new Map(
        (d[c] as readonly Record<string, unknown>[])
          .filter((r) => typeof r.id === "string")
          .map((r) => [r.id as string, r]),
      ),
    ]),
  );
  const find = (c: CollectionName, id: string) => byIds.get(c)!.get(id);
  const regions = new Set<CollectionName>(["cities", "counties", "townships", "villages"]);
  const shared: Record<string, unknown[]> = {};
  const parts = new Map<string, Record<string, unknown[]>>();
  for (const c of COLLECTION_NAMES) {
    for (const row of d[c] as readonly Record<string, unknown>[]) {
      const k = regions.has(c) ? undefined : countyOf(c, row, find);
      const target = k === undefined ? shared : (parts.get(k) ?? parts.set(k, {}).get(k)!);
      const list = target[c] ?? [];
      list.push(row);
      target[c] = list;
    }
  }
  return {
    shared: shared as DatasetInput,
    partitions: [...parts].map(([county, dataset]) => ({
      county,
      dataset: dataset as DatasetInput,
    })),
  };
}

const strip = (r: ReturnType<typeof audit>) => JSON.stringify(r);

describe("the facts a partition hands to the merge", () => {
  const { shared, partitions } = split(compliantCounty());
  /** A rule that reads `reads` and finds nothing. */
  const reading = (scope: RuleScope, reads: RuleReads): Rule => ({
    id: `test.${scope}`,
    clause: "一",
    severity: "info",
    scope,
    quote: "",
    title: { zh: "", en: "" },
    messages: { default: { zh: "", en: "" } },
    reads,
    *check() {},
  });
  const factsWith = (...catalogue: Rule[]) =>
    Object.keys(auditPartition(shared, partitions[0]!, { asOf: FIXTURE_AS_OF, catalogue }).facts);

  it("are the collections the province-scope rules read, the shared regions aside", () => {
    const province = reading("province", {
      counties: ["cityId"],
      villages: ["isPoor"],
      assessments: ["year"],
      villageAssignments: ["unitId"],
    });
    expect(factsWith(province).sort()).toEqual(["assessments", "villageAssignments"]);
  });

  it("are none when only county-scope rules read", () => {
    expect(factsWith(reading("county", { assessments: ["year"] }))).toEqual([]);
  });
});

describe("the partitioned audit", () => {
  it("gives the in-memory audit's report on the compliant county", () => {
    const d = compliantCounty();
    const { shared, partitions } = split(d);
    expect(partitions.map((p) => p.county).sort()).toEqual([ID.otherCounty, ID.keyCounty]);
    expect(strip(auditPartitioned(shared, partitions, { asOf: FIXTURE_AS_OF }))).toBe(
      strip(audit(d, { asOf: FIXTURE_AS_OF })),
    );
  });

  it("gives the in-memory audit's report when county- and province-scope rules fail", () => {
    const d = compliantCounty();
    delete byId(d.units, ID.cityUnit).deputyId; // county scope
    byId(d.units, ID.provinceUnit).designatedCountyId = ID.otherCounty; // province scope
    d.assessments = d.assessments.filter((a) => !(a.unitId === ID.countyUnit && a.year === 2016)); // province
    d.households[0]!.povertyCause = undefined as never; // county
    delete d.households[0]!.povertyCause;
    d.reports = d.reports.filter((r) => r.regionId !== ID.otherCounty); // county
    byId(d.people, ID.keyCivilAffairs).role = "township_cadre"; // welfare household: county scope
    const { shared, partitions } = split(d);
    const merged = auditPartitioned(shared, partitions, { asOf: FIXTURE_AS_OF });
    const whole = audit(d, { asOf: FIXTURE_AS_OF });
    expect(whole.summary.error).toBeGreaterThan(3);
    expect(strip(merged)).toBe(strip(whole));
  });

  it("finds an id repeated in two partitions", () => {
    const d = compliantCounty();
    const { shared, partitions } = split(d);
    const twin = { ...(partitions[0]!.dataset.households![0] as object) };
    (partitions[1]!.dataset.households as unknown[]).push(twin);
    const report = auditPartitioned(shared, partitions, { asOf: FIXTURE_AS_OF });
    expect(
      report.findings.filter((f) => f.ruleId === "data.duplicate-id").map((f) => f.entity),
    ).toEqual([{ collection: "households", id: (twin as { id: string }).id }]);
  });

  it("digests ids to 8 bytes, the same for the same id", () => {
    expect(idDigest("340828100201")).toBe(idDigest("340828100201"));
    expect(idDigest("340828100201")).not.toBe(idDigest("340828100202"));
    expect(idDigest("x") < 2n ** 64n).toBe(true);
  });
});
