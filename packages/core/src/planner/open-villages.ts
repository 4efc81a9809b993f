/**
 * The poor villages still without a unit, by county, in input order: taken one by one as the
 * village planner places them (the next free one, or a named one), each in constant time.
 */
import type { Village } from "../schema/collections.js";

export class OpenVillages {
  private readonly byCounty = new Map<string, Village[]>();
  private readonly next = new Map<string, number>();
  private readonly left = new Map<string, number>();
  /** Each open village and its county, by id. */
  private readonly byId = new Map<string, { countyId: string; village: Village }>();
  private readonly taken = new Set<string>();

  add(countyId: string, village: Village): void {
    const list = this.byCounty.get(countyId);
    if (list) list.push(village);
    else this.byCounty.set(countyId, [village]);
    this.left.set(countyId, (this.left.get(countyId) ?? 0) + 1);
    this.byId.set(village.id, { countyId, village });
  }

  /** How many open villages a county has left. */
  count(countyId: string): number {
    return this.left.get(countyId) ?? 0;
  }

  /** Takes the first open village of a county. */
  take(countyId: string): Village | undefined {
    const list = this.byCounty.get(countyId);
    if (!list) return undefined;
    let i = this.next.get(countyId) ?? 0;
    while (i < list.length && this.taken.has(list[i]!.id)) i++;
    this.next.set(countyId, i);
    const village = list[i];
    if (village) this.mark(countyId, village.id);
    return village;
  }

  /** Takes a named village if it is open and lies in the county. */
  takeId(countyId: string, villageId: string): Village | undefined {
    const entry = this.byId.get(villageId);
    if (entry?.countyId !== countyId || this.taken.has(villageId)) return undefined;
    this.mark(countyId, villageId);
    return entry.village;
  }

  /** Takes every open village left in a county, in input order. */
  takeAll(countyId: string): Village[] {
    const out: Village[] = [];
    for (let v = this.take(countyId); v; v = this.take(countyId)) out.push(v);
    return out;
  }

  private mark(countyId: string, villageId: string): void {
    this.taken.add(villageId);
    this.left.set(countyId, this.count(countyId) - 1);
  }
}
