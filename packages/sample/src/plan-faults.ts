/**
 * The faults planted in the first partition's rows, decided with the plan: province units
 * without a deputy, a designated county, a year's assessment or enough topic meetings, or paired
 * with a poor village they do not contract; villages without a coordinator; late cadre lists.
 */
import { faultYear, owedAssessmentYears, PER_YEAR, requiredInYear } from "./duty.js";
import { townshipLead, villageSecretary } from "./first-partition.js";
import type { Plan, PlannedUnit } from "./model.js";
import { Random } from "./random.js";

/**
 * The kinds of village fault: the county partitions plant the others (`villageKinds` in
 * county-faults.ts), the first partition plants `village.has-coordinators`; together they share
 * the villages.
 */
export const VILLAGE_FAULT_KINDS = 8;

/**
 * How many faults of one kind to plant: about `violations` × the group's size, shared by the
 * group's kinds, and at least one when `violations` > 0.
 * @example faultCount(0.05, 400, 8) // 3
 */
export function faultCount(violations: number, groupSize: number, kinds: number): number {
  if (violations <= 0 || groupSize === 0) return 0;
  return Math.max(1, Math.round((violations * groupSize) / kinds));
}

/** Plants the first partition's faults and records them in `plan.seeded`. */
export function planFirstPartitionFaults(plan: Plan): void {
  const v = plan.violations;
  if (v <= 0) return;
  const random = new Random(plan.seed, "faults:first");
  const f = plan.faults;
  const startOf = (u: PlannedUnit) => plan.poorVillage.get(u.villageId)!.start;
  const seed = (ruleId: string, collection: string, id: string, fault: string) =>
    plan.seeded.push({ ruleId, collection, id, fault });

  type Kind = [ruleId: string, plant: (u: PlannedUnit) => boolean];
  const unitKinds: Kind[] = [
    [
      "unit.has-deputy",
      (u) => {
        f.noDeputy.add(u.id);
        seed("unit.has-deputy", "units", u.id, "province unit names no deputy in charge");
        return true;
      },
    ],
    [
      "unit.annual-assessment",
      (u) => {
        const years = owedAssessmentYears(startOf(u), plan.asOf);
        if (years.length === 0) return false;
        const year = random.pick(years);
        f.missingAssessment.set(u.id, year);
        seed("unit.annual-assessment", "units", u.id, `province unit not assessed for ${year}`);
        return true;
      },
    ],
    [
      "unit.topic-meetings",
      (u) => {
        const year = faultYear(random, startOf(u), plan.asOf, PER_YEAR.meetings);
        if (year === undefined) return false;
        f.fewMeetings.set(u.id, year);
        const held = requiredInYear(startOf(u), year, PER_YEAR.meetings) - 1;
        seed(
          "unit.topic-meetings",
          "units",
          u.id,
          `province unit held ${held} topic meeting${held === 1 ? "" : "s"} in ${year}, ${held + 1} required`,
        );
        return true;
      },
    ],
    [
      "province-unit.has-designated-county",
      (u) => {
        f.noDesignatedCounty.add(u.id);
        seed(
          "province-unit.has-designated-county",
          "units",
          u.id,
          "province unit has no designated county recorded",
        );
        return true;
      },
    ],
    [
      "province-unit.prefer-paired-village",
      (u) => {
        const county = plan.taskCounties.find((c) => c.county.id === u.designatedCountyId);
        const others = (county?.poor ?? []).filter(
          (pv) => pv.exitedOn === undefined && pv.units.every((x) => x.id !== u.id),
        );
        if (others.length === 0) return false;
        const paired = random.pick(others).village.id;
        f.pairedElsewhere.set(u.id, paired);
        seed(
          "province-unit.prefer-paired-village",
          "units",
          u.id,
          `province unit paired with ${paired}, which it does not contract`,
        );
        return true;
      },
    ],
  ];
  // These faults touch different fields and never hide one another: where a county has fewer
  // province units than kinds, a unit already at fault takes a second one.
  const used = new Set<string>();
  for (const [, plant] of unitKinds) {
    let n = faultCount(v, plan.provinceUnits.length, unitKinds.length);
    const order = random.shuffled(plan.provinceUnits);
    for (const u of [
      ...order.filter((x) => !used.has(x.id)),
      ...order.filter((x) => used.has(x.id)),
    ]) {
      if (n === 0) break;
      if (!plant(u)) continue;
      used.add(u.id);
      n--;
    }
  }

  const villages = plan.taskCounties
    .flatMap((c) => c.poor)
    .filter((pv) => pv.exitedOn === undefined);
  for (const pv of random.sample(villages, faultCount(v, villages.length, VILLAGE_FAULT_KINDS))) {
    const field = random.pick(["coordinatorId", "townshipCoordinatorId"] as const);
    const wrong = random.chance(0.5);
    const village = field === "coordinatorId" ? "village" : "township";
    f.noCoordinator.set(pv.village.id, { field, wrong });
    seed(
      "village.has-coordinators",
      "villages",
      pv.village.id,
      !wrong
        ? `village names no ${village} coordinator`
        : field === "coordinatorId"
          ? `village coordinator is the township's poverty lead ${townshipLead(pv.village.townshipId)}, not one of the village's cadres`
          : `township coordinator is the village's party secretary ${villageSecretary(pv.village.id)}, not a township cadre`,
    );
  }

  const cities = [...new Set(plan.taskCounties.map((c) => c.city.id))].sort();
  for (const id of random.sample(cities, faultCount(v, cities.length, 1))) {
    f.lateCadreList.add(id);
    seed(
      "report.cadre-list-deadline",
      "cities",
      id,
      "city reported its resident cadres after 10 August",
    );
  }
  // Chosen here so that a province has a few late counties, not one late list per partition.
  const counties = plan.taskCounties.map((c) => c.county.id);
  for (const id of random.sample(counties, faultCount(v, counties.length, 1)))
    f.lateUnitList.add(id);
}
