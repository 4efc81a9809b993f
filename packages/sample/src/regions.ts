/**
 * The Anhui regions extract (`data/anhui-regions.json`, see `data/ATTRIBUTION.md`): 16 cities,
 * 119 county-level divisions (15 of them development zones), 1,685 townships and 18,334 villages
 * with their real names and codes, and the 31 key counties of 2014. Read once, on first use.
 */
import { readFileSync } from "node:fs";
import type { City, County, Township } from "@shuangbao/core";

/** A village of the extract: no poverty status yet (the generator decides it). */
export interface RegionVillage {
  id: string;
  name: string;
  townshipId: string;
}

/** The extract as typed rows. */
export interface AnhuiRegions {
  source: string;
  cities: City[];
  counties: County[];
  townships: Township[];
  villages: RegionVillage[];
}

let cached: AnhuiRegions | undefined;

/**
 * The extract (the same object on every call: do not mutate it).
 * @example anhuiRegions().counties.filter((c) => c.isKeyCounty).length // 31
 */
export function anhuiRegions(): AnhuiRegions {
  // The same relative URL works from src/ (tests) and dist/ (the built package).
  cached ??= JSON.parse(
    readFileSync(new URL("../data/anhui-regions.json", import.meta.url), "utf8"),
  ) as AnhuiRegions;
  return cached;
}

/**
 * Whether a county code is a development zone or industrial park (`xxxx7x`), not a county with
 * poverty tasks.
 * @example isDevelopmentZone("340871") // true
 */
export function isDevelopmentZone(countyId: string): boolean {
  return countyId[4] === "7";
}

/**
 * Whether a village is a rural village committee (村委会) in a real township, the kind that can
 * be a 贫困村; urban communities (居委会, 社区) and the villages of development zones, farms and
 * management areas (townships `xxxxxx4xx`, `xxxxxx5xx`) are not.
 * @example isRuralVillage({ id: "340828101200", name: "店前村委会", townshipId: "340828101" }) // true
 */
export function isRuralVillage(village: RegionVillage): boolean {
  const kind = village.townshipId[6];
  if (kind === "4" || kind === "5") return false;
  return /(村委会|村民委员会|村)$/.test(village.name);
}

/** The regions grouped for the generator: townships by county, villages by township. */
export interface RegionLookup {
  regions: AnhuiRegions;
  county: Map<string, County>;
  city: Map<string, City>;
  townshipsOf: Map<string, Township[]>;
  villagesOf: Map<string, RegionVillage[]>;
}

let lookup: RegionLookup | undefined;

/**
 * The extract with lookups by parent.
 * @example regionLookup().townshipsOf.get("340828")?.length // 26
 */
export function regionLookup(): RegionLookup {
  if (lookup) return lookup;
  const regions = anhuiRegions();
  const townshipsOf = new Map<string, Township[]>();
  for (const t of regions.townships) {
    const list = townshipsOf.get(t.countyId) ?? [];
    list.push(t);
    townshipsOf.set(t.countyId, list);
  }
  const villagesOf = new Map<string, RegionVillage[]>();
  for (const v of regions.villages) {
    const list = villagesOf.get(v.townshipId) ?? [];
    list.push(v);
    villagesOf.set(v.townshipId, list);
  }
  lookup = {
    regions,
    county: new Map(regions.counties.map((c) => [c.id, c])),
    city: new Map(regions.cities.map((c) => [c.id, c])),
    townshipsOf,
    villagesOf,
  };
  return lookup;
}
