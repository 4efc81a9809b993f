/**
 * The household faults of a county (三): helpers not entered in the register or handbook, too
 * few visits, no help plan, no poverty cause, a welfare household helped by unit staff, a
 * household verified by someone other than the resident cadre, or paired before it was verified,
 * two helpers, none, or one from a unit that does not contract the village; and, planted on a
 * village, households left to local cadres while a unit's staff member helps none.
 */
import type { Household, HouseholdAssignment } from "@shuangbao/core";
import { addDays, dateBetween, minDate } from "./dates.js";
import { type FaultContext, type FaultKind, halfOf } from "./draft.js";
import { faultYear, PER_YEAR, requiredInYear, times } from "./duty.js";
import { townshipLead } from "./first-partition.js";
import { isWelfare } from "./households.js";
import type { PlannedVillage } from "./model.js";
import { staffIds } from "./staff.js";

/** The household fault kinds of a county. */
export function householdKinds(ctx: FaultContext): FaultKind<Household>[] {
  const { draft, random, seed, rowsOf, load } = ctx;
  const { plan } = draft;
  const poorVillage = (h: Household) => plan.poorVillage.get(h.villageId);
  const helperRow = (h: Household) => rowsOf.get(h.id)?.[0];
  const isStaff = (personId: string) => /^U/.test(personId);
  /** Whether the household's helper may lose it: local cadres may, unit staff keep one. */
  const canLose = (personId: string) => !isStaff(personId) || (load.get(personId) ?? 0) >= 2;
  const unitStaffOf = (villageId: string) =>
    (plan.poorVillage.get(villageId)?.units ?? []).flatMap((u) => staffIds(u));
  const move = (from: string, to: string) => {
    load.set(from, (load.get(from) ?? 0) - 1);
    load.set(to, (load.get(to) ?? 0) + 1);
  };
  const h = (
    ruleId: string,
    plant: (hh: Household) => string | undefined,
  ): FaultKind<Household> => ({
    ruleId,
    plant: (hh) => {
      const fault = plant(hh);
      if (fault === undefined) return false;
      seed(ruleId, "households", hh.id, fault);
      return true;
    },
  });
  return [
    h("household.helper-recorded", (hh) => {
      const row = helperRow(hh);
      if (!row) return undefined;
      if (random.chance(0.5)) {
        row.recordedInHandbook = false;
        return "helper not entered in the 扶贫手册";
      }
      row.recordedInRegister = false;
      return "helper not entered in the 贫困户登记表";
    }),
    h("household.regular-visits", (hh) => {
      const row = helperRow(hh);
      const year = row && faultYear(random, row.startDate, plan.asOf, PER_YEAR.household);
      if (!row || year === undefined) return undefined;
      const required = requiredInYear(row.startDate, year, PER_YEAR.household);
      draft.visitFaults.fewHouseholdVisits.set(hh.id, year);
      return `helper visited ${times(halfOf(required))} in ${year}, ${times(required)} required`;
    }),
    h("household.has-plan", (hh) => {
      delete hh.planOn;
      return "no help plan";
    }),
    h("household.cause-known", (hh) => {
      delete hh.povertyCause;
      return "no poverty cause recorded";
    }),
    h("household.welfare-to-civil-affairs", (hh) => {
      const row = helperRow(hh);
      const staff = unitStaffOf(hh.villageId);
      if (!row || !isWelfare(hh) || staff.length === 0) return undefined;
      const to = random.pick(staff);
      move(row.personId, to);
      row.personId = to;
      return `welfare household (${hh.attribute}) helped by unit staff ${to}`;
    }),
    h("household.verified-by-resident-cadre", (hh) => {
      const v = poorVillage(hh);
      if (!v) return undefined;
      if (random.chance(0.5)) {
        delete hh.verifiedById;
        delete hh.verifiedOn;
        return "not verified";
      }
      hh.verifiedById = townshipLead(v.village.townshipId);
      return "verified by the township's poverty lead, not the resident cadre";
    }),
    h("household.verified-before-pairing", (hh) => {
      const row = helperRow(hh);
      if (!row || !poorVillage(hh) || hh.verifiedOn === undefined) return undefined;
      // The resident cadre who verifies is in post until 2015 at least (see the village faults).
      const verifiedOn = addDays(row.startDate, random.int(5, 30));
      if (verifiedOn > plan.asOf) return undefined;
      hh.verifiedOn = verifiedOn;
      return `paired with ${row.personId} on ${row.startDate}, verified only on ${verifiedOn}`;
    }),
    h("household.single-helper", (hh) => {
      const row = helperRow(hh);
      if (!row || !poorVillage(hh)) return undefined;
      const pool = isWelfare(hh)
        ? draft.villageCadres.get(hh.villageId)!
        : unitStaffOf(hh.villageId);
      const others = pool.filter((p) => p !== row.personId);
      if (others.length === 0) return undefined;
      const second = random.pick(others);
      const startDate = minDate(dateBetween(random, "2015-03-01", "2015-06-30"), plan.asOf);
      draft.rows.householdAssignments.push({ ...row, personId: second, startDate });
      load.set(second, (load.get(second) ?? 0) + 1);
      return `second helper ${second} assigned beside ${row.personId}`;
    }),
    h("household.has-helper", (hh) => {
      const row = helperRow(hh);
      if (!row || !canLose(row.personId)) return undefined;
      const list = draft.rows.householdAssignments;
      list.splice(list.indexOf(row), 1);
      rowsOf.delete(hh.id);
      load.set(row.personId, (load.get(row.personId) ?? 0) - 1);
      return "no helper assigned";
    }),
    h("household.helper-eligible", (hh) => {
      const row = helperRow(hh);
      const v = poorVillage(hh);
      if (!row || !v || isWelfare(hh) || !canLose(row.personId)) return undefined;
      const mine = new Set(v.units.map((u) => u.id));
      const foreign = draft.contracts.filter(
        (c) => c.unit.level !== "province" && !mine.has(c.unit.id),
      );
      if (foreign.length === 0) return undefined;
      const { unit } = random.pick(foreign);
      const to = random.pick(staffIds(unit));
      move(row.personId, to);
      row.personId = to;
      return `helped by staff of ${unit.name}, which does not contract the village`;
    }),
  ];
}

/**
 * `household.unit-staff-first`, planted on `count` poor villages (exited or not): a staff member
 * of a contracting unit, whose households are all in the village and carry no other fault, hands
 * them to village cadres and helps none, so no household of the village may be left to a local
 * cadre (三(一)). The villages where that makes the fewest findings (the village's non-welfare
 * households helped by local cadres) are chosen, so the fault stays a handful of households.
 */
export function plantUnitStaffFirst(ctx: FaultContext, count: number): void {
  const { draft, random, touched, freeStaff, load } = ctx;
  const { rows, pc } = draft;
  const byVillage = new Map<string, HouseholdAssignment[]>();
  const household = new Map(rows.households.map((h) => [h.id, h]));
  const byPerson = new Map<string, HouseholdAssignment[]>();
  for (const a of rows.householdAssignments) {
    const villageId = household.get(a.householdId)!.villageId;
    byVillage.set(villageId, [...(byVillage.get(villageId) ?? []), a]);
    byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a]);
  }
  const options: { v: PlannedVillage; staff: string; flagged: number }[] = [];
  for (const v of random.shuffled(pc.poor)) {
    const villageId = v.village.id;
    const inVillage = (a: HouseholdAssignment) =>
      household.get(a.householdId)!.villageId === villageId && !touched.has(a.householdId);
    // Not the principal, deputy or resident cadres (-01 to -04): an ordinary staff member.
    const candidates = v.units
      .flatMap((u) => staffIds(u))
      .filter((id) => !/-0[1-4]$/.test(id) && (byPerson.get(id) ?? []).length > 0)
      .filter((id) => byPerson.get(id)!.every(inVillage));
    if (candidates.length === 0) continue;
    const staff = random.pick(candidates);
    const locals = localCadres(ctx, v);
    const flagged = new Set(
      (byVillage.get(villageId) ?? [])
        .filter((a) => locals.has(a.personId) || a.personId === staff)
        .map((a) => household.get(a.householdId)!)
        .filter((h) => !isWelfare(h))
        .map((h) => h.id),
    ).size;
    options.push({ v, staff, flagged });
  }
  options.sort((a, b) => a.flagged - b.flagged);
  for (const { v, staff } of options.slice(0, count)) {
    const cadres = draft.villageCadres.get(v.village.id)!;
    for (const a of byPerson.get(staff)!) {
      const to = random.pick(cadres);
      load.set(a.personId, (load.get(a.personId) ?? 0) - 1);
      load.set(to, (load.get(to) ?? 0) + 1);
      a.personId = to;
      touched.add(a.householdId);
    }
    freeStaff.set(v.village.id, staff);
  }
}

/** The township and village cadres who may help a village's households. */
function localCadres(ctx: FaultContext, v: PlannedVillage): Set<string> {
  const { draft } = ctx;
  const t = v.village.townshipId;
  return new Set([
    ...draft.villageCadres.get(v.village.id)!,
    ...draft.townshipCadres.get(t)!,
    ...draft.civilAffairs.get(t)!,
  ]);
}

/**
 * Seeds `household.unit-staff-first` for every non-welfare household of a village with a free
 * staff member whose helper (current, as all are) is a township or village cadre: run after all
 * faults, so that it sees the helpers as they are left.
 */
export function unitStaffFirstSeeds(ctx: FaultContext): void {
  const { draft, freeStaff, seed } = ctx;
  const { rows, plan } = draft;
  for (const [villageId, staff] of freeStaff) {
    const v = plan.poorVillage.get(villageId)!;
    const locals = localCadres(ctx, v);
    const household = new Map(
      rows.households.filter((h) => h.villageId === villageId).map((h) => [h.id, h]),
    );
    const seen = new Set<string>();
    for (const a of rows.householdAssignments) {
      const h = household.get(a.householdId);
      if (!h || isWelfare(h) || !locals.has(a.personId) || seen.has(h.id)) continue;
      seen.add(h.id);
      seed(
        "household.unit-staff-first",
        "households",
        h.id,
        `helped by local cadre ${a.personId} while unit staff ${staff} helps no household`,
      );
    }
  }
}
