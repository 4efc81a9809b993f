/**
 * How a row finds its county, from the collections' `countyVia`: the reference fields to follow,
 * each to a collection that finds its county the same way, down to the counties themselves.
 * The partitioned audit splits and merges by it; nothing else keeps a list of these paths.
 */
import { COLLECTIONS } from "./collections.js";
import { type CollectionName, refTarget } from "./fields.js";

/** A row of some collection, as a look-up finds it. */
type AnyRow = Readonly<Record<string, unknown>>;

/**
 * The paths of fields a row of `collection` follows to its county, tried in order: each ends in
 * a field holding a county id (`["id"]` for a county itself). Empty for a collection that lies in
 * no one county (cities). Reports' `regionId` names a county only for a unit list; `countyOf`
 * reads that from the row.
 * @example countyPathsOf("households") // [["villageId", "townshipId", "countyId"]]
 */
export function countyPathsOf(collection: CollectionName): string[][] {
  const paths: string[][] = [];
  for (const field of COLLECTIONS[collection].countyVia) {
    if (field === "id") {
      paths.push(["id"]);
      continue;
    }
    const spec = COLLECTIONS[collection].fields.find((f) => f.name === field)!;
    if (spec.ref === "counties") paths.push([field]);
    else for (const rest of countyPathsOf(spec.ref!)) paths.push([field, ...rest]);
  }
  return paths;
}

/**
 * The county id a row lies in, following its `countyVia` fields through `find` (a row of a
 * collection by id); `undefined` when no path leads to a county the look-up knows of (a province
 * unit, a city's cadre list, a dangling reference).
 * @example countyOf("villages", village, (c, id) => index.tables[c].get(id)) // "340828"
 */
export function countyOf(
  collection: CollectionName,
  row: AnyRow,
  find: (collection: CollectionName, id: string) => AnyRow | undefined,
): string | undefined {
  for (const field of COLLECTIONS[collection].countyVia) {
    const value = row[field];
    if (typeof value !== "string" || value === "") continue;
    if (field === "id") return collection === "counties" ? value : undefined;
    const spec = COLLECTIONS[collection].fields.find((f) => f.name === field)!;
    const target = refTarget(spec, row);
    const found = find(target, value);
    if (!found) continue;
    const county = countyOf(target, found, find);
    if (county !== undefined) return county;
  }
  return undefined;
}
