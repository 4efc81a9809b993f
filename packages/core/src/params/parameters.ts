/**
 * The policy's numbers as data (OpenFisca style): each parameter has values dated by the day they
 * take effect, the clause it comes from and, where the number is ours, a note saying so. An
 * amendment is a new dated value, never an edit of a rule.
 */
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
}

export type ParameterName = keyof PolicyParameters;

/** What kind of value a parameter holds, for validating overrides. */
export type ParameterKind = "count" | "date" | "education";

/** One parameter: its dated values, clause and note. */
export interface ParameterDefinition<N extends ParameterName = ParameterName> {
  name: N;
  kind: ParameterKind;
  clause: string;
  /** Present where the value is an interpretation of the text, not the text itself. */
  note?: { zh: string; en: string };
  /** Values by the date they take effect, oldest first. */
  values: readonly { effectiveFrom: string; value: PolicyParameters[N] }[];
}

/** The date the policy took effect (its signature date). */
export const POLICY_DATE = "2014-07-09";

const v = <N extends ParameterName>(value: PolicyParameters[N]) => [
  { effectiveFrom: POLICY_DATE, value },
];

/** Every parameter of `rules.md` "Parameters", with the 2014 values. */
export const PARAMETERS: { readonly [N in ParameterName]: ParameterDefinition<N> } = {
  residentCadreMaxAge: {
    name: "residentCadreMaxAge",
    kind: "count",
    clause: "二(三)4",
    note: { zh: "“40周岁以下”含40周岁", en: "“40周岁以下” includes 40 (inclusive)" },
    values: v<"residentCadreMaxAge">(40),
  },
  residentCadreMinWorkYears: {
    name: "residentCadreMinWorkYears",
    kind: "count",
    clause: "二(三)4",
    values: v<"residentCadreMinWorkYears">(3),
  },
  residentCadreMinEducation: {
    name: "residentCadreMinEducation",
    kind: "education",
    clause: "二(三)4",
    values: v<"residentCadreMinEducation">("associate"),
  },
  principalVisitsPerYear: {
    name: "principalVisitsPerYear",
    kind: "count",
    clause: "四2",
    values: v<"principalVisitsPerYear">(2),
  },
  termYears: { name: "termYears", kind: "count", clause: "四3", values: v<"termYears">(3) },
  unitListDeadline: {
    name: "unitListDeadline",
    kind: "date",
    clause: "四4",
    note: { zh: "当日上报视为按期", en: "on or before the day" },
    values: v<"unitListDeadline">("2014-07-30"),
  },
  cadreListDeadline: {
    name: "cadreListDeadline",
    kind: "date",
    clause: "四4",
    note: { zh: "当日上报视为按期", en: "on or before the day" },
    values: v<"cadreListDeadline">("2014-08-10"),
  },
  keyCountyCount: {
    name: "keyCountyCount",
    kind: "count",
    clause: "二(二)",
    note: {
      zh: "仅在报告摘要中与数据中的重点县数对照,不构成规则",
      en: "reported in summary.keyCounties beside the dataset's own count; no rule",
    },
    values: v<"keyCountyCount">(31),
  },
  smallUnitMaxStaff: {
    name: "smallUnitMaxStaff",
    kind: "count",
    clause: "二(二)",
    note: {
      zh: "解释:原文只说“人员编制少”,编制人数不超过此数的单位视为编制少",
      en: "interpretation: the text says only “人员编制少”; a unit with at most this many posts is small",
    },
    values: v<"smallUnitMaxStaff">(10),
  },
  householdVisitsPerYear: {
    name: "householdVisitsPerYear",
    kind: "count",
    clause: "三(二)3",
    note: {
      zh: "解释:“定期走访贫困户”按每季度至少一次计",
      en: "interpretation of “定期走访贫困户”: at least quarterly",
    },
    values: v<"householdVisitsPerYear">(4),
  },
  topicMeetingsPerYear: {
    name: "topicMeetingsPerYear",
    kind: "count",
    clause: "四2",
    note: {
      zh: "解释:“定期召开包村工作专题会议”按每年至少两次计",
      en: "interpretation of “定期召开包村工作专题会议”: at least twice a year",
    },
    values: v<"topicMeetingsPerYear">(2),
  },
  staffVisitsPerYear: {
    name: "staffVisitsPerYear",
    kind: "count",
    clause: "二(三)1",
    note: {
      zh: "解释:“组织本单位干部职工走访贫困村”按每年至少一次计",
      en: "interpretation of “组织本单位干部职工走访贫困村”: at least once a year",
    },
    values: v<"staffVisitsPerYear">(1),
  },
};

/** Every parameter name, in the order of `rules.md`. */
export const PARAMETER_NAMES = Object.keys(PARAMETERS) as ParameterName[];

/** A configuration mistake: an unknown parameter or rule, or a value of the wrong kind. */
export class ConfigurationError extends Error {
  override name = "ConfigurationError";
  /** What was wrong, e.g. `parameters.termYears`. */
  readonly path: string;
  constructor(path: string, message: string) {
    super(message);
    this.path = path;
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
  const def = (PARAMETERS as Record<string, ParameterDefinition>)[name];
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
