/**
 * The shared vocabulary of `data-model.md`: every enum with its English values (the public
 * contract, used in JSON and code) and the Chinese labels offices write in their files.
 * Order matters where the policy orders values (education).
 */

/** An enum of the data model: values in order, with the Chinese label of each. */
export interface Vocabulary<V extends string> {
  /** The collection-independent name of the enum, e.g. `UnitCategory`. */
  readonly name: string;
  /** The English values, in the data model's order. */
  readonly values: readonly [V, ...V[]];
  /** The Chinese label of each value. */
  readonly labels: Readonly<Record<V, string>>;
}

function vocabulary<const V extends string>(
  name: string,
  labels: Record<V, string>,
): Vocabulary<V> {
  const values = Object.keys(labels) as unknown as [V, ...V[]];
  return Object.freeze({
    name,
    values: Object.freeze(values) as [V, ...V[]],
    labels: Object.freeze(labels),
  });
}

/**
 * The categories of units (二(一)); the first ten may contract a village, `other` is valid data
 * that fails `unit.eligible-category`.
 * @example UnitCategory.labels.university // "高等院校"
 */
export const UnitCategory = vocabulary("UnitCategory", {
  party_government_organ: "党政机关",
  peoples_organization: "人民团体",
  public_institution: "事业单位",
  democratic_party: "民主党派",
  university: "高等院校",
  state_owned_enterprise: "国有企业",
  military: "军队",
  armed_police: "武警部队",
  central_unit_in_anhui: "中央驻皖单位",
  enterprise_branch_in_anhui: "企事业驻皖机构",
  other: "其他",
});
export type UnitCategory = (typeof UnitCategory.values)[number];

/** The ten categories that 二(一) lets contract a village (every category but `other`). */
export const ELIGIBLE_UNIT_CATEGORIES: readonly UnitCategory[] = UnitCategory.values.filter(
  (v) => v !== "other",
);

/** The level that organises a unit's contract. @example UnitLevel.labels.province // "省直" */
export const UnitLevel = vocabulary("UnitLevel", {
  province: "省直",
  city: "市直",
  county: "县直",
  other: "其他",
});
export type UnitLevel = (typeof UnitLevel.values)[number];

/** A person's role. @example PersonRole.labels.civil_affairs_officer // "民政委员" */
export const PersonRole = vocabulary("PersonRole", {
  unit_staff: "单位干部职工",
  township_cadre: "乡镇干部",
  civil_affairs_officer: "民政委员",
  village_cadre: "村干部",
  college_village_official: "大学生村官",
});
export type PersonRole = (typeof PersonRole.values)[number];

/** A household's poverty attribute. @example HouseholdAttribute.labels.wubao // "五保贫困户" */
export const HouseholdAttribute = vocabulary("HouseholdAttribute", {
  general: "一般贫困户",
  dibao: "低保贫困户",
  wubao: "五保贫困户",
});
export type HouseholdAttribute = (typeof HouseholdAttribute.values)[number];

/** A household's main cause of poverty. @example PovertyCause.labels.illness // "因病" */
export const PovertyCause = vocabulary("PovertyCause", {
  illness: "因病",
  disability: "因残",
  education: "因学",
  disaster: "因灾",
  lack_of_land: "缺土地",
  lack_of_water: "缺水",
  lack_of_skills: "缺技术",
  lack_of_labor: "缺劳力",
  lack_of_funds: "缺资金",
  poor_transport: "交通条件落后",
  lack_of_motivation: "自身发展动力不足",
  other: "其他",
});
export type PovertyCause = (typeof PovertyCause.values)[number];

/**
 * Education levels, lowest first: `compareEducation` orders them.
 * @example Education.labels.associate // "大专"
 */
export const Education = vocabulary("Education", {
  primary: "小学",
  junior_high: "初中",
  senior_high: "高中/中专",
  associate: "大专",
  bachelor: "本科",
  master: "硕士",
  doctorate: "博士",
});
export type Education = (typeof Education.values)[number];

/**
 * Orders two education levels: negative when `a` is lower than `b`, 0 when equal.
 * @example compareEducation("bachelor", "associate") > 0 // true
 */
export function compareEducation(a: Education, b: Education): number {
  return Education.values.indexOf(a) - Education.values.indexOf(b);
}

/** A person's gender. */
export const Gender = vocabulary("Gender", { male: "男", female: "女" });
export type Gender = (typeof Gender.values)[number];

/** A cadre's rank. @example Rank.labels.section // "科级" */
export const Rank = vocabulary("Rank", {
  county_division: "县处级",
  section: "科级",
  other: "其他",
});
export type Rank = (typeof Rank.values)[number];

/** The post a resident cadre holds in the village. */
export const VillagePost = vocabulary("VillagePost", {
  first_secretary: "第一书记",
  secretary: "书记",
  none: "无",
});
export type VillagePost = (typeof VillagePost.values)[number];

/** The kinds of visit (二(三)1, 三(二)3, 四2). */
export const VisitKind = vocabulary("VisitKind", {
  principal_research: "主要负责同志调研",
  household_visit: "入户走访",
  staff_visit: "干部职工走访",
});
export type VisitKind = (typeof VisitKind.values)[number];

/** Annual assessment grades (四3). */
export const Grade = vocabulary("Grade", {
  excellent: "优秀",
  qualified: "合格",
  unqualified: "不合格",
});
export type Grade = (typeof Grade.values)[number];

/** The lists reported by the deadlines of 四4. */
export const ReportKind = vocabulary("ReportKind", {
  unit_list: "包村单位名单",
  cadre_list: "驻村干部名单",
});
export type ReportKind = (typeof ReportKind.values)[number];

/** The village plans of 二(三)2. */
export const PlanKind = vocabulary("PlanKind", {
  development: "扶贫开发规划",
  annual: "年度实施计划",
});
export type PlanKind = (typeof PlanKind.values)[number];

/** Roles inside a village work team (二(三)4). */
export const TeamRole = vocabulary("TeamRole", { captain: "队长", member: "队员" });
export type TeamRole = (typeof TeamRole.values)[number];

/** Finding severities, most severe first. */
export const Severity = vocabulary("Severity", {
  error: "不符合",
  warning: "需说明",
  info: "提示",
});
export type Severity = (typeof Severity.values)[number];

/** Every enum of the data model, by name. */
export const VOCABULARIES = {
  UnitCategory,
  UnitLevel,
  PersonRole,
  HouseholdAttribute,
  PovertyCause,
  Education,
  Gender,
  Rank,
  VillagePost,
  VisitKind,
  Grade,
  ReportKind,
  PlanKind,
  TeamRole,
} as const;

/**
 * Reads an enum cell written as the English value or the Chinese label (trimmed); `undefined`
 * when it is neither.
 * @example parseEnum(UnitLevel, "省直") // "province"
 */
export function parseEnum<V extends string>(vocab: Vocabulary<V>, cell: string): V | undefined {
  const text = cell.trim();
  if ((vocab.values as readonly string[]).includes(text)) return text as V;
  for (const value of vocab.values) if (vocab.labels[value] === text) return value;
  return undefined;
}
