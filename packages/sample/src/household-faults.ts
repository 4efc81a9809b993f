/**
 * The household faults of a county (三): helpers not entered in the register or handbook, too
 * few visits, no help plan, no poverty cause, a welfare household helped by unit staff, a
 * household verified by someone other than the resident cadre, two helpers, none, or one from a
 * unit that does not contract the village.
 */
import { endedContractYears, type Household } from "@shuangbao/core";
import type { FaultContext, FaultKind } from "./county-faults.js";
import { dateBetween, minDate } from "./dates.js";
import { townshipLead } from "./first-partition.js";
import { isWelfare } from "./households.js";
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
      const years = row ? endedContractYears(row.startDate, plan.asOf).length : 0;
      if (years === 0) return undefined;
      const k = random.int(0, years - 1);
      draft.visitFaults.fewHouseholdVisits.set(hh.id, k);
      return `helper visited twice in helper year ${k + 1}`;
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
