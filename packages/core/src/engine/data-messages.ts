/**
 * The message table of the data checks (`rules.md`, "Data checks"): Chinese first, English
 * alongside, both from one entry.
 */
import { COLLECTIONS } from "../schema/collections.js";
import { SPEC_TABLE } from "../spec/spec-table.js";
import type { Severity } from "../vocabulary/enums.js";
import {
  type Finding,
  format,
  type Message,
  type MessageParam,
  paramsIn,
  type Source,
} from "./findings.js";

/** A data check's id, severity and title. */
export interface DataCheck {
  id: string;
  severity: Severity;
  /**
   * `county` when one partition's rows (with the shared regions and province-level units)
   * suffice; `province` when it needs every partition: duplicate ids across partitions, found in
   * the merge from 8-byte digests of the ids.
   */
  scope: "county" | "province";
  title: Message;
}

export const DATA_CHECKS = {
  "data.invalid-field": {
    id: "data.invalid-field",
    scope: "county",
    severity: "error",
    title: {
      zh: "字段缺失、类型错误或取值不在范围内",
      en: "Missing, mistyped or out-of-range field",
    },
  },
  "data.duplicate-id": {
    id: "data.duplicate-id",
    scope: "province",
    severity: "error",
    title: { zh: "编号重复", en: "Duplicate id" },
  },
  "data.unknown-reference": {
    id: "data.unknown-reference",
    scope: "county",
    severity: "error",
    title: { zh: "引用的记录不存在", en: "Reference to a row that does not exist" },
  },
  "data.invalid-id-number": {
    id: "data.invalid-id-number",
    scope: "county",
    severity: "error",
    title: { zh: "身份证号校验位或出生日期不符", en: "Resident ID number fails its check" },
  },
  "data.unknown-column": {
    id: "data.unknown-column",
    scope: "county",
    severity: "warning",
    title: { zh: "未知的列、工作表或文件", en: "Unknown column, sheet or file" },
  },
  "data.malformed-row": {
    id: "data.malformed-row",
    scope: "county",
    severity: "error",
    title: { zh: "无法读取的行", en: "Line that cannot be read as a row" },
  },
  "data.date-order": {
    id: "data.date-order",
    scope: "county",
    severity: "error",
    title: { zh: "日期先后顺序错误", en: "Dates out of order" },
  },
} as const satisfies Record<string, DataCheck>;

export type DataCheckId = keyof typeof DATA_CHECKS;

/** The messages of the data checks, by key; `{…}` placeholders are filled by `format`. */
export const DATA_MESSAGES = {
  missingField: {
    zh: "{collection}记录{row}缺少必填项“{header}”。",
    en: "{collection} {row}: required field {field} ({header}) is missing",
  },
  requiredFor: {
    zh: "{collection}记录{row}缺少“{header}”（{because}时必填）。",
    en: "{collection} {row}: field {field} ({header}) is required for {because}",
  },
  invalidValue: {
    zh: "{collection}记录{row}的“{header}”取值{value}无效：{problem}。",
    en: "{collection} {row}: field {field} ({header}) has an invalid value {value}: {problem}",
  },
  notAnObject: {
    zh: "{collection}记录{row}不是一条记录。",
    en: "{collection} {row}: not a row (expected an object)",
  },
  missingCollection: {
    zh: "缺少{collection}表，或表中没有记录：{rules}，请补充该表。",
    en: "required collection {collection} is missing or empty: {rules}; supply it",
  },
  mangledIds: {
    zh: "{collection}表“{header}”列的编号被电子表格软件改成了科学计数法或截断（如{example}，共{count}行），请将该列设为文本格式后重新导出。",
    en: "{collection}: Excel turned the ids of column {field} ({header}) into scientific notation or cut them to 15 digits (e.g. {example}; rows: {count}); format the column as text and export it again",
  },
  mangledIdNumbers: {
    zh: "{collection}表“{header}”列的身份证号被电子表格软件改成了科学计数法或截断（如{example}，共{count}行），请将该列设为文本格式后重新导出。",
    en: "{collection}: Excel turned the resident ID numbers of column {field} ({header}) into scientific notation or cut them to 15 digits (e.g. {example}; rows: {count}); format the column as text and export it again",
  },
  notACollection: {
    zh: "{collection}表应为记录列表。",
    en: "collection {collection} must be a list of rows",
  },
  duplicateId: {
    zh: "{collection}编号{id}重复，已忽略此行（保留第一条）。",
    en: "{collection} id {id} appears again; this row is ignored (the first is kept)",
  },
  unknownReference: {
    zh: "{collection}记录{row}的“{header}”为{value}，{target}表中没有该记录。",
    en: "{collection} {row}: field {field} ({header}) names {target} {value}, which does not exist",
  },
  badCheckDigit: {
    zh: "{collection}记录{row}的身份证号{value}校验位错误。",
    en: "{collection} {row}: resident ID number {value} has a wrong check digit",
  },
  badBirthDate: {
    zh: "{collection}记录{row}的身份证号{value}中的出生日期与“出生日期”{birthDate}不符。",
    en: "{collection} {row}: resident ID number {value} encodes a birth date other than birthDate {birthDate}",
  },
  moreOfTheSame: {
    zh: "{collection}表“{header}”列另有{count}条同类数据问题，未逐条列出（每列至多逐条列出{limit}条），请先按以上问题检查该列。",
    en: "{collection}: {count} more findings of this kind in column {field} ({header}) are not listed (at most {limit} a column, SHUANGBAO_MAX_FINDINGS_PER_COLUMN); check the column by those above",
  },
  unknownColumn: {
    zh: "{collection}表中的列“{field}”不在数据模型中，已忽略。",
    en: "{collection}: column {field} is not in the data model and is ignored",
  },
  unknownCollection: {
    zh: "“{collection}”不是数据模型中的表，已忽略。",
    en: "{collection} is not a collection of the data model and is ignored",
  },
  endBeforeStart: {
    zh: "{collection}记录{row}的结束日期{value}早于开始日期{start}。",
    en: "{collection} {row}: endDate {value} is before the start {start}",
  },
  futureDate: {
    zh: "{collection}记录{row}的“{header}”为{value}，晚于核查基准日{asOf}。",
    en: "{collection} {row}: {field} ({header}) is {value}, after the audit date {asOf}",
  },
  malformedRow: {
    zh: "第{line}行无法读取为一条记录：{problem}。",
    en: "line {line} cannot be read as a row: {problem}",
  },
} as const satisfies Record<string, Message>;

export type DataMessageKey = keyof typeof DATA_MESSAGES;

/**
 * The rules a missing (or empty) required collection stops, by collection. Every rule reads
 * villages: its subjects are villages, or households, units and people judged through the villages
 * they help. The other regions place a village in its township, county and city: without them the
 * rules below (read from their checks) cannot judge anyone; the rest still run.
 */
export const RULES_NEEDING: Readonly<
  Record<"cities" | "counties" | "townships", readonly string[]>
> = {
  cities: [
    "village.non-key-county-local",
    "city-unit.has-village",
    "city-unit.within-city",
    "city-unit.in-key-county",
    "report.cadre-list-deadline",
  ],
  counties: [
    "village.non-key-county-local",
    "province-unit.covers-designated-county",
    "province-unit.has-designated-county",
    "province-unit.lead-in-led-county",
    "city-unit.has-village",
    "city-unit.within-city",
    "city-unit.in-key-county",
    "county-unit.within-county",
    "report.unit-list-deadline",
    "report.cadre-list-deadline",
  ],
  townships: [
    "village.non-key-county-local",
    "province-unit.covers-designated-county",
    "province-unit.lead-in-led-county",
    "city-unit.has-village",
    "city-unit.within-city",
    "city-unit.in-key-county",
    "county-unit.within-county",
    "report.unit-list-deadline",
    "report.cadre-list-deadline",
    "work-team.members",
    "village.has-coordinators",
    "household.unit-staff-first",
    "household.welfare-to-civil-affairs",
    "household.helper-eligible",
  ],
};

const PLACED: Record<keyof typeof RULES_NEEDING, Message> = {
  cities: { zh: "村所属的市无法确定", en: "a village's city is unknown" },
  counties: { zh: "村所属的县、市无法确定", en: "a village's county and city are unknown" },
  townships: {
    zh: "村所属的乡镇、县、市和乡（镇）干部无法确定",
    en: "a village's township, county, city and township cadres are unknown",
  },
};

/**
 * Which rules a missing required collection stops, in words.
 * @example rulesStoppedBy("villages").zh // "全部49条规则无法核查"
 */
export function rulesStoppedBy(collection: string): Message {
  if (collection in RULES_NEEDING) {
    const ids = RULES_NEEDING[collection as keyof typeof RULES_NEEDING];
    const placed = PLACED[collection as keyof typeof RULES_NEEDING];
    return {
      zh: `${placed.zh}，${ids.length}条规则无法核查（${ids.join("、")}）`,
      en: `${placed.en}, so ${ids.length} rules cannot run (${ids.join(", ")})`,
    };
  }
  return {
    zh: `全部${SPEC_TABLE.length}条规则无法核查`,
    en: `none of the ${SPEC_TABLE.length} rules can run`,
  };
}

/** A collection's Chinese name (`贫困户`); a name that is no collection's, as it is. */
const chineseName = (c: string) => (COLLECTIONS as Record<string, { zh: string }>)[c]?.zh ?? c;

/** Builds a data finding from the message table. */
export function dataFinding(
  check: DataCheckId,
  key: DataMessageKey,
  entity: { collection: string; id: string },
  params: Record<string, MessageParam>,
  extra: { source?: Source | undefined; field?: string | undefined } = {},
): Finding {
  const m = DATA_MESSAGES[key];
  // The collection by its Chinese name in Chinese; a named target (`target`) likewise.
  const named = {
    ...params,
    collection: { zh: chineseName(entity.collection), en: entity.collection },
    ...(typeof params.target === "string"
      ? { target: { zh: chineseName(params.target), en: params.target } }
      : {}),
  };
  const f: Finding = {
    ruleId: check,
    severity: DATA_CHECKS[check].severity,
    entity,
    message: {
      zh: format(m.zh, paramsIn("zh", named)),
      en: format(m.en, paramsIn("en", named)),
    },
  };
  if (extra.source) f.source = extra.source;
  if (extra.field !== undefined) f.field = extra.field;
  return f;
}
