/**
 * The policy's numbers as data (OpenFisca style): each parameter has values dated by the day they
 * take effect, the clause it comes from and, where the number is ours, a note saying so. An
 * amendment is a new dated value, never an edit of a rule.
 */
import { UTCDate } from "@date-fns/utc";
import { addYears, format } from "date-fns";
import { isIsoDate } from "../calendar/calendar.js";
import type { Education } from "../vocabulary/enums.js";
import { Education as EducationVocabulary } from "../vocabulary/enums.js";

/** The parameters in force on one date, as one flat typed object. */
export interface PolicyParameters {
  residentCadreMaxAge: number;
  residentCadreMinWorkYears: number;
  residentCadreMinEducation: Education;
  principalVisitsPerYear: number;
  termYears: number;
  unitListDeadline: string;
  cadreListDeadline: string;
  keyCountyCount: number;
  smallUnitMaxStaff: number;
  householdVisitsPerYear: number;
  topicMeetingsPerYear: number;
  staffVisitsPerYear: number;
  graceDays: number;
  acceptanceEarlyDays: number;
  handOverMaxDays: number;
  residentCadreMaxGapDays: number;
}

export type ParameterName = keyof PolicyParameters;

/** What kind of value a parameter holds, for validating overrides. */
export type ParameterKind = "count" | "date" | "education";

/** One parameter: its dated values, clause and note. */
export interface ParameterDefinition<N extends ParameterName = ParameterName> {
  name: N;
  /** What it is, in words (auditors read the Chinese, never the code name). */
  title: { zh: string; en: string };
  kind: ParameterKind;
  clause: string;
  /** What the value means where the text alone does not say it. */
  note?: { zh: string; en: string };
  /**
   * True where the value is our reading of the text, not the text's own number (rules.md marks
   * it *interpretation*); the report lists these in `policy.interpretations`.
   */
  interpretation?: true;
  /** Values by the date they take effect, oldest first. */
  values: readonly { effectiveFrom: string; value: PolicyParameters[N] }[];
}

/** The date the policy took effect (its signature date). */
export const POLICY_DATE = "2014-07-09";

/** How many years after today an audit date may lie (the CLI's and the API's window). */
export const DATE_WINDOW_YEARS = 10;

/**
 * The window every audit date must fall in: from the policy's date to `today` + 10 years (an
 * audit at 9999-12-31 would list eight millennia of years). Core reads no clock: the caller gives
 * today.
 * @example dateWindow("2026-12-02") // { from: "2014-07-09", to: "2036-12-02" }
 */
export function dateWindow(today: string): { from: string; to: string } {
  // Once per request, not on a hot path: the stack's date library answers it (UTC, no zone shift).
  if (!isIsoDate(today)) throw new RangeError(`not a YYYY-MM-DD date: ${today}`);
  const to = addYears(new UTCDate(`${today}T00:00:00Z`), DATE_WINDOW_YEARS);
  return { from: POLICY_DATE, to: format(to, "yyyy-MM-dd") };
}

const v = <N extends ParameterName>(value: PolicyParameters[N]) => [
  { effectiveFrom: POLICY_DATE, value },
];

/** Every parameter of `rules.md` "Parameters", with the 2014 values. */
export const PARAMETERS: { readonly [N in ParameterName]: ParameterDefinition<N> } = {
  residentCadreMaxAge: {
    name: "residentCadreMaxAge",
    title: { zh: "选派干部年龄上限（周岁）", en: "dispatched cadres' maximum age" },
    kind: "count",
    clause: "二(三)4",
    note: { zh: "“40周岁以下”含40周岁", en: "“40周岁以下” includes 40 (inclusive)" },
    values: v<"residentCadreMaxAge">(40),
  },
  residentCadreMinWorkYears: {
    name: "residentCadreMinWorkYears",
    title: { zh: "选派干部最少工作年限", en: "dispatched cadres' minimum years of work" },
    kind: "count",
    clause: "二(三)4",
    values: v<"residentCadreMinWorkYears">(3),
  },
  residentCadreMinEducation: {
    name: "residentCadreMinEducation",
    title: { zh: "选派干部最低学历", en: "dispatched cadres' minimum education" },
    kind: "education",
    clause: "二(三)4",
    values: v<"residentCadreMinEducation">("associate"),
  },
  principalVisitsPerYear: {
    name: "principalVisitsPerYear",
    title: { zh: "主要负责同志每年到村调研次数", en: "principal's research visits a year" },
    kind: "count",
    clause: "四2",
    values: v<"principalVisitsPerYear">(2),
  },
  termYears: {
    name: "termYears",
    title: { zh: "包村帮扶期限（年）", en: "contract term (years)" },
    kind: "count",
    clause: "四3",
    values: v<"termYears">(3),
  },
  unitListDeadline: {
    name: "unitListDeadline",
    title: { zh: "包村帮扶单位名单上报截止日", en: "deadline of the responsible units' list" },
    kind: "date",
    clause: "四4",
    note: { zh: "当日上报视为按期", en: "on or before the day" },
    values: v<"unitListDeadline">("2014-07-30"),
  },
  cadreListDeadline: {
    name: "cadreListDeadline",
    title: { zh: "驻村帮扶干部名单上报截止日", en: "deadline of the resident cadres' list" },
    kind: "date",
    clause: "四4",
    note: { zh: "当日上报视为按期", en: "on or before the day" },
    values: v<"cadreListDeadline">("2014-08-10"),
  },
  keyCountyCount: {
    name: "keyCountyCount",
    title: { zh: "重点县数", en: "number of key counties" },
    kind: "count",
    clause: "二(二)",
    note: {
      zh: "仅在报告摘要中与数据中的重点县数对照，不构成规则",
      en: "reported in summary.keyCounties beside the dataset's own count; no rule",
    },
    values: v<"keyCountyCount">(31),
  },
  smallUnitMaxStaff: {
    name: "smallUnitMaxStaff",
    title: { zh: "编制少的单位编制人数上限", en: "most posts of a small unit" },
    interpretation: true,
    kind: "count",
    clause: "二(二)",
    note: {
      zh: "解释：原文只说“人员编制少”，编制人数不超过此数的单位视为编制少",
      en: "interpretation: the text says only “人员编制少”; a unit with at most this many posts is small",
    },
    values: v<"smallUnitMaxStaff">(10),
  },
  householdVisitsPerYear: {
    name: "householdVisitsPerYear",
    title: { zh: "帮扶责任人每年入户走访次数", en: "helper's household visits a year" },
    interpretation: true,
    kind: "count",
    clause: "三(二)3",
    note: {
      zh: "解释：“定期走访贫困户”按每季度至少一次计",
      en: "interpretation of “定期走访贫困户”: at least quarterly",
    },
    values: v<"householdVisitsPerYear">(4),
  },
  topicMeetingsPerYear: {
    name: "topicMeetingsPerYear",
    title: { zh: "每年包村工作专题会议次数", en: "topic meetings a year" },
    interpretation: true,
    kind: "count",
    clause: "四2",
    note: {
      zh: "解释：“定期召开包村工作专题会议”按每年至少两次计",
      en: "interpretation of “定期召开包村工作专题会议”: at least twice a year",
    },
    values: v<"topicMeetingsPerYear">(2),
  },
  staffVisitsPerYear: {
    name: "staffVisitsPerYear",
    title: { zh: "每年组织干部职工走访贫困村次数", en: "staff visits to the village a year" },
    interpretation: true,
    kind: "count",
    clause: "二(三)1",
    note: {
      zh: "解释：“组织本单位干部职工走访贫困村”按每年至少一次计",
      en: "interpretation of “组织本单位干部职工走访贫困村”: at least once a year",
    },
    values: v<"staffVisitsPerYear">(1),
  },
  graceDays: {
    name: "graceDays",
    title: { zh: "材料完成宽限天数", en: "grace days for plans, assessments and acceptances" },
    kind: "count",
    clause: "二(三)2",
    interpretation: true,
    note: {
      zh: "解释：扶贫开发规划、年度实施计划、年度包扶工作情况考核和期满验收到期后，给予此天数完成",
      en: "interpretation: the days allowed to produce a development or annual plan, an assessment or an acceptance once it falls due",
    },
    values: v<"graceDays">(90),
  },
  acceptanceEarlyDays: {
    name: "acceptanceEarlyDays",
    title: { zh: "期满验收可提前天数", en: "days an acceptance may precede the term's end" },
    kind: "count",
    clause: "四3",
    interpretation: true,
    note: {
      zh: "解释：在三年包村期满前此天数内进行的验收，计为该期的期满验收（“期满”围绕到期组织）",
      en: "interpretation: an acceptance held up to this many days before a term's end counts for that term",
    },
    values: v<"acceptanceEarlyDays">(90),
  },
  handOverMaxDays: {
    name: "handOverMaxDays",
    title: { zh: "交接期最长天数", en: "longest hand-over overlap (days)" },
    kind: "count",
    clause: "二(二)",
    interpretation: true,
    note: {
      zh: "解释：原包村帮扶单位与接替单位并存不超过此天数的，视为交接，而非两个以上单位包村",
      en: "interpretation: the longest overlap of an outgoing and an incoming unit that is a hand-over rather than a pool",
    },
    values: v<"handOverMaxDays">(30),
  },
  residentCadreMaxGapDays: {
    name: "residentCadreMaxGapDays",
    title: { zh: "驻村帮扶干部空缺最长天数", en: "longest gap without a resident cadre (days)" },
    kind: "count",
    clause: "二(三)4",
    interpretation: true,
    note: {
      zh: "解释：“常年驻村”按包村期间连续无驻村帮扶干部不超过此天数计",
      en: "interpretation of “常年驻村”: the longest run of days a contracted village may be without a resident cadre",
    },
    values: v<"residentCadreMaxGapDays">(30),
  },
};

/** Every parameter name, in the order of `rules.md`. */
export const PARAMETER_NAMES = Object.keys(PARAMETERS) as ParameterName[];

/**
 * The names of the parameters whose value is an interpretation of the text, sorted: the report's
 * `policy.interpretations`.
 */
export const INTERPRETATION_PARAMETERS: readonly ParameterName[] = PARAMETER_NAMES.filter(
  (n) => PARAMETERS[n].interpretation === true,
).sort();

/**
 * A configuration mistake: an unknown parameter or rule, or a value of the wrong kind. `message`
 * is English, or “中文 · English” when `zh` is given (what a person typed, said back to them).
 */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
  /** What was wrong, e.g. `parameters.termYears`. */
  readonly path: string;
  /** The Chinese of the message, when core says it in both languages. */
  readonly zh: string | undefined;
  constructor(path: string, message: string, zh?: string) {
    super(zh === undefined ? message : `${zh} · ${message}`);
    this.path = path;
    this.zh = zh;
  }
}

/** The value of one parameter in force on `date` (the latest value effective on or before it). */
export function parameterValueOn<N extends ParameterName>(
  name: N,
  date: string,
): PolicyParameters[N] {
  const values = PARAMETERS[name].values as ParameterDefinition<N>["values"];
  let found = values[0]!.value;
  for (const entry of values) if (entry.effectiveFrom <= date) found = entry.value;
  return found;
}

function checkOverride(name: string, value: unknown): void {
  // Own properties only: `toString` or `__proto__` is an unknown parameter, not Object's.
  const def = Object.hasOwn(PARAMETERS, name)
    ? (PARAMETERS as Record<string, ParameterDefinition>)[name]
    : undefined;
  if (!def) throw new ConfigurationError(`parameters.${name}`, `unknown parameter “${name}”`);
  const ok =
    def.kind === "count"
      ? typeof value === "number" && Number.isInteger(value) && value >= 0
      : def.kind === "date"
        ? typeof value === "string" && isIsoDate(value)
        : typeof value === "string" &&
          (EducationVocabulary.values as readonly string[]).includes(value);
  if (!ok) {
    const want =
      def.kind === "count"
        ? "a whole number ≥ 0"
        : def.kind === "date"
          ? "a YYYY-MM-DD date"
          : `one of ${EducationVocabulary.values.join(", ")}`;
    throw new ConfigurationError(
      `parameters.${name}`,
      `parameter “${name}” must be ${want}, not ${JSON.stringify(value)}`,
    );
  }
}

/**
 * The parameters in force on `date`, after flat `{ name: value }` overrides. Throws a
 * `ConfigurationError` for an unknown name or a value of the wrong kind.
 * @example parametersOn("2015-12-31", { termYears: 5 }).termYears // 5
 */
export function parametersOn(
  date: string,
  overrides: Readonly<Record<string, unknown>> = {},
): PolicyParameters {
  const out: Record<string, unknown> = {};
  for (const name of PARAMETER_NAMES) out[name] = parameterValueOn(name, date);
  for (const [name, value] of Object.entries(overrides)) {
    checkOverride(name, value);
    out[name] = value;
  }
  return out as unknown as PolicyParameters;
}

/**
 * Reads parameter overrides typed as JSON text (a `--params` file, the API's multipart
 * `parameters` field): a flat `{ name: value }` object, a UTF-8 BOM allowed. `what` names the text
 * in messages, e.g. `{ zh: "字段 parameters", en: "field parameters" }`. Throws a
 * `ConfigurationError` at `parameters` in both languages; the names and values are checked by
 * `parametersOn`.
 * @example parseParameterOverrides('{"termYears": 5}', { zh: "参数", en: "parameters" }) // { termYears: 5 }
 */
export function parseParameterOverrides(
  text: string,
  what: { zh: string; en: string },
): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new ConfigurationError(
      "parameters",
      `${what.en} is not valid JSON: ${(error as Error).message}`,
      `${what.zh}不是有效的 JSON`,
    );
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ConfigurationError(
      "parameters",
      `${what.en} must be a flat JSON object { name: value }`,
      `${what.zh}应为一层的 JSON 对象 { 参数名: 值 }`,
    );
  }
  return value as Record<string, unknown>;
}
