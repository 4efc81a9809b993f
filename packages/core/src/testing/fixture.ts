/**
 * The fixture builder: a fully compliant dataset in a few lines, audited clean at `FIXTURE_AS_OF`,
 * which a test changes in one place to break one rule (changesets' test-utils style).
 *
 * 安庆市 (city) with 岳西县 (key county) and 怀宁县 (not a key county):
 * - 天堂村 (poor, 岳西): the province unit U-P1 (designated and lead county 岳西, paired village 天堂村)
 * - 莲塘村 (poor, 岳西): the city unit U-C1
 * - 查湾村 (poor, 怀宁): the county unit U-N1
 * - 城西村 (not poor, 岳西): its household is helped by a village cadre
 * Contracts start 2014-07-15; four years of visits, meetings, plans and assessments; acceptances
 * after the three-year term; lists reported before the deadlines.
 */
import { plusYears } from "../calendar/calendar.js";
import { makeIdNumber } from "../engine/id-number.js";
import type { Dataset, Person, Rows } from "../schema/collections.js";

/** The audit date at which the fixture is compliant: four contract years in. */
export const FIXTURE_AS_OF = "2018-07-20";

export const ID = {
  city: "340800",
  keyCounty: "340828",
  otherCounty: "340822",
  keyTownship: "340828100",
  otherTownship: "340822100",
  /** Poor, 岳西, contracted by the province unit. */
  v1: "340828100201",
  /** Poor, 岳西, contracted by the city unit. */
  v2: "340828100202",
  /** Not poor, 岳西. */
  v3: "340828100203",
  /** Poor, 怀宁, contracted by the county unit. */
  v4: "340822100201",
  provinceUnit: "U-P1",
  cityUnit: "U-C1",
  countyUnit: "U-N1",
  /** Households: general (v1), wubao (v1), general (v2), dibao with labour (v4), general (v3). */
  h1: "H-1",
  h2: "H-2",
  h3: "H-3",
  h4: "H-4",
  h5: "H-5",
  keyTownshipCadre: "T-K-cadre",
  keyCivilAffairs: "T-K-civil",
  otherTownshipCadre: "T-N-cadre",
  otherCivilAffairs: "T-N-civil",
  collegeOfficialV1: "CO-V1",
} as const;

/** A unit's people: `${unitId}-principal`, `-deputy`, `-cadre` (resident cadre), `-helper`. */
export const staff = (unitId: string, who: "principal" | "deputy" | "cadre" | "helper") =>
  `${unitId}-${who}`;
/** The village cadre of a village. */
export const villageCadre = (villageId: string) => `VC-${villageId}`;

export const CONTRACT_START = "2014-07-15";
export const HELPER_START = "2014-08-01";
const SELECTED_ON = "2014-07-20";
const YEARS = [2014, 2015, 2016, 2017, 2018];

const addMonths = (date: string, months: number) => {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + months;
  return `${y + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}-${date.slice(8, 10)}`;
};

function person(
  p: Omit<Person, "idNumber"> & { birthDate: string },
  seq: number,
  region: string,
): Person {
  return { ...p, idNumber: makeIdNumber(region, p.birthDate, seq) };
}

/**
 * A compliant dataset, fresh each call (mutate it freely).
 * @example const d = compliantCounty(); d.units[0]!.staffSize = 5;
 */
export function compliantCounty(): Dataset {
  const contracts: [string, string][] = [
    [ID.v1, ID.provinceUnit],
    [ID.v2, ID.cityUnit],
    [ID.v4, ID.countyUnit],
  ];
  const townshipOf: Record<string, string> = {
    [ID.v1]: ID.keyTownship,
    [ID.v2]: ID.keyTownship,
    [ID.v3]: ID.keyTownship,
    [ID.v4]: ID.otherTownship,
  };
  let seq = 1;
  const people: Person[] = [];
  const unitPeople = (unitId: string, region: string) => {
    for (const who of ["principal", "deputy", "cadre", "helper"] as const) {
      const cadre = who === "cadre";
      people.push(
        person(
          {
            id: staff(unitId, who),
            name: `${unitId}${{ principal: "主任", deputy: "副主任", cadre: "驻村干部", helper: "干部" }[who]}`,
            gender: "male",
            birthDate: cadre ? "1980-05-01" : "1970-03-15",
            role: "unit_staff",
            unitId,
            position: who,
            rank: "section",
            reserveCadre: cadre,
            partyMember: true,
            education: "bachelor",
            workStartDate: "2003-07-01",
            phone: "13800000000",
          },
          seq++,
          region,
        ),
      );
    }
  };
  unitPeople(ID.provinceUnit, "340104");
  unitPeople(ID.cityUnit, "340802");
  unitPeople(ID.countyUnit, "340822");
  const local = (id: string, name: string, role: Person["role"], where: Partial<Person>) =>
    people.push(
      person(
        { ...where, id, name, role, gender: "female", birthDate: "1985-10-10" },
        seq++,
        "340828",
      ),
    );
  local(ID.keyTownshipCadre, "乡镇干部甲", "township_cadre", { townshipId: ID.keyTownship });
  local(ID.keyCivilAffairs, "民政委员甲", "civil_affairs_officer", { townshipId: ID.keyTownship });
  local(ID.otherTownshipCadre, "乡镇干部乙", "township_cadre", { townshipId: ID.otherTownship });
  local(ID.otherCivilAffairs, "民政委员乙", "civil_affairs_officer", {
    townshipId: ID.otherTownship,
  });
  for (const v of [ID.v1, ID.v2, ID.v3, ID.v4]) {
    local(villageCadre(v), `村干部${v.slice(-3)}`, "village_cadre", { villageId: v });
  }
  local(ID.collegeOfficialV1, "大学生村官", "college_village_official", { villageId: ID.v1 });

  const villages: Rows["villages"][] = [
    { id: ID.v1, name: "天堂村", townshipId: ID.keyTownship, isPoor: true },
    { id: ID.v2, name: "莲塘村", townshipId: ID.keyTownship, isPoor: true },
    { id: ID.v3, name: "城西村", townshipId: ID.keyTownship, isPoor: false },
    { id: ID.v4, name: "查湾村", townshipId: ID.otherTownship, isPoor: true },
  ].map((v) => ({
    ...v,
    coordinatorId: villageCadre(v.id),
    townshipCoordinatorId:
      v.townshipId === ID.keyTownship ? ID.keyTownshipCadre : ID.otherTownshipCadre,
  }));

  const unitBase = (id: string) => ({
    id,
    staffSize: 40,
    principalId: staff(id, "principal"),
    deputyId: staff(id, "deputy"),
  });
  const units: Rows["units"][] = [
    {
      ...unitBase(ID.provinceUnit),
      name: "省扶贫办",
      category: "party_government_organ",
      level: "province",
      designatedCountyId: ID.keyCounty,
      leadCountyId: ID.keyCounty,
      pairedVillageId: ID.v1,
    },
    {
      ...unitBase(ID.cityUnit),
      name: "安庆市农委",
      category: "party_government_organ",
      level: "city",
      cityId: ID.city,
    },
    {
      ...unitBase(ID.countyUnit),
      name: "怀宁县教育局",
      category: "party_government_organ",
      level: "county",
      cityId: ID.city,
      countyId: ID.otherCounty,
    },
  ];

  const households: Rows["households"][] = (
    [
      [ID.h1, ID.v1, "general", true, "张一"],
      [ID.h2, ID.v1, "wubao", false, "李二"],
      [ID.h3, ID.v2, "general", true, "王三"],
      [ID.h4, ID.v4, "dibao", true, "赵四"],
      [ID.h5, ID.v3, "general", true, "刘五"],
    ] as const
  ).map(([id, villageId, attribute, hasLaborCapacity, headName], i) => {
    const unit = contracts.find(([v]) => v === villageId)?.[1];
    return {
      id,
      villageId,
      headName,
      idNumber: makeIdNumber("340828", "1960-01-0" + String(i + 1), i + 1),
      size: 3,
      attribute,
      hasLaborCapacity,
      povertyCause: "illness",
      ...(unit ? { verifiedById: staff(unit, "cadre"), verifiedOn: "2014-07-25" } : {}),
      planOn: "2014-08-10",
    };
  });
  const helperOf: Record<string, string> = {
    [ID.h1]: staff(ID.provinceUnit, "helper"),
    [ID.h2]: ID.keyCivilAffairs,
    [ID.h3]: staff(ID.cityUnit, "helper"),
    [ID.h4]: staff(ID.countyUnit, "helper"),
    [ID.h5]: villageCadre(ID.v3),
  };
  const householdAssignments: Rows["householdAssignments"][] = households.map((h) => ({
    householdId: h.id,
    personId: helperOf[h.id]!,
    startDate: HELPER_START,
    recordedInRegister: true,
    recordedInHandbook: true,
  }));

  const visits: Rows["visits"][] = [];
  const meetings: Rows["meetings"][] = [];
  for (let k = 0; k < 4; k++) {
    const yearStart = plusYears(CONTRACT_START, k);
    for (const [villageId, unitId] of contracts) {
      for (const m of [1, 7]) {
        visits.push({
          personId: staff(unitId, "principal"),
          date: addMonths(yearStart, m),
          kind: "principal_research",
          villageId,
        });
      }
      visits.push({
        personId: staff(unitId, "helper"),
        date: addMonths(yearStart, 3),
        kind: "staff_visit",
        villageId,
      });
    }
    for (const unit of units) {
      for (const m of [2, 8]) meetings.push({ unitId: unit.id, date: addMonths(yearStart, m) });
    }
    const helperYear = plusYears(HELPER_START, k);
    for (const a of householdAssignments) {
      const villageId = households.find((h) => h.id === a.householdId)!.villageId;
      for (const m of [0, 3, 6, 9]) {
        visits.push({
          personId: a.personId,
          date: addMonths(helperYear, m).replace(/-01$/, "-15"),
          kind: "household_visit",
          villageId,
          householdId: a.householdId,
        });
      }
    }
  }
  const visible = visits.filter((v) => v.date <= FIXTURE_AS_OF);

  return {
    cities: [{ id: ID.city, name: "安庆市" }],
    counties: [
      { id: ID.keyCounty, name: "岳西县", cityId: ID.city, isKeyCounty: true },
      { id: ID.otherCounty, name: "怀宁县", cityId: ID.city, isKeyCounty: false },
    ],
    townships: [
      { id: ID.keyTownship, name: "天堂镇", countyId: ID.keyCounty },
      { id: ID.otherTownship, name: "高河镇", countyId: ID.otherCounty },
    ],
    villages,
    villagePlans: contracts.flatMap(([villageId]) => [
      { villageId, kind: "development" as const, adoptedOn: "2014-09-01" },
      ...YEARS.map((year) => ({
        villageId,
        kind: "annual" as const,
        year,
        adoptedOn: year === 2014 ? "2014-09-01" : `${year}-03-01`,
      })),
    ]),
    households,
    units,
    people,
    villageAssignments: contracts.map(([villageId, unitId]) => ({
      villageId,
      unitId,
      startDate: CONTRACT_START,
    })),
    residentCadres: contracts.map(([villageId, unitId]) => ({
      personId: staff(unitId, "cadre"),
      villageId,
      unitId,
      selectedOn: SELECTED_ON,
      villagePost: "first_secretary" as const,
      approvedOn: "2014-08-05",
    })),
    workTeamMembers: contracts.flatMap(([villageId, unitId]) => [
      { villageId, personId: staff(unitId, "cadre"), teamRole: "captain" as const },
      {
        villageId,
        personId:
          townshipOf[villageId] === ID.keyTownship ? ID.keyTownshipCadre : ID.otherTownshipCadre,
        teamRole: "member" as const,
      },
      ...(villageId === ID.v1
        ? [{ villageId, personId: ID.collegeOfficialV1, teamRole: "member" as const }]
        : []),
    ]),
    householdAssignments,
    visits: visible,
    meetings: meetings.filter((m) => m.date <= FIXTURE_AS_OF),
    assessments: units.flatMap((u) =>
      [2014, 2015, 2016, 2017].map((year) => ({ unitId: u.id, year, grade: "qualified" as const })),
    ),
    acceptances: contracts.map(([villageId, unitId]) => ({
      villageId,
      unitId,
      date: "2017-07-20",
      passed: true,
    })),
    reports: [
      { kind: "unit_list", regionId: ID.keyCounty, submittedOn: "2014-07-28" },
      { kind: "unit_list", regionId: ID.otherCounty, submittedOn: "2014-07-28" },
      { kind: "cadre_list", regionId: ID.city, submittedOn: "2014-08-08" },
    ],
  };
}

/** The row of a collection with this id (throws in tests when missing: a fixture mistake). */
export function byId<T extends { id: string }>(rows: T[], id: string): T {
  const row = rows.find((r) => r.id === id);
  if (!row) throw new Error(`fixture has no row ${id}`);
  return row;
}
