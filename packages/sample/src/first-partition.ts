/**
 * The first partition: the regions (poverty status, exits and coordinators on the villages), the
 * province-level units with their people, meetings and assessments, the people villages name as
 * coordinators (each poor village's party secretary, each township's poverty lead), and the cities'
 * resident-cadre lists. County partitions refer to these rows; these refer to nothing else.
 */
import { emptyDataset, type Person, type Report, type Unit, type Village } from "@shuangbao/core";
import { unitAssessments, unitMeetings } from "./activity.js";
import { dateBetween } from "./dates.js";
import type { Partition, Plan, PlannedUnit } from "./model.js";
import { townshipPerson, villageCadre } from "./people.js";
import { Random } from "./random.js";
import { unitStaff } from "./staff.js";

/** The id of a township's poverty lead, who coordinates for its poor villages. */
export const townshipLead = (townshipId: string): string => `${townshipId}-01`;
/** The id of a village's party secretary, its coordinator when poor. */
export const villageSecretary = (villageId: string): string => `${villageId}-01`;

/** A planned unit as a `units` row. */
export function unitRow(u: PlannedUnit): Unit {
  return {
    id: u.id,
    name: u.name,
    category: u.category,
    level: u.level,
    ...(u.cityId ? { cityId: u.cityId } : {}),
    ...(u.countyId ? { countyId: u.countyId } : {}),
    staffSize: u.staffSize,
    ...(u.verticalManagement ? { verticalManagement: true } : {}),
    ...(u.civilServantManaged ? { civilServantManaged: true } : {}),
    ...(u.designatedCountyId ? { designatedCountyId: u.designatedCountyId } : {}),
    ...(u.leadCountyId ? { leadCountyId: u.leadCountyId } : {}),
    ...(u.pairedVillageId ? { pairedVillageId: u.pairedVillageId } : {}),
    principalId: `${u.id}-01`,
    deputyId: `${u.id}-02`,
  };
}

/**
 * The first partition of a plan.
 * @example firstPartition(buildPlan({ scale: "county", seed: 1, violations: 0 })).county // null
 */
export function firstPartition(plan: Plan): Partition {
  const random = new Random(plan.seed, "first");
  const f = plan.faults;
  const villages: Village[] = plan.villages.map((v) => {
    const poor = plan.poorVillage.get(v.id);
    if (!poor) return { ...v, isPoor: false };
    const row: Village = {
      ...v,
      isPoor: true,
      ...(poor.exitedOn ? { exitedPovertyOn: poor.exitedOn } : {}),
      coordinatorId: villageSecretary(v.id),
      townshipCoordinatorId: townshipLead(v.townshipId),
    };
    const fault = f.noCoordinator.get(v.id);
    if (fault?.wrong && fault.field === "coordinatorId")
      row.coordinatorId = townshipLead(v.townshipId);
    else if (fault?.wrong) row.townshipCoordinatorId = villageSecretary(v.id);
    else if (fault) delete row[fault.field];
    return row;
  });

  const units: Unit[] = [];
  const people: Person[] = [];
  const meetings = [];
  const assessments = [];
  for (const u of plan.provinceUnits) {
    const village = plan.poorVillage.get(u.villageId)!;
    const row = unitRow(u);
    if (f.noDeputy.has(u.id)) delete row.deputyId;
    if (f.noDesignatedCounty.has(u.id)) delete row.designatedCountyId;
    const paired = f.pairedElsewhere.get(u.id);
    if (paired) row.pairedVillageId = paired;
    units.push(row);
    people.push(...unitStaff(random, u, village));
    meetings.push(...unitMeetings(random, u.id, village.start, plan.asOf, f.fewMeetings.get(u.id)));
    assessments.push(
      ...unitAssessments(random, u.id, village.start, plan.asOf, f.missingAssessment.get(u.id)),
    );
  }
  for (const pc of plan.taskCounties) {
    const countyId = pc.county.id;
    for (const t of pc.townships) {
      if (!pc.poor.some((v) => v.village.townshipId === t.id)) continue;
      const post = random.pick(["党委副书记", "扶贫工作站站长"]);
      people.push(townshipPerson(random, t, townshipLead(t.id), "township_cadre", countyId, post));
    }
    for (const v of pc.poor) people.push(villageCadre(random, v.village.id, 1, countyId));
  }
  const reports: Report[] = [...new Set(plan.taskCounties.map((c) => c.city.id))]
    .sort()
    .map((cityId) => ({
      kind: "cadre_list",
      regionId: cityId,
      submittedOn: f.lateCadreList.has(cityId)
        ? dateBetween(random, "2014-08-12", "2014-08-22")
        : dateBetween(random, "2014-08-01", "2014-08-09"),
    }));

  return {
    county: null,
    dataset: {
      ...emptyDataset(),
      cities: plan.cities,
      counties: plan.counties,
      townships: plan.townships,
      villages,
      units,
      people,
      meetings,
      assessments,
      reports,
    },
    seeded: plan.seeded,
  };
}
