/**
 * Attachment 2, 驻村帮扶干部基本情况登记表: one row per current resident cadre row.
 * The policy names its attachments but did not publish their layout; this layout is ours.
 */
import { AGE_LIMIT, ageAt } from "../criteria/age-limit.js";
import { EDUCATION } from "../criteria/education.js";
import { PARTY_MEMBER } from "../criteria/party-member.js";
import { isSelectedCadre } from "../criteria/selected-cadre.js";
import { judge, type SelectionCondition } from "../criteria/selection-condition.js";
import { WORK_YEARS, workYearsAt } from "../criteria/work-years.js";
import type { RuleContext } from "../engine/rule-context.js";
import type { PolicyParameters } from "../params/parameters.js";
import type { Person } from "../schema/collections.js";
import { Education, Gender, Rank, UnitLevel, VillagePost } from "../vocabulary/enums.js";
import { cadreRows, datedTitle, type FormContext } from "./form-context.js";
import type { Cell, Column, Table } from "./table.js";

/** The form's title, as the policy lists its attachments. */
export const CADRE_REGISTER_TITLE = {
  zh: "驻村帮扶干部基本情况登记表",
  en: "Register of resident cadres",
} as const;

function columns(p: PolicyParameters): Column[] {
  const minEducation = Education.labels[p.residentCadreMinEducation];
  return [
    { key: "no", header: "序号", en: "no.", kind: "number" },
    { key: "personId", header: "人员编号", en: "person id" },
    { key: "name", header: "姓名", en: "name" },
    { key: "gender", header: "性别", en: "gender" },
    { key: "birthDate", header: "出生日期", en: "birth date", kind: "date" },
    { key: "age", header: "年龄（周岁）", en: "age (whole years at asOf)", kind: "number" },
    { key: "politicalStatus", header: "政治面貌", en: "political status" },
    { key: "education", header: "学历", en: "education" },
    { key: "workStartDate", header: "参加工作时间", en: "work start date", kind: "date" },
    {
      key: "workYears",
      header: "工作年限（年）",
      en: "years of work (whole years at asOf)",
      kind: "number",
    },
    { key: "unit", header: "派出单位", en: "sending unit" },
    { key: "unitLevel", header: "派出单位层级", en: "sending unit level" },
    { key: "position", header: "职务", en: "position" },
    { key: "rank", header: "职级", en: "rank" },
    { key: "reserveCadre", header: "是否后备干部", en: "reserve cadre", kind: "boolean" },
    { key: "selected", header: "是否选派干部", en: "selected cadre", kind: "boolean" },
    { key: "villagePost", header: "村任职", en: "village post" },
    { key: "city", header: "驻村所在市", en: "village: city" },
    { key: "county", header: "驻村所在县（市、区）", en: "village: county" },
    { key: "township", header: "驻村所在乡镇", en: "village: township" },
    { key: "village", header: "驻村", en: "village" },
    { key: "villageId", header: "村代码", en: "village code" },
    { key: "selectedOn", header: "选派日期", en: "selected on", kind: "date" },
    { key: "approvedOn", header: "审定日期", en: "approved on", kind: "date" },
    {
      key: "meetsPartyMember",
      header: "符合条件：中共党员",
      en: "meets: CPC member",
      kind: "boolean",
    },
    {
      key: "meetsWorkYears",
      header: `符合条件：${p.residentCadreMinWorkYears}年以上工作经历`,
      en: `meets: at least ${p.residentCadreMinWorkYears} years of work`,
      kind: "boolean",
    },
    {
      key: "meetsEducation",
      header: `符合条件：${minEducation}以上学历`,
      en: `meets: ${p.residentCadreMinEducation} or higher`,
      kind: "boolean",
    },
    {
      key: "meetsAge",
      header: `符合条件：${p.residentCadreMaxAge}周岁以下`,
      en: `meets: ${p.residentCadreMaxAge} or younger`,
      kind: "boolean",
    },
  ];
}

/** 政治面貌 (rules.md "Words in Chinese output"): 中共党员, 非中共党员, or blank when unknown. */
const politicalStatus = (person: Person | undefined): string | undefined =>
  person?.partyMember === undefined ? undefined : person.partyMember ? "中共党员" : "非中共党员";

/**
 * One 符合条件 cell, as the `selected-cadre.*` rule of that condition judges it (`judge`): blank
 * when the field is broken (the data finding stands for the cause); when it is missing, 否 for a
 * selected cadre (the rule reports a missing value as failing) and blank for any other cadre;
 * otherwise whether the value meets the condition.
 */
function meets(
  ctx: RuleContext,
  condition: SelectionCondition,
  person: Person | undefined,
  selectedOn: string,
  selected: boolean,
): boolean | undefined {
  if (person === undefined) return undefined;
  const verdict = judge(condition, person, selectedOn, ctx.params, ctx);
  if (verdict === "missing") return selected ? false : undefined;
  return verdict;
}

/**
 * The cadre register at `fc.ctx.asOf`: a row per current resident cadre row of a placed village,
 * sorted by city, county, township and village id, then person id. 年龄 and 工作年限 are whole
 * years at `asOf` (`ageAt`, `workYearsAt`; a work start after `asOf` shows 0). 是否选派干部 is
 * `isSelectedCadre` (`selected: false` does not exempt a cadre of a party or government
 * organ, a people's organisation or a civil-servant-managed public institution). The four 符合条件
 * columns are the selection conditions of 二(三)4 (`criteria/`), evaluated for every row at its
 * `selectedOn` with the parameters in force, as the `selected-cadre.*` rules evaluate them: 中共党员;
 * `residentCadreMinWorkYears` whole years of work or more; `residentCadreMinEducation` (大专) or
 * above; at most `residentCadreMaxAge` whole years old ("40周岁以下" includes 40). A missing input
 * is 否 for a selected cadre (the rule reports it) and blank for another; a broken one is blank.
 * Headers name the parameters' values.
 * @example buildCadreRegister(formContext(index, { asOf: "2015-12-31" })).rows
 */
export function buildCadreRegister(fc: FormContext): Table {
  const { ctx } = fc;
  const p = ctx.params;
  const rows: Record<string, Cell>[] = [];
  for (const { row, place, person, unit } of cadreRows(fc)) {
    const birth = person?.birthDate;
    const work = person?.workStartDate;
    const education = person?.education;
    const approved = ctx.ok(row, "approvedOn") ? row.approvedOn : undefined;
    const selected = isSelectedCadre(row, ctx, fc.index);
    rows.push({
      no: rows.length + 1,
      personId: row.personId,
      name: person?.name,
      gender: person?.gender === undefined ? undefined : Gender.labels[person.gender],
      birthDate: birth,
      age: birth === undefined ? undefined : ageAt(birth, ctx.asOf),
      politicalStatus: politicalStatus(person),
      education: education === undefined ? undefined : Education.labels[education],
      workStartDate: work,
      workYears: work === undefined ? undefined : Math.max(0, workYearsAt(work, ctx.asOf)),
      unit: unit?.name ?? row.unitId,
      unitLevel: unit === undefined ? undefined : UnitLevel.labels[unit.level],
      position: person?.position,
      rank: person?.rank === undefined ? undefined : Rank.labels[person.rank],
      reserveCadre: person?.reserveCadre,
      selected,
      villagePost: row.villagePost === undefined ? undefined : VillagePost.labels[row.villagePost],
      city: place.city.name,
      county: place.county.name,
      township: place.township.name,
      village: place.village.name,
      villageId: place.village.id,
      selectedOn: row.selectedOn,
      approvedOn: approved,
      meetsPartyMember: meets(ctx, PARTY_MEMBER, person, row.selectedOn, selected),
      meetsWorkYears: meets(ctx, WORK_YEARS, person, row.selectedOn, selected),
      meetsEducation: meets(ctx, EDUCATION, person, row.selectedOn, selected),
      // "40周岁以下" includes 40, as `selected-cadre.age` reads it.
      meetsAge: meets(ctx, AGE_LIMIT, person, row.selectedOn, selected),
    });
  }
  return {
    id: "cadre-register",
    title: datedTitle(CADRE_REGISTER_TITLE, fc.ctx.asOf),
    sheet: CADRE_REGISTER_TITLE.zh,
    columns: columns(p),
    rows,
  };
}
