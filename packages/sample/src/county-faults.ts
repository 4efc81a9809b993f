/**
 * The faults planted in a county partition, each a small realistic lapse recorded as the finding
 * it must cause (`rules.md` v2, "Which row a finding names"). Households, villages, their resident
 * cadres and units are four groups; an entity gets at most one fault of its group, and a fault
 * never leaves another entity in breach (a helper who loses a household keeps at least one). A
 * per-year shortfall is planted in a calendar year that is due and requires at least one (a whole
 * year where there is one); a missing plan, assessment or acceptance is one that is owed.
 * `household.unit-staff-first` is planted on a village and found on each of its households that
 * local cadres help, so those are seeded last, from the rows as all faults left them.
 */
import type { Household, HouseholdAssignment } from "@shuangbao/core";
import { addDays, addYears, dateBetween, dayOf, isoOf } from "./dates.js";
import type { CountyDraft, FaultContext, FaultKind } from "./draft.js";
import {
  acceptanceRequired,
  annualPlanYears,
  faultYear,
  owedAssessmentYears,
  PER_YEAR,
  requiredInYear,
  times,
} from "./duty.js";
import { townshipLead } from "./first-partition.js";
import { householdKinds, plantUnitStaffFirst, unitStaffFirstSeeds } from "./household-faults.js";
import type { PlannedUnit, PlannedVillage, SeededFault } from "./model.js";
import { idNumber } from "./names.js";
import { faultCount, VILLAGE_FAULT_KINDS } from "./plan-faults.js";
import { Random } from "./random.js";
import { isDevelopmentZone } from "./regions.js";
import { staffId } from "./staff.js";
import { localName } from "./unit-names.js";

/** Plants `kinds` over a group, each at most once per candidate, in random order. */
export function plantGroup<T>(
  random: Random,
  violations: number,
  candidates: readonly T[],
  groupSize: number,
  kinds: readonly FaultKind<T>[],
): void {
  const used = new Set<T>();
  for (const kind of kinds) {
    let n = faultCount(violations, groupSize, kinds.length);
    for (const c of random.shuffled(candidates)) {
      if (n === 0) break;
      if (used.has(c) || !kind.plant(c)) continue;
      used.add(c);
      n--;
    }
  }
}

function villageKinds(ctx: FaultContext): FaultKind<PlannedVillage>[] {
  const { draft, random, seed } = ctx;
  const { rows, plan } = draft;
  const asOf = plan.asOf;
  const cadreOf = (v: PlannedVillage) => draft.currentCadre.get(v.village.id)!;
  // The kinds with the fewest candidates first.
  return [
    {
      ruleId: "village.resident-cadre-continuous",
      plant: (v) => {
        if (!v.rotation) return false;
        const row = cadreOf(v);
        const days = random.int(35, 90);
        const selectedOn = addDays(v.rotation, days);
        if (selectedOn > asOf) return false;
        row.selectedOn = selectedOn;
        seed(
          "village.resident-cadre-continuous",
          "villages",
          v.village.id,
          `no resident cadre from ${v.rotation} to ${addDays(selectedOn, -1)}: the successor came ${days} days after the predecessor left`,
        );
        return true;
      },
    },
    {
      ruleId: "work-team.captain",
      plant: (v) => {
        const captain = rows.workTeamMembers.find(
          (m) => m.villageId === v.village.id && m.teamRole === "captain",
        );
        if (!v.rotation || !captain) return false;
        captain.personId = staffId(v.units[0]!.id, 3);
        seed(
          "work-team.captain",
          "villages",
          v.village.id,
          `the work team still names the former resident cadre ${captain.personId}, who left on ${v.rotation}, as captain`,
        );
        return true;
      },
    },
    {
      ruleId: "village.has-resident-cadre",
      plant: (v) => {
        const row = cadreOf(v);
        // Long enough to count (more than 30 days without a cadre by asOf), and after 2014, so
        // that the households the cadre verified were verified while in post.
        const later = addDays(row.selectedOn, 60);
        const from = later > "2015-01-01" ? later : "2015-01-01";
        const to = addDays(asOf, -45);
        if (from > to) return false;
        row.endDate = dateBetween(random, from, to);
        seed(
          "village.has-resident-cadre",
          "villages",
          v.village.id,
          `resident cadre left on ${row.endDate} without a successor`,
        );
        seed(
          "work-team.captain",
          "villages",
          v.village.id,
          "the work team's captain is no longer its resident cadre",
        );
        return true;
      },
    },
    {
      ruleId: "village.pool-small-units",
      plant: (v) => {
        if (v.units.length < 2) return false;
        const unit = rows.units.find((u) => u.id === random.pick(v.units).id);
        if (!unit) return false;
        unit.staffSize = random.int(18, 45);
        seed(
          "village.pool-small-units",
          "villages",
          v.village.id,
          `pooled with ${unit.name}, which has ${unit.staffSize} posts`,
        );
        return true;
      },
    },
    {
      ruleId: "assignment.acceptance-after-term",
      plant: (v) => {
        if (!acceptanceRequired(v.start, asOf)) return false;
        const unit = random.pick(v.units);
        rows.acceptances = rows.acceptances.filter(
          (a) => !(a.villageId === v.village.id && a.unitId === unit.id),
        );
        seed(
          "assignment.acceptance-after-term",
          "villages",
          v.village.id,
          `${unit.name}'s contract not accepted after its term`,
        );
        return true;
      },
    },
    {
      ruleId: "village.has-plans",
      plant: (v) => {
        const owed = annualPlanYears(v.start, asOf);
        if (owed.length === 0) return false;
        const year = random.pick(owed);
        const i = rows.villagePlans.findIndex(
          (p) => p.villageId === v.village.id && p.kind === "annual" && p.year === year,
        );
        if (i < 0) return false;
        rows.villagePlans.splice(i, 1);
        seed("village.has-plans", "villages", v.village.id, `no annual plan for ${year}`);
        return true;
      },
    },
    {
      ruleId: "work-team.members",
      plant: (v) => {
        const lead = townshipLead(v.village.townshipId);
        const before = rows.workTeamMembers.length;
        rows.workTeamMembers = rows.workTeamMembers.filter(
          (m) => !(m.villageId === v.village.id && m.personId === lead),
        );
        if (rows.workTeamMembers.length === before) return false;
        seed("work-team.members", "villages", v.village.id, "work team has no township cadre");
        return true;
      },
    },
  ];
}

/**
 * The faults of a village's current resident cadre (二(三)4, 四4), a group of their own: a cadre
 * fault names the person, so a village may carry one of each group.
 */
function cadreKinds(ctx: FaultContext): FaultKind<PlannedVillage>[] {
  const { draft, random, seed } = ctx;
  const cadreOf = (v: PlannedVillage) => draft.currentCadre.get(v.village.id)!;
  /** The current cadre's person, when selected and in this partition (city or county unit). */
  const localSelected = (v: PlannedVillage) =>
    v.selected && v.units[0]!.level !== "province"
      ? draft.person.get(cadreOf(v).personId)
      : undefined;
  const cadreKind = (
    ruleId: string,
    change: (
      p: NonNullable<ReturnType<typeof localSelected>>,
      v: PlannedVillage,
    ) => string | undefined,
  ): FaultKind<PlannedVillage> => ({
    ruleId,
    plant: (v) => {
      const person = localSelected(v);
      const fault = person && change(person, v);
      if (!person || !fault) return false;
      seed(ruleId, "people", person.id, fault);
      return true;
    },
  });
  return [
    cadreKind("selected-cadre.age", (p, v) => {
      const sel = cadreOf(v).selectedOn;
      const born = isoOf(random.int(dayOf(addYears(sel, -46)) + 1, dayOf(addYears(sel, -41))));
      p.birthDate = born;
      p.idNumber = idNumber(random, p.idNumber!.slice(0, 6), born, p.gender ?? "male");
      return `selected cadre born ${born}, over 40 when selected on ${sel}`;
    }),
    cadreKind("selected-cadre.party-member", (p, v) => {
      p.partyMember = false;
      const unit = v.units[0]!;
      const selecting =
        unit.category === "party_government_organ" ||
        unit.category === "peoples_organization" ||
        (unit.category === "public_institution" && unit.civilServantManaged === true);
      // rules.md "Who is who": a cadre of such a unit is selected whatever the flag says.
      if (selecting && random.chance(0.5)) {
        cadreOf(v).selected = false;
        return "cadre of a selecting unit, recorded as not selected, is not a CPC member";
      }
      return "selected cadre is not a CPC member";
    }),
    cadreKind("selected-cadre.education", (p) => {
      p.education = random.pick(["senior_high", "junior_high"] as const);
      return `selected cadre's education is ${p.education}`;
    }),
    cadreKind("selected-cadre.work-years", (p, v) => {
      const sel = cadreOf(v).selectedOn;
      p.workStartDate = `${addDays(addYears(sel, -2), random.int(1, 300)).slice(0, 7)}-01`;
      return `selected cadre started work on ${p.workStartDate}, under 3 years before selection`;
    }),
    cadreKind("selected-cadre.reserve-preferred", (p) => {
      // A missing flag counts as not a reserve cadre (rules.md).
      if (random.chance(0.5)) p.reserveCadre = false;
      else delete p.reserveCadre;
      return `selected cadre of a city or county unit is not ${p.reserveCadre === false ? "a reserve cadre" : "recorded as a reserve cadre"}`;
    }),
    {
      ruleId: "selected-cadre.village-post",
      plant: (v) => {
        const row = cadreOf(v);
        if (!v.selected) return false;
        row.villagePost = "none";
        seed(
          "selected-cadre.village-post",
          "people",
          row.personId,
          "selected cadre holds no village post",
        );
        return true;
      },
    },
    {
      ruleId: "resident-cadre.approved",
      plant: (v) => {
        const row = cadreOf(v);
        delete row.approvedOn;
        seed("resident-cadre.approved", "people", row.personId, "resident cadre never approved");
        return true;
      },
    },
  ];
}

const FIRMS = ["徽源", "皖美", "大别山", "天峰", "兴农", "绿源", "金穗", "山水"];
const FIRM_KINDS = ["茶业有限公司", "农业科技有限公司", "商贸有限公司", "建设工程有限公司"];

function unitKinds(ctx: FaultContext): FaultKind<PlannedUnit>[] {
  const { draft, random, seed } = ctx;
  const { rows, plan, pc } = draft;
  const row = (u: PlannedUnit) => rows.units.find((r) => r.id === u.id)!;
  const startOf = (u: PlannedUnit) => plan.poorVillage.get(u.villageId)!.start;
  return [
    {
      ruleId: "county-unit.within-county",
      plant: (u) => {
        const others = plan.counties.filter(
          (c) => c.cityId === pc.city.id && c.id !== pc.county.id && !isDevelopmentZone(c.id),
        );
        if (u.level !== "county" || !u.template || others.length === 0) return false;
        const other = random.pick(others);
        Object.assign(row(u), {
          countyId: other.id,
          name: localName({ name: u.template } as never, other.name, "county"),
        });
        seed(
          "county-unit.within-county",
          "units",
          u.id,
          `a unit of ${other.name} contracts a village of ${pc.county.name}`,
        );
        if (!pc.county.isKeyCounty)
          seed(
            "village.non-key-county-local",
            "villages",
            u.villageId,
            `contracted by a unit of ${other.name}`,
          );
        return true;
      },
    },
    {
      ruleId: "unit.has-deputy",
      plant: (u) => {
        delete row(u).deputyId;
        seed("unit.has-deputy", "units", u.id, "unit names no deputy in charge");
        return true;
      },
    },
    {
      ruleId: "unit.principal-visits",
      plant: (u) => {
        const year = faultYear(random, startOf(u), plan.asOf, PER_YEAR.principal);
        if (year === undefined) return false;
        const required = requiredInYear(startOf(u), year, PER_YEAR.principal);
        draft.visitFaults.fewPrincipalVisits.set(u.id, year);
        seed(
          "unit.principal-visits",
          "units",
          u.id,
          `principal researched the village ${times(required - 1)} in ${year}, ${times(required)} required`,
        );
        return true;
      },
    },
    {
      ruleId: "unit.staff-visits",
      plant: (u) => {
        const year = faultYear(random, startOf(u), plan.asOf, PER_YEAR.staff);
        if (year === undefined) return false;
        draft.visitFaults.noStaffVisits.set(u.id, year);
        seed("unit.staff-visits", "units", u.id, `no staff visit in ${year}`);
        return true;
      },
    },
    {
      ruleId: "unit.topic-meetings",
      plant: (u) => {
        const year = faultYear(random, startOf(u), plan.asOf, PER_YEAR.meetings);
        if (year === undefined) return false;
        const keep = requiredInYear(startOf(u), year, PER_YEAR.meetings) - 1;
        let kept = 0;
        rows.meetings = rows.meetings.filter(
          (m) => m.unitId !== u.id || !m.date.startsWith(`${year}-`) || kept++ < keep,
        );
        seed(
          "unit.topic-meetings",
          "units",
          u.id,
          `${keep} topic meeting${keep === 1 ? "" : "s"} in ${year}, ${keep + 1} required`,
        );
        return true;
      },
    },
    {
      ruleId: "unit.annual-assessment",
      plant: (u) => {
        const due = owedAssessmentYears(startOf(u), plan.asOf);
        if (due.length === 0) return false;
        const year = random.pick(due);
        rows.assessments = rows.assessments.filter((a) => a.unitId !== u.id || a.year !== year);
        seed("unit.annual-assessment", "units", u.id, `not assessed for ${year}`);
        return true;
      },
    },
    {
      ruleId: "unit.eligible-category",
      plant: (u) => {
        const r = row(u);
        // A cadre recorded as not selected is selected only through the unit's category.
        if (rows.residentCadres.some((c) => c.unitId === u.id && c.selected === false))
          return false;
        r.category = "other";
        r.name = `${pc.county.name.slice(0, -1)}${random.pick(FIRMS)}${random.pick(FIRM_KINDS)}`;
        delete r.civilServantManaged;
        seed(
          "unit.eligible-category",
          "units",
          u.id,
          `a private firm (${r.name}) contracts a village`,
        );
        return true;
      },
    },
  ];
}

/**
 * Plants a county's faults into its draft and returns them.
 * @example plantCountyFaults(draft) // [] when violations is 0
 */
export function plantCountyFaults(draft: CountyDraft): SeededFault[] {
  const { plan, pc, rows } = draft;
  const v = plan.violations;
  if (v <= 0) return [];
  const random = new Random(plan.seed, `faults:${pc.county.id}`);
  const seeded: SeededFault[] = [];
  const rowsOf = new Map<string, HouseholdAssignment[]>();
  const load = new Map<string, number>();
  for (const a of rows.householdAssignments) {
    rowsOf.set(a.householdId, [...(rowsOf.get(a.householdId) ?? []), a]);
    load.set(a.personId, (load.get(a.personId) ?? 0) + 1);
  }
  const touched = new Set<string>();
  const ctx: FaultContext = {
    draft,
    random,
    seed: (ruleId, collection, id, fault) => {
      seeded.push({ ruleId, collection, id, fault });
      if (collection === "households") touched.add(id);
    },
    rowsOf,
    load,
    touched,
    freeStaff: new Map(),
  };

  const households = rows.households.filter((h: Household) => h.exitedPovertyOn === undefined);
  plantGroup(random, v, households, rows.households.length, householdKinds(ctx));
  const villages = pc.poor.filter(
    (pv) => pv.exitedOn === undefined && !plan.faults.noCoordinator.has(pv.village.id),
  );
  const kinds = villageKinds(ctx);
  if (kinds.length + 1 !== VILLAGE_FAULT_KINDS)
    throw new Error(
      `sample: VILLAGE_FAULT_KINDS is ${VILLAGE_FAULT_KINDS}, not ${kinds.length + 1}`,
    );
  plantGroup(random, v, villages, pc.poor.length, kinds);
  // Exited villages keep their cadres; a cadre who left without a successor is judged no more.
  const cadres = pc.poor.filter(
    (pv) => draft.currentCadre.get(pv.village.id)!.endDate === undefined,
  );
  plantGroup(random, v, cadres, pc.poor.length, cadreKinds(ctx));
  plantUnitStaffFirst(ctx, faultCount(v, pc.poor.length, VILLAGE_FAULT_KINDS));
  const units = draft.contracts.map((c) => c.unit).filter((u) => u.level !== "province");
  plantGroup(random, v, units, units.length, unitKinds(ctx));
  // Every household the free staff member's unit leaves to local cadres, now that all is planted.
  unitStaffFirstSeeds(ctx);

  if (plan.faults.lateUnitList.has(pc.county.id)) {
    rows.reports[0]!.submittedOn = dateBetween(random, "2014-08-01", "2014-08-09");
    ctx.seed(
      "report.unit-list-deadline",
      "counties",
      pc.county.id,
      "county reported its contracting units after 30 July",
    );
  }
  return seeded;
}
