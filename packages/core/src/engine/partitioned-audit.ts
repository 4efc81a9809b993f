/**
 * The audit of data too large for one machine's memory, county by county (map), then merged
 * (reduce) — the split a cluster engine would run, and what worker threads run here.
 *
 * A dataset is split into a shared part — the regions and the province-level units with their
 * people and activity — and one partition per county: every row about the county's villages and
 * households, and the units and people those rows name. Each partition is audited with the
 * `county`-scope rules and data checks on the shared part plus itself (the shared townships and
 * villages narrowed to its county), and hands back its findings, the 8-byte digests of the ids
 * it owns, and the rows the `province`-scope rules need: the collections their `reads` name (with
 * the people and households narrowed to those the rules judge). The merge audits those
 * facts with the `province`-scope rules, finds ids repeated across partitions, and merges the
 * findings: one per rule, entity, related and field, years joined.
 *
 * Rows without an id are named per partition: `<county>#<position>`.
 */
import { parametersOn } from "../params/parameters.js";
import { COLLECTIONS, type DatasetInput } from "../schema/collections.js";
import { COLLECTION_NAMES, type CollectionName } from "../schema/fields.js";
import { type AuditReport, type AuditRun, buildReport, checkSelection, runAudit } from "./audit.js";
import type { DatasetIndex } from "./dataset-index.js";
import type { Finding } from "./findings.js";
import { dataFinding, loadDataset } from "./loader.js";
import { RuleContext } from "./rule-context.js";
import type { Catalogue, Rule } from "./rule-model.js";

/** One county's rows. */
export interface Partition {
  /** The county's id (partition rows without ids are named `<county>#<position>`). */
  county: string;
  dataset: DatasetInput;
}

/** What a partition hands to the merge; plain data, so it crosses worker threads. */
export interface PartitionResult {
  county: string;
  findings: Finding[];
  /** 64-bit digests of the ids of the rows the partition owns, by collection, sorted. */
  ids: Partial<Record<CollectionName, BigUint64Array>>;
  /** The rows the `province`-scope rules read. */
  facts: DatasetInput;
}

const ID_COLLECTIONS = COLLECTION_NAMES.filter((c) => COLLECTIONS[c].hasId);

/**
 * A 64-bit digest of an id (two 32-bit multiply-xor lanes over its UTF-16 code units): 8 bytes
 * instead of the id's text. Collisions among the nation's ~30 M ids are unlikely (~2.5e-5).
 * @example idDigest("340828") === idDigest("340828") // true
 */
export function idDigest(id: string): bigint {
  // 32-bit lanes are faster than BigInt arithmetic per character.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ id.length;
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c ^ (a >>> 15), 0x5bd1e995);
  }
  return (BigInt(a >>> 0) << 32n) | BigInt(b >>> 0);
}

function rulesOfScope(scope: "county" | "province", catalogue: Catalogue): Rule[] {
  return catalogue.filter((r) => r.scope === scope);
}

/** Narrows `only`, `skip` and `severity` to the rules of a sub-catalogue (ids already checked). */
function narrow(options: AuditRun, rules: Catalogue): AuditRun {
  const ids = new Set(rules.map((r) => r.id));
  const keep = (list: readonly string[] | undefined) =>
    list?.filter((id) => ids.has(id) || id.startsWith("data."));
  const sel = options.rules ?? {};
  const only = keep(sel.only);
  const skip = keep(sel.skip);
  return {
    asOf: options.asOf,
    ...(options.parameters ? { parameters: options.parameters } : {}),
    catalogue: rules,
    rules: {
      ...(only ? { only } : {}),
      ...(skip ? { skip } : {}),
      ...(sel.severity ? { severity: sel.severity } : {}),
    },
  };
}

function sharedFor(shared: DatasetInput, counties: ReadonlySet<string>): DatasetInput {
  const townships = (shared.townships ?? []).filter((t) => counties.has(String(t.countyId)));
  const ids = new Set(townships.map((t) => String(t.id)));
  const villages = (shared.villages ?? []).filter((v) => ids.has(String(v.townshipId)));
  const villageIds = new Set(villages.map((v) => String(v.id)));
  // Shared township and village cadres of other counties are not this partition's concern.
  const people = (shared.people ?? []).filter((p) =>
    p.villageId !== undefined && p.villageId !== null && p.villageId !== ""
      ? villageIds.has(String(p.villageId))
      : p.townshipId !== undefined && p.townshipId !== null && p.townshipId !== ""
        ? ids.has(String(p.townshipId))
        : true,
  );
  return { ...shared, townships, villages, people };
}

function concat(a: DatasetInput, b: DatasetInput): DatasetInput {
  const out: Record<string, unknown> = {};
  for (const c of COLLECTION_NAMES) {
    const rows = [...(a[c] ?? []), ...(b[c] ?? [])];
    if (rows.length) out[c] = rows;
  }
  if (a.parameters || b.parameters) out.parameters = { ...a.parameters, ...b.parameters };
  return out as DatasetInput;
}

/** The regions: the shared part holds every row of them, so no partition hands them over. */
const REGIONS: ReadonlySet<CollectionName> = new Set([
  "cities",
  "counties",
  "townships",
  "villages",
]);

/** The collections the `province`-scope rules read (their `reads`), the regions aside. */
function factCollections(province: Catalogue): CollectionName[] {
  const read = new Set(province.flatMap((r) => Object.keys(r.reads) as CollectionName[]));
  return COLLECTION_NAMES.filter((c) => read.has(c) && !REGIONS.has(c));
}

/**
 * The people, households and helpers' rows the merge needs, narrowed from the nation's millions:
 * unit staff, the people of resident cadres and helpers, the households helped by a local cadre
 * with all their helpers' rows, and one current row of every other helping person ("staff who
 * help no household" reads only that).
 */
function peopleAndHouseholds(
  index: DatasetIndex,
  ctx: RuleContext,
  owned: (c: CollectionName, id: string) => boolean,
): Pick<DatasetInput, "people" | "households" | "householdAssignments"> {
  const people = new Map<string, Record<string, unknown>>();
  const addPerson = (id: string | undefined) => {
    const p = index.person(id);
    if (p && owned("people", p.id)) people.set(p.id, p);
  };
  for (const p of index.rows("people")) if (p.role === "unit_staff") addPerson(p.id);
  for (const r of index.rows("residentCadres")) addPerson(r.personId);
  const households: Record<string, unknown>[] = [];
  const helps: Record<string, unknown>[] = [];
  const helping = new Set<string>();
  for (const h of index.rows("households")) {
    const rows = index.helpersOf(h);
    const local = rows.some((r) => {
      const p = index.person(r.personId);
      return p !== undefined && p.role !== "unit_staff" && p.role !== "college_village_official";
    });
    if (local) {
      households.push(h);
      for (const r of rows) {
        helps.push(r);
        addPerson(r.personId);
        if (ctx.isCurrent(r)) helping.add(r.personId);
      }
    }
  }
  for (const r of index.rows("householdAssignments")) {
    if (!helping.has(r.personId) && ctx.isCurrent(r)) {
      helping.add(r.personId);
      helps.push(r);
    }
  }
  return { people: [...people.values()], households, householdAssignments: helps };
}

/**
 * The rows of a loaded partition that the `province`-scope rules read: every collection their
 * `reads` name (the regions are shared), units the partition owns, and the people and households
 * narrowed by `peopleAndHouseholds`.
 */
function factsOf(
  index: DatasetIndex,
  ctx: RuleContext,
  owned: (c: CollectionName, id: string) => boolean,
  collections: readonly CollectionName[],
): DatasetInput {
  const facts: Record<string, unknown> = {};
  const narrowed = new Set<CollectionName>(["people", "households", "householdAssignments"]);
  if (collections.some((c) => narrowed.has(c))) {
    const rows = peopleAndHouseholds(index, ctx, owned);
    for (const c of collections) if (narrowed.has(c)) facts[c] = rows[c as keyof typeof rows];
  }
  for (const c of collections) {
    if (narrowed.has(c)) continue;
    // The shared part holds the province's units: hand over only the partition's own.
    facts[c] =
      c === "units" ? index.rows("units").filter((u) => owned("units", u.id)) : [...index.rows(c)];
  }
  return facts as DatasetInput;
}

/**
 * Audits one partition (the map step): `county`-scope rules and data checks on the shared part
 * plus the partition. Pure; runs in a worker thread.
 */
export function auditPartition(
  shared: DatasetInput,
  partition: Partition,
  options: AuditRun,
  /** The counties whose shared townships and villages this partition owns (its own by default). */
  regions: ReadonlySet<string> = new Set([partition.county]),
): PartitionResult {
  checkSelection(options.rules ?? {}, options.catalogue);
  const base = sharedFor(shared, regions);
  const sharedCount = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, base[c]?.length ?? 0]));
  const sharedIds = new Map<string, Set<string>>();
  for (const c of ID_COLLECTIONS) {
    if (c === "townships" || c === "villages") continue; // the county's own: owned here
    sharedIds.set(c, new Set((shared[c] ?? []).map((r) => String(r.id))));
  }
  const owned = (c: CollectionName, id: string) => !sharedIds.get(c)?.has(id);
  const index = loadDataset(concat(base, partition.dataset));
  const catalogue = rulesOfScope("county", options.catalogue);
  const report = runAudit(index, narrow(options, catalogue));
  const findings: Finding[] = [];
  for (const f of report.findings) {
    if (f.ruleId.startsWith("data.")) {
      const c = f.entity.collection as CollectionName;
      const m = /^#(\d+)$/.exec(f.entity.id);
      if (m) {
        const pos = Number(m[1]) - (sharedCount[c] ?? 0);
        if (pos < 0) continue; // a shared row: the merge reports it
        findings.push({ ...f, entity: { collection: c, id: `${partition.county}#${pos}` } });
        continue;
      }
      if (f.entity.id !== "*" && COLLECTIONS[c] && !owned(c, f.entity.id)) continue;
      if (f.entity.id === "*" && (c === "cities" || c === "counties")) continue;
    }
    findings.push(f);
  }
  const ids: PartitionResult["ids"] = {};
  for (const c of ID_COLLECTIONS) {
    const rows = index.rows(c) as readonly { id: string }[];
    const mine = rows.filter((r) => owned(c, r.id));
    if (mine.length === 0) continue;
    const digests = new BigUint64Array(mine.length);
    for (let i = 0; i < mine.length; i++) digests[i] = idDigest(mine[i]!.id);
    ids[c] = digests.sort();
  }
  const params = parametersOn(options.asOf, { ...index.parameterOverrides, ...options.parameters });
  const ctx = new RuleContext(index, options.asOf, params, new Map());
  const facts = factsOf(
    index,
    ctx,
    owned,
    factCollections(rulesOfScope("province", options.catalogue)),
  );
  return { county: partition.county, findings, ids, facts };
}

const findingKey = (f: Finding) =>
  `${f.ruleId}\u0000${f.entity.collection}\u0000${f.entity.id}\u0000${(f.related ?? [])
    .map((r) => `${r.collection}:${r.id}`)
    .join(",")}\u0000${f.field ?? ""}\u0000${f.source?.file ?? ""}\u0000${f.source?.line ?? ""}`;

/**
 * Merges partition results (the reduce step): the shared part's own data checks, the
 * `province`-scope rules on the partitions' facts, ids repeated across partitions, and every
 * finding once. `idOf` names a repeated id from its digest (the merge keeps only digests); without
 * it a repeated id is named by its digest in hex.
 */
export function mergePartitions(
  shared: DatasetInput,
  results: readonly PartitionResult[],
  options: AuditRun,
  idOf?: (partition: number, collection: CollectionName, digest: bigint) => string | undefined,
): AuditReport {
  const { catalogue } = options;
  checkSelection(options.rules ?? {}, catalogue);
  const merged = new Map<string, Finding>();
  const add = (f: Finding) => {
    const key = findingKey(f);
    const prev = merged.get(key);
    if (!prev) merged.set(key, f);
    else if (prev.years && f.years)
      prev.years = [...new Set([...prev.years, ...f.years])].sort((a, b) => a - b);
  };
  // The shared rows' own data checks: the regions' townships and villages are checked in their
  // county's partition (their references name the county's people), the rest here.
  const counties = new Set(results.map((r) => r.county));
  const sharedIndex = loadDataset(shared);
  const sharedReport = runAudit(sharedIndex, narrow(options, []));
  const townshipCounty = new Map(sharedIndex.rows("townships").map((t) => [t.id, t.countyId]));
  for (const f of sharedReport.findings) {
    const c = f.entity.collection;
    if (c === "townships" && counties.has(townshipCounty.get(f.entity.id) ?? "")) continue;
    if (c === "villages") {
      const v = sharedIndex.village(f.entity.id);
      if (v && counties.has(townshipCounty.get(v.townshipId) ?? "")) continue;
    }
    add(f);
  }
  for (const r of results) for (const f of r.findings) add(f);

  // Ids repeated across partitions (and the shared part): reported in the later partition.
  for (const c of ID_COLLECTIONS) {
    const seen = new Map<bigint, number>();
    // The shared part's townships and villages are owned by their county's partition.
    if (c !== "townships" && c !== "villages") {
      for (const id of shared[c] ?? []) seen.set(idDigest(String(id.id)), -1);
    }
    results.forEach((r, p) => {
      const digests = r.ids[c];
      if (!digests) return;
      for (const d of digests) {
        if (!seen.has(d)) {
          seen.set(d, p);
          continue;
        }
        const id = idOf?.(p, c, d) ?? `0x${d.toString(16).padStart(16, "0")}`;
        add(
          dataFinding(
            "data.duplicate-id",
            "duplicateId",
            { collection: c, id },
            { id },
            { field: "id" },
          ),
        );
      }
    });
  }

  // The province-scope rules on the facts every partition handed over.
  const province = rulesOfScope("province", catalogue);
  let facts: DatasetInput = shared;
  for (const r of results) facts = concat(facts, r.facts);
  const factsReport = runAudit(loadDataset(facts), narrow(options, province));
  for (const f of factsReport.findings) if (!f.ruleId.startsWith("data.")) add(f);

  const skip = new Set(options.rules?.skip ?? []);
  const findings = [...merged.values()].filter((f) => !skip.has(f.ruleId));
  const params = parametersOn(options.asOf, {
    ...sharedIndex.parameterOverrides,
    ...options.parameters,
  });
  const keyCounties = sharedIndex.rows("counties").filter((c) => c.isKeyCounty === true).length;
  return buildReport(findings, options.asOf, params, keyCounties);
}

/**
 * Audits partitions one after another in this thread — and, as empty partitions, the counties of
 * the shared regions that have none — then merges: the in-memory audit's report.
 * @example const report = auditPartitioned(shared, partitions, { asOf: "2018-07-20", catalogue });
 */
export function auditPartitioned(
  shared: DatasetInput,
  partitions: Iterable<Partition>,
  options: AuditRun,
): AuditReport {
  const kept: Partition[] = [];
  const results: PartitionResult[] = [];
  for (const p of partitions) {
    kept.push(p);
    results.push(auditPartition(shared, p, options));
  }
  // A county with townships but no partition of its own is still audited: its villages may lack
  // a unit, its list may be missing.
  const covered = new Set(kept.map((p) => p.county));
  const uncovered = [...new Set((shared.townships ?? []).map((t) => String(t.countyId)))]
    .filter((c) => !covered.has(c))
    .sort();
  if (uncovered.length > 0) {
    // One empty partition owns all of them: they have no rows but their regions.
    const p = { county: uncovered[0]!, dataset: {} };
    kept.push(p);
    results.push(auditPartition(shared, p, options, new Set(uncovered)));
  }
  return mergePartitions(shared, results, options, (p, c, d) =>
    (kept[p]!.dataset[c] ?? []).map((r) => String(r.id)).find((id) => idDigest(id) === d),
  );
}
