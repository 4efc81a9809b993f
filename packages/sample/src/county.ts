/**
 * One county partition: its city and county units and their people, township and village cadres,
 * contracts, resident cadres and work teams, plans, households and helpers, meetings,
 * assessments, acceptances and the unit list — clean first, then the county's planted faults —
 * and its visits as a re-iterable generated on demand.
 */
import {
  emptyDataset,
  type ResidentCadre,
  type VillageAssignment,
  type WorkTeamMember,
} from "@shuangbao/core";
import { contractAcceptances, unitAssessments, unitMeetings, villagePlans } from "./activity.js";
import { plantCountyFaults } from "./county-faults.js";
import { addDays, dateBetween } from "./dates.js";
import type { CountyDraft } from "./draft.js";
import { townshipLead, unitRow, villageSecretary } from "./first-partition.js";
import { assignHelpers, type Helpers, makeHousehold } from "./households.js";
import type { Partition, Plan, PlannedCounty, PlannedVillage } from "./model.js";
import { collegeOfficial, townshipPerson, villageCadre } from "./people.js";
import { Random } from "./random.js";
import { staffId, staffIds, unitStaff } from "./staff.js";
import { countyVisits } from "./visits.js";

const TEAM_EXTRA = 0.6;

function townshipPeople(random: Random, draft: CountyDraft): void {
  const { pc, rows } = draft;
  for (const t of pc.townships) {
    const poor = pc.poor.filter((v) => v.village.townshipId === t.id).length;
    const cadres = poor > 0 ? [townshipLead(t.id)] : [];
    let n = 2;
    for (let i = 0; i < Math.min(20, 5 + 2 * poor); i++) {
      const p = townshipPerson(random, t, staffId(t.id, n++), "township_cadre", pc.county.id);
      rows.people.push(p);
      cadres.push(p.id);
    }
    const civil: string[] = [];
    for (let i = 0; i < (poor > 3 ? 2 : 1); i++) {
      const p = townshipPerson(
        random,
        t,
        staffId(t.id, n++),
        "civil_affairs_officer",
        pc.county.id,
      );
      rows.people.push(p);
      civil.push(p.id);
    }
    draft.townshipCadres.set(t.id, cadres);
    draft.civilAffairs.set(t.id, civil);
  }
}

function villagePeople(random: Random, draft: CountyDraft, villageId: string, poor: boolean): void {
  const countyId = draft.pc.county.id;
  const ids = poor ? [villageSecretary(villageId)] : [];
  const count = poor ? random.int(4, 6) : random.int(3, 5);
  for (let n = poor ? 2 : 1; n <= count; n++) {
    const p = villageCadre(random, villageId, n, countyId);
    draft.rows.people.push(p);
    ids.push(p.id);
  }
  draft.villageCadres.set(villageId, ids);
  if (poor ? draft.plan.poorVillage.get(villageId)!.collegeOfficial : random.chance(0.15))
    draft.rows.people.push(collegeOfficial(random, villageId, countyId));
}

function cadresAndTeam(random: Random, draft: CountyDraft, v: PlannedVillage): void {
  const unit = v.units[0]!;
  const villageId = v.village.id;
  const first: ResidentCadre = {
    personId: staffId(unit.id, 3),
    villageId,
    unitId: unit.id,
    selectedOn: v.selectedOn,
    selected: v.selected,
    villagePost: v.selected
      ? random.chance(0.85)
        ? "first_secretary"
        : "secretary"
      : random.chance(0.4)
        ? "first_secretary"
        : "none",
    approvedOn: dateBetween(random, "2014-08-12", "2014-08-31"),
  };
  draft.rows.residentCadres.push(first);
  let current = first;
  if (v.rotation) {
    first.endDate = v.rotation;
    current = {
      ...first,
      personId: staffId(unit.id, 4),
      selectedOn: v.rotation,
      approvedOn: addDays(v.rotation, -random.int(5, 20)),
    };
    delete current.endDate;
    draft.rows.residentCadres.push(current);
  }
  draft.currentCadre.set(villageId, current);
  const team: WorkTeamMember[] = [
    { villageId, personId: current.personId, teamRole: "captain" },
    { villageId, personId: townshipLead(v.village.townshipId), teamRole: "member" },
  ];
  if (v.collegeOfficial) team.push({ villageId, personId: `${villageId}-11`, teamRole: "member" });
  const others = v.units
    .flatMap((u) => staffIds(u))
    .filter((id) => id !== current.personId && id !== first.personId);
  if (others.length > 0 && random.chance(TEAM_EXTRA))
    team.push({ villageId, personId: random.pick(others), teamRole: "member" });
  draft.rows.workTeamMembers.push(...team);
}

function poorVillage(random: Random, draft: CountyDraft, v: PlannedVillage): void {
  const { plan, rows } = draft;
  const villageId = v.village.id;
  const contracts: VillageAssignment[] = v.units.map((u) => ({
    villageId,
    unitId: u.id,
    startDate: v.start,
  }));
  rows.villageAssignments.push(...contracts);
  for (const u of v.units) {
    draft.contracts.push({ unit: u, village: v });
    if (u.level !== "province") {
      rows.units.push(unitRow(u));
      rows.people.push(...unitStaff(random, u, v));
      rows.meetings.push(...unitMeetings(random, u.id, v.start, plan.asOf));
      rows.assessments.push(...unitAssessments(random, u.id, v.start, plan.asOf));
    }
    rows.acceptances.push(...contractAcceptances(random, villageId, u.id, v.start, plan.asOf));
  }
  villagePeople(random, draft, villageId, true);
  cadresAndTeam(random, draft, v);
  rows.villagePlans.push(...villagePlans(random, villageId, v.start, plan.asOf));

  const staff = v.units.flatMap((u) => staffIds(u));
  const ctx = {
    villageId,
    countyId: draft.pc.county.id,
    asOf: plan.asOf,
    verifiedById: staffId(v.units[0]!.id, 3),
    verifiedFrom: v.selectedOn,
    welfareLeft: v.households - staff.length,
  };
  const households = Array.from({ length: v.households }, (_, i) =>
    makeHousehold(random, ctx, i + 1),
  );
  const special = (id: string) => /-0[1-4]$/.test(id);
  const general = households.length - (v.households - staff.length - ctx.welfareLeft);
  const others = staff.filter((id) => !special(id)).length;
  const spare = Math.max(0, general - staff.filter(special).length * 3);
  const quota = Math.max(
    1,
    Math.min(15, Math.round((spare * (0.7 + random.next() * 0.3)) / Math.max(1, others))),
  );
  const helpers: Helpers = {
    staff: staff.map((id) => ({ id, quota: special(id) ? random.int(2, 5) : quota })),
    villageCadres: draft.villageCadres.get(villageId)!,
    townshipCadres: draft.townshipCadres.get(v.village.townshipId)!,
    civilAffairs: draft.civilAffairs.get(v.village.townshipId)!,
  };
  rows.households.push(...households);
  rows.householdAssignments.push(...assignHelpers(random, households, helpers));
}

/**
 * The partition of one planned county.
 * @example const p = countyPartition(plan, plan.taskCounties[0]!); p.county?.name // "岳西县"
 */
export function countyPartition(plan: Plan, pc: PlannedCounty): Partition {
  const random = new Random(plan.seed, `county:${pc.county.id}`);
  const { visits: _, ...empty } = emptyDataset();
  const rows: CountyDraft["rows"] = {
    ...empty,
    reports: [
      {
        kind: "unit_list",
        regionId: pc.county.id,
        submittedOn: dateBetween(random, "2014-07-26", "2014-07-30"),
      },
    ],
  };
  const draft: CountyDraft = {
    plan,
    pc,
    rows,
    person: new Map(),
    contracts: [],
    currentCadre: new Map(),
    villageCadres: new Map(),
    townshipCadres: new Map(),
    civilAffairs: new Map(),
    visitFaults: {
      fewHouseholdVisits: new Map(),
      fewPrincipalVisits: new Map(),
      noStaffVisits: new Map(),
    },
  };
  townshipPeople(random, draft);
  for (const v of pc.poor) poorVillage(random, draft, v);
  for (const { village, households } of pc.nonPoor) {
    villagePeople(random, draft, village.id, false);
    const ctx = {
      villageId: village.id,
      countyId: pc.county.id,
      asOf: plan.asOf,
      verifiedById: villageSecretary(village.id),
      verifiedFrom: "2014-07-15",
      welfareLeft: households,
    };
    const list = Array.from({ length: households }, (_, i) => makeHousehold(random, ctx, i + 1));
    rows.households.push(...list);
    rows.householdAssignments.push(
      ...assignHelpers(random, list, {
        staff: [],
        villageCadres: draft.villageCadres.get(village.id)!,
        townshipCadres: draft.townshipCadres.get(village.townshipId)!,
        civilAffairs: draft.civilAffairs.get(village.townshipId)!,
      }),
    );
  }
  for (const p of rows.people) draft.person.set(p.id, p);
  const seeded = plantCountyFaults(draft);
  return {
    county: pc.county,
    dataset: { ...rows, visits: countyVisits(draft) },
    seeded,
  };
}
