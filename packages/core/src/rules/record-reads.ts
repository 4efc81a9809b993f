/**
 * Test support: runs a rule's check over a dataset and records which fields of which collections
 * it reads — through the index, the rows it hands out and the `RuleContext` helpers — so a test
 * can hold every rule to its declared `reads`.
 */
import type { DatasetIndex } from "../engine/dataset-index.js";
import { RuleContext } from "../engine/rule-context.js";
import type { Rule } from "../engine/rule-model.js";
import { parametersOn } from "../params/parameters.js";
import { COLLECTION_NAMES, type CollectionName } from "../schema/fields.js";

/**
 * The `collection.field` names the rule's check read on `index` at `asOf`, sorted (ids aside:
 * every rule may read them). Visits are counted through their compact store, not read as rows:
 * their reads are not recorded.
 * @example recordReads(villageHasUnit, loadDataset(compliantCounty()), "2018-07-20")
 */
export function recordReads(rule: Rule, index: DatasetIndex, asOf: string): string[] {
  const collectionOf = new Map<object, CollectionName>();
  for (const c of COLLECTION_NAMES) {
    if (c === "visits") continue;
    for (const row of index.rows(c)) collectionOf.set(row, c);
  }
  const read = new Set<string>();
  const proxies = new WeakMap<object, object>();
  const rowOf = new WeakMap<object, object>();
  const wrap = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(wrap);
    if (typeof value !== "object" || value === null) return value;
    const collection = collectionOf.get(value);
    if (!collection) return value;
    let proxy = proxies.get(value);
    if (!proxy) {
      proxy = new Proxy(value, {
        get(row, field, receiver) {
          if (typeof field === "string" && field !== "id") read.add(`${collection}.${field}`);
          return Reflect.get(row, field, receiver);
        },
      });
      proxies.set(value, proxy);
      rowOf.set(proxy, value);
    }
    return proxy;
  };
  // The index's methods hand out recording rows; its own work (keys, look-ups) is not a read.
  const recording = new Proxy(index, {
    get(target, name) {
      const member = Reflect.get(target, name, target);
      if (typeof member !== "function") return member;
      const unwrap = (a: unknown) =>
        typeof a === "object" && a !== null ? (rowOf.get(a) ?? a) : a;
      return (...args: unknown[]) => wrap(member.apply(target, args.map(unwrap)));
    },
  });
  const params = parametersOn(asOf, index.parameterOverrides);
  const ctx = new RuleContext(recording, asOf, params, new Map()).forRule(rule);
  for (const _ of rule.check(recording, ctx)) {
    // Running the check is the point: its hits do not matter here.
  }
  return [...read].sort();
}
