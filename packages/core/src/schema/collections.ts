/**
 * The collections of `data-model.md`, each a zod schema with inferred type. Grouped as the data
 * model groups them (regions, households, units and people, assignments, activity records):
 * one file reads like the spec's tables side by side.
 *
 * Each collection's options (`CollectionOptions` in `fields.ts`) say the rest of what the engine
 * knows of it. `indexBy` lists the groupings `DatasetIndex` keeps, one look-up per value: a field
 * (`"villageId"`: a village's rows), several fields together (`{ by: ["villageId", "unitId"] }`:
 * a contract's acceptances), or a field for the rows a predicate keeps (`{ by: "unitId", when:
 * isUnitStaff }`: a unit's staff, not everyone naming the unit). The index reads no other.
 */
import type { z } from "zod";
import {
  Education,
  Gender,
  Grade,
  HouseholdAttribute,
  PersonRole,
  PlanKind,
  PovertyCause,
  Rank,
  ReportKind,
  TeamRole,
  UnitCategory,
  UnitLevel,
  VillagePost,
  VisitKind,
} from "../vocabulary/enums.js";
import {
  bool,
  type CollectionName,
  collection,
  date,
  id,
  idNumber,
  integer,
  oneOf,
  optionalBool,
  optionalDate,
  optionalInteger,
  optionalOneOf,
  optionalRef,
  optionalText,
  type Requirement,
  ref,
  refBy,
  text,
} from "./fields.js";

/** 地市: a city (prefecture). */
export const Cities = collection(
  "cities",
  "地市",
  { id: id("市代码"), name: text("市名称") },
  { required: true },
);
export const CitySchema = Cities.schema;
export type City = z.infer<typeof CitySchema>;

/** 县区: a county-level division. */
export const Counties = collection(
  "counties",
  "县区",
  {
    id: id("县代码"),
    name: text("县名称"),
    cityId: ref("市代码", "cities"),
    isKeyCounty: bool("是否重点县"),
  },
  { required: true, countyVia: ["id"], indexBy: ["cityId"] },
);
export const CountySchema = Counties.schema;
export type County = z.infer<typeof CountySchema>;

/** 乡镇: a township. */
export const Townships = collection(
  "townships",
  "乡镇",
  {
    id: id("乡镇代码"),
    name: text("乡镇名称"),
    countyId: ref("县代码", "counties"),
  },
  { required: true, countyVia: ["countyId"], indexBy: ["countyId"] },
);
export const TownshipSchema = Townships.schema;
export type Township = z.infer<typeof TownshipSchema>;

/** 村: a village; `isPoor` marks a 建档立卡贫困村. */
export const Villages = collection(
  "villages",
  "村",
  {
    id: id("村代码"),
    name: text("村名称"),
    townshipId: ref("乡镇代码", "townships"),
    isPoor: bool("是否贫困村"),
    exitedPovertyOn: optionalDate("出列日期"),
    coordinatorId: optionalRef("村协调人", "people"),
    townshipCoordinatorId: optionalRef("乡镇协调人", "people"),
  },
  {
    required: true,
    happened: ["exitedPovertyOn"],
    countyVia: ["townshipId"],
    indexBy: ["townshipId"],
  },
);
export const VillageSchema = Villages.schema;
export type Village = z.infer<typeof VillageSchema>;

/** 村规划: a village's development plan or annual plan. */
export const VillagePlans = collection(
  "villagePlans",
  "村规划",
  {
    villageId: ref("村代码", "villages"),
    kind: oneOf("规划类型", PlanKind),
    year: optionalInteger("年度"),
    adoptedOn: date("制定日期"),
  },
  {
    requires: [
      {
        field: "year",
        when: (r) => r.kind === "annual",
        because: { zh: "规划类型为年度实施计划", en: "annual" },
      },
    ],
    happened: ["adoptedOn"],
    countyVia: ["villageId"],
    indexBy: ["villageId"],
  },
);
export const VillagePlanSchema = VillagePlans.schema;
export type VillagePlan = z.infer<typeof VillagePlanSchema>;

/** 贫困户: a registered poor household. */
export const Households = collection(
  "households",
  "贫困户",
  {
    id: id("户编号"),
    villageId: ref("村代码", "villages"),
    headName: text("户主姓名"),
    idNumber: idNumber("户主身份证号"),
    size: integer("家庭人口", 1),
    attribute: oneOf("贫困户属性", HouseholdAttribute),
    hasLaborCapacity: bool("是否有劳动能力"),
    povertyCause: optionalOneOf("主要致贫原因", PovertyCause),
    verifiedById: optionalRef("核实人", "people"),
    verifiedOn: optionalDate("核实日期"),
    planOn: optionalDate("帮扶计划制定日期"),
    exitedPovertyOn: optionalDate("脱贫日期"),
  },
  {
    happened: ["verifiedOn", "planOn", "exitedPovertyOn"],
    countyVia: ["villageId"],
    indexBy: ["villageId"],
  },
);
export const HouseholdSchema = Households.schema;
export type Household = z.infer<typeof HouseholdSchema>;

/** 帮扶单位: a unit that may contract a village. */
export const Units = collection(
  "units",
  "帮扶单位",
  {
    id: id("单位编号"),
    name: text("单位名称"),
    category: oneOf("单位性质", UnitCategory),
    level: oneOf("单位层级", UnitLevel),
    cityId: optionalRef("所属市", "cities"),
    countyId: optionalRef("所属县", "counties"),
    staffSize: integer("编制人数", 0),
    verticalManagement: optionalBool("是否垂直管理"),
    civilServantManaged: optionalBool("是否参公管理"),
    designatedCountyId: optionalRef("定点帮扶县", "counties"),
    leadCountyId: optionalRef("牵头帮扶县", "counties"),
    pairedVillageId: optionalRef("结对共建村", "villages"),
    principalId: optionalRef("主要负责同志", "people"),
    deputyId: optionalRef("分管负责人", "people"),
  },
  {
    requires: [
      {
        field: "cityId",
        when: (r) => r.level === "city" || r.level === "county",
        because: { zh: "单位层级为市直或县直", en: "city, county" },
      },
      {
        field: "countyId",
        when: (r) => r.level === "county",
        because: { zh: "单位层级为县直", en: "county" },
      },
    ],
    countyVia: ["countyId"],
    indexBy: ["cityId"],
  },
);
export const UnitSchema = Units.schema;
export type Unit = z.infer<typeof UnitSchema>;

/** People whose `unitId` is required: a unit's staff (the requirement and the index share it). */
const isUnitStaff = (r: Record<string, unknown>) => r.role === "unit_staff";
/** People whose `townshipId` is required: township cadres, the civil-affairs officer among them. */
const isOfTownship = (r: Record<string, unknown>) =>
  r.role === "township_cadre" || r.role === "civil_affairs_officer";
/** People whose `villageId` is required: village cadres and college-graduate village officials. */
const isOfVillage = (r: Record<string, unknown>) =>
  r.role === "village_cadre" || r.role === "college_village_official";

/** 人员: unit staff, township and village cadres, college-graduate village officials. */
export const People = collection(
  "people",
  "人员",
  {
    id: id("人员编号"),
    name: text("姓名"),
    idNumber: idNumber("身份证号"),
    gender: optionalOneOf("性别", Gender),
    birthDate: optionalDate("出生日期"),
    role: oneOf("人员类别", PersonRole),
    unitId: optionalRef("所在单位", "units"),
    townshipId: optionalRef("所在乡镇", "townships"),
    villageId: optionalRef("所在村", "villages"),
    position: optionalText("职务"),
    rank: optionalOneOf("职级", Rank),
    reserveCadre: optionalBool("是否后备干部"),
    partyMember: optionalBool("是否中共党员"),
    education: optionalOneOf("学历", Education),
    workStartDate: optionalDate("参加工作时间"),
    phone: optionalText("联系电话"),
  },
  {
    requires: [
      {
        field: "unitId",
        when: isUnitStaff,
        because: { zh: "人员类别为单位干部职工", en: "unit_staff" },
      },
      {
        field: "townshipId",
        when: isOfTownship,
        because: {
          zh: "人员类别为乡（镇）干部或民政委员",
          en: "township_cadre, civil_affairs_officer",
        },
      },
      {
        field: "villageId",
        when: isOfVillage,
        because: {
          zh: "人员类别为村干部或大学生村官",
          en: "village_cadre, college_village_official",
        },
      },
    ],
    countyVia: ["villageId", "townshipId", "unitId"],
    indexBy: [
      { by: "unitId", when: isUnitStaff },
      { by: "townshipId", when: isOfTownship },
      { by: "villageId", when: isOfVillage },
    ],
  },
);
export const PersonSchema = People.schema;
export type Person = z.infer<typeof PersonSchema>;

/** 单位包村: a unit's contract for a village. */
export const VillageAssignments = collection(
  "villageAssignments",
  "单位包村",
  {
    villageId: ref("村代码", "villages"),
    unitId: ref("单位编号", "units"),
    startDate: date("开始日期"),
    endDate: optionalDate("结束日期"),
  },
  {
    span: { start: "startDate", end: "endDate" },
    countyVia: ["villageId"],
    indexBy: ["villageId", "unitId"],
  },
);
export const VillageAssignmentSchema = VillageAssignments.schema;
export type VillageAssignment = z.infer<typeof VillageAssignmentSchema>;

/** 驻村帮扶干部: a resident cadre of a village, sent by a unit. */
export const ResidentCadres = collection(
  "residentCadres",
  "驻村帮扶干部",
  {
    personId: ref("人员编号", "people"),
    villageId: ref("村代码", "villages"),
    unitId: ref("派出单位", "units"),
    selectedOn: date("选派日期"),
    endDate: optionalDate("结束日期"),
    selected: optionalBool("是否选派干部"),
    villagePost: optionalOneOf("村任职", VillagePost),
    approvedOn: optionalDate("审定日期"),
  },
  {
    happened: ["approvedOn"],
    span: { start: "selectedOn", end: "endDate" },
    countyVia: ["villageId"],
    indexBy: ["villageId", "personId"],
  },
);
export const ResidentCadreSchema = ResidentCadres.schema;
export type ResidentCadre = z.infer<typeof ResidentCadreSchema>;

/** 工作队成员: a member of a village's work team. */
export const WorkTeamMembers = collection(
  "workTeamMembers",
  "工作队成员",
  {
    villageId: ref("村代码", "villages"),
    personId: ref("人员编号", "people"),
    teamRole: oneOf("队内职务", TeamRole),
  },
  { countyVia: ["villageId"], indexBy: ["villageId"] },
);
export const WorkTeamMemberSchema = WorkTeamMembers.schema;
export type WorkTeamMember = z.infer<typeof WorkTeamMemberSchema>;

/** 干部包户: a helper assigned to a household. */
export const HouseholdAssignments = collection(
  "householdAssignments",
  "干部包户",
  {
    householdId: ref("户编号", "households"),
    personId: ref("帮扶责任人", "people"),
    startDate: date("开始日期"),
    endDate: optionalDate("结束日期"),
    recordedInRegister: bool("已填入贫困户登记表"),
    recordedInHandbook: bool("已填入扶贫手册"),
  },
  {
    span: { start: "startDate", end: "endDate" },
    countyVia: ["householdId"],
    indexBy: ["householdId", "personId"],
  },
);
export const HouseholdAssignmentSchema = HouseholdAssignments.schema;
export type HouseholdAssignment = z.infer<typeof HouseholdAssignmentSchema>;

/** 走访调研: a visit (research by a principal, a household visit, a staff visit). */
export const Visits = collection(
  "visits",
  "走访调研",
  {
    personId: ref("人员编号", "people"),
    date: date("日期"),
    kind: oneOf("类型", VisitKind),
    villageId: ref("村代码", "villages"),
    householdId: optionalRef("户编号", "households"),
  },
  {
    requires: [
      {
        field: "householdId",
        when: (r) => r.kind === "household_visit",
        because: { zh: "类型为入户走访", en: "household_visit" },
      },
    ],
    happened: ["date"],
    countyVia: ["villageId"],
    compact: true,
  },
);
export const VisitSchema = Visits.schema;
export type Visit = z.infer<typeof VisitSchema>;

/** 专题会议: a unit's topic meeting on its contract work. */
export const Meetings = collection(
  "meetings",
  "专题会议",
  { unitId: ref("单位编号", "units"), date: date("日期") },
  { happened: ["date"], countyVia: ["unitId"], indexBy: ["unitId"] },
);
export const MeetingSchema = Meetings.schema;
export type Meeting = z.infer<typeof MeetingSchema>;

/** 年度考核: a unit's annual assessment. */
export const Assessments = collection(
  "assessments",
  "年度考核",
  { unitId: ref("单位编号", "units"), year: integer("年度"), grade: oneOf("等次", Grade) },
  { countyVia: ["unitId"], indexBy: ["unitId"] },
);
export const AssessmentSchema = Assessments.schema;
export type Assessment = z.infer<typeof AssessmentSchema>;

/** 期满验收: the acceptance of a contract at the end of its term. */
export const Acceptances = collection(
  "acceptances",
  "期满验收",
  {
    villageId: ref("村代码", "villages"),
    unitId: ref("单位编号", "units"),
    date: date("日期"),
    passed: bool("是否合格"),
  },
  { happened: ["date"], countyVia: ["villageId"], indexBy: [{ by: ["villageId", "unitId"] }] },
);
export const AcceptanceSchema = Acceptances.schema;
export type Acceptance = z.infer<typeof AcceptanceSchema>;

/** 名单上报: a list reported by a county (units) or a city (cadres). */
export const Reports = collection(
  "reports",
  "名单上报",
  {
    kind: oneOf("类型", ReportKind),
    // A county's unit list, a city's cadre list.
    regionId: refBy("地区代码", "counties", "kind", { cadre_list: "cities" }),
    submittedOn: date("上报日期"),
  },
  { happened: ["submittedOn"], countyVia: ["regionId"], indexBy: ["regionId"] },
);
export const ReportSchema = Reports.schema;
export type Report = z.infer<typeof ReportSchema>;

/** Every collection, by name, in the data model's order. */
export const COLLECTIONS = {
  cities: Cities,
  counties: Counties,
  townships: Townships,
  villages: Villages,
  villagePlans: VillagePlans,
  households: Households,
  units: Units,
  people: People,
  villageAssignments: VillageAssignments,
  residentCadres: ResidentCadres,
  workTeamMembers: WorkTeamMembers,
  householdAssignments: HouseholdAssignments,
  visits: Visits,
  meetings: Meetings,
  assessments: Assessments,
  acceptances: Acceptances,
  reports: Reports,
} as const;

/** The row type of each collection. */
export interface Rows {
  cities: City;
  counties: County;
  townships: Township;
  villages: Village;
  villagePlans: VillagePlan;
  households: Household;
  units: Unit;
  people: Person;
  villageAssignments: VillageAssignment;
  residentCadres: ResidentCadre;
  workTeamMembers: WorkTeamMember;
  householdAssignments: HouseholdAssignment;
  visits: Visit;
  meetings: Meeting;
  assessments: Assessment;
  acceptances: Acceptance;
  reports: Report;
}

/** A dataset in memory: each collection optional (a missing one is empty), rows as they are. */
export type DatasetInput = { [C in CollectionName]?: readonly Record<string, unknown>[] } & {
  parameters?: Record<string, unknown>;
};

/** A validated dataset: every collection present. */
export type Dataset = { [C in CollectionName]: Rows[C][] };

/**
 * A dataset with every collection present and empty: the start of a generated or assembled one.
 * @example const d = emptyDataset(); d.cities.push({ id: "3408", name: "安庆市" });
 */
export function emptyDataset(): Dataset {
  return Object.fromEntries(Object.keys(COLLECTIONS).map((c) => [c, []])) as unknown as Dataset;
}

/** Collections that must be present and non-empty (`required` in their definitions). */
export const REQUIRED_COLLECTIONS: readonly CollectionName[] = Object.values(COLLECTIONS)
  .filter((c) => c.required)
  .map((c) => c.name);

/** The data model's conditional requirements ("required for …"), from the definitions. */
export const REQUIREMENTS: Partial<Record<CollectionName, readonly Requirement[]>> =
  Object.fromEntries(
    Object.values(COLLECTIONS)
      .filter((c) => c.requires.length > 0)
      .map((c) => [c.name, c.requires]),
  );

/**
 * The collection a sheet, file or JSON key names: the English name or the Chinese name.
 * @example collectionNamed("贫困户") // "households"
 */
export function collectionNamed(name: string): CollectionName | undefined {
  const n = name.trim();
  for (const c of Object.values(COLLECTIONS)) if (c.name === n || c.zh === n) return c.name;
  return undefined;
}

/**
 * The field a column header names in a collection: the English field name or the Chinese header.
 * @example fieldForHeader("units", "编制人数") // "staffSize"
 */
export function fieldForHeader(collectionName: CollectionName, header: string): string | undefined {
  const h = header.replace(/^\uFEFF/, "").trim();
  for (const f of COLLECTIONS[collectionName].fields)
    if (f.name === h || f.header === h) return f.name;
  return undefined;
}
