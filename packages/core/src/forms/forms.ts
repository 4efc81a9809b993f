/**
 * The four attachment forms of the policy (附件1–4), built as tables for io to write as CSV or
 * XLSX. The policy lists the attachments by title but did not publish their layout: the columns,
 * their order and the counting choices are ours, written down in each form's JSDoc and in the
 * README ("The four forms").
 */
import type { DatasetIndex } from "../engine/dataset-index.js";
import { ConfigurationError } from "../params/parameters.js";
import { buildCadreRegister, CADRE_REGISTER_TITLE } from "./cadre-register.js";
import { buildCadreSummary, CADRE_SUMMARY_TITLE } from "./cadre-summary.js";
import { type FormContext, formContext } from "./form-context.js";
import type { Table } from "./table.js";
import { buildUnitRegister, UNIT_REGISTER_TITLE } from "./unit-register.js";
import { buildUnitSummary, UNIT_SUMMARY_TITLE } from "./unit-summary.js";

/** The id of one of the four forms. */
export type FormId = "unit-register" | "cadre-register" | "unit-summary" | "cadre-summary";

/**
 * The four forms, in the order of the policy's attachments, with their titles.
 * @example FORMS.map((f) => f.id) // ["unit-register", "cadre-register", "unit-summary", "cadre-summary"]
 */
export const FORMS: readonly { id: FormId; title: { zh: string; en: string } }[] = Object.freeze([
  { id: "unit-register", title: UNIT_REGISTER_TITLE },
  { id: "cadre-register", title: CADRE_REGISTER_TITLE },
  { id: "unit-summary", title: UNIT_SUMMARY_TITLE },
  { id: "cadre-summary", title: CADRE_SUMMARY_TITLE },
]);

const BUILDERS: Record<FormId, (fc: FormContext) => Table> = {
  "unit-register": buildUnitRegister,
  "cadre-register": buildCadreRegister,
  "unit-summary": buildUnitSummary,
  "cadre-summary": buildCadreSummary,
};

/**
 * Whether a string names one of the four forms.
 * @example isFormId("unit-summary") // true
 */
export function isFormId(x: string): x is FormId {
  return Object.hasOwn(BUILDERS, x);
}

/**
 * Builds one form at `options.asOf`: contracts, resident cadres and helpers current on that date,
 * villages and households not exited by it, with the definitions the audit uses (`RuleContext`)
 * and the parameters in force (`parametersOn(asOf, overrides)`, over the dataset's own). Rows are
 * sorted by city, county, township and village id, then unit or person id; the same input gives
 * the same table. Throws `ConfigurationError` for a bad `asOf`, a bad parameter override or an
 * unknown form id. Our layout: the policy did not publish its forms.
 * @example
 * const table = buildForm("unit-summary", loadDataset(data), { asOf: "2015-12-31" });
 * table.rows; // a row per county, a subtotal per city, a total
 */
export function buildForm(
  id: FormId,
  index: DatasetIndex,
  options: { asOf: string; parameters?: Record<string, unknown> },
): Table {
  if (!isFormId(id)) {
    throw new ConfigurationError(
      "form",
      `unknown form “${String(id)}” (${FORMS.map((f) => f.id).join(", ")})`,
    );
  }
  return BUILDERS[id](formContext(index, options));
}
