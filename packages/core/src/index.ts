export { audit, auditPartition, auditPartitioned, mergePartitions } from "./audit.js";
export type { IsoDate, Period } from "./calendar/calendar.js";
export {
  endedContractYears,
  fromDay,
  isCurrent,
  isIsoDate,
  jan1,
  meetsDeadline,
  plusYears,
  toDay,
  wholeYears,
  yearOf,
  yearOfDay,
} from "./calendar/calendar.js";
export type { AuditOptions, AuditReport, AuditRun, RuleSelection } from "./engine/audit.js";
export { buildReport, runAudit } from "./engine/audit.js";
export { DEFAULT_MAX_FINDINGS_PER_COLUMN } from "./engine/capped-findings.js";
export type { DataCheck, DataCheckId } from "./engine/data-messages.js";
export { DATA_CHECKS, RULES_NEEDING, rulesStoppedBy } from "./engine/data-messages.js";
export { DatasetIndex } from "./engine/dataset-index.js";
export type { EntityRef, Finding, Message, MessageParam, Source } from "./engine/findings.js";
export {
  compareFindings,
  findingLabel,
  format,
  joinMessages,
  zhDate,
} from "./engine/findings.js";
export type { FindingGroup } from "./engine/group-findings.js";
export { groupFindings } from "./engine/group-findings.js";
export {
  birthDateOf,
  checkCharacter,
  hasValidCheckDigit,
  makeIdNumber,
} from "./engine/id-number.js";
export type { LoaderOptions, Provenance } from "./engine/loader.js";
export { addDatasetObject, DatasetLoader, dataFinding, loadDataset } from "./engine/loader.js";
export { maskFinding, maskReport, maskText } from "./engine/mask.js";
export { maskName, maskReportNames, nameMasker } from "./engine/mask-names.js";
export type { Partition, PartitionResult } from "./engine/partitioned-audit.js";
export { idDigest } from "./engine/partitioned-audit.js";
export { RuleContext } from "./engine/rule-context.js";
export type { Catalogue, Rule, RuleHit, RuleScope } from "./engine/rule-model.js";
export type { RuleReads } from "./engine/rule-reads.js";
export { encodeVisitRecords, type VisitColumns } from "./engine/visit-columns.js";
export { type EncodedVisitLines, encodeVisitLines } from "./engine/visit-lines.js";
export type { FindingPlace, FindingsTableOptions } from "./forms/findings-table.js";
export {
  collectionName,
  fieldName,
  findingPlace,
  findingsTable,
  ruleTitle,
} from "./forms/findings-table.js";
export type { FormId } from "./forms/forms.js";
export { buildForm, FORMS, isFormId } from "./forms/forms.js";
export type { Cell, Column, ColumnKind, Table } from "./forms/table.js";
export type {
  ParameterDefinition,
  ParameterKind,
  ParameterName,
  PolicyParameters,
} from "./params/parameters.js";
export {
  ConfigurationError,
  DATE_WINDOW_YEARS,
  dateWindow,
  INTERPRETATION_PARAMETERS,
  PARAMETER_NAMES,
  PARAMETERS,
  POLICY_DATE,
  parametersOn,
  parameterValueOn,
  parseParameterOverrides,
} from "./params/parameters.js";
export type { HouseholdHelperPlan, HouseholdPlanOptions } from "./planner/assign-households.js";
export {
  DEFAULT_MAX_HOUSEHOLDS_PER_HELPER,
  planHouseholdHelpers,
} from "./planner/assign-households.js";
export type { VillageContractPlan } from "./planner/assign-villages.js";
export { planVillageContracts } from "./planner/assign-villages.js";
export type { Plan } from "./planner/plan-assignments.js";
export { applyPlan, planAssignments } from "./planner/plan-assignments.js";
export type { PlanTableId } from "./planner/plan-tables.js";
export { PLAN_TABLES, planTable } from "./planner/plan-tables.js";
export type { Because, PlanOptions, Proposed, Unresolved } from "./planner/planning.js";
export { PLANNING_RULE_IDS } from "./planner/planning.js";
export { POLICY_ID, POLICY_TEXT } from "./policy/source-text.js";
export type { RuleSelectionText } from "./rule-selection.js";
export { parseRuleSelection } from "./rule-selection.js";
export { CATALOGUE, ruleById } from "./rules/catalogue.js";
export { requiredCount } from "./rules/duty-years.js";
export { defineRule } from "./rules/rule.js";
export * from "./schema/collections.js";
export { countyOf, countyPathsOf } from "./schema/county.js";
export type {
  CollectionName,
  CollectionOptions,
  FieldKind,
  FieldSpec,
  IndexKey,
  Requirement,
} from "./schema/fields.js";
export { COLLECTION_NAMES, refTarget } from "./schema/fields.js";
export {
  EXCEL_SERIAL_RANGE,
  fieldSpecs,
  IdShape,
  idShape,
  isAbsent,
  isCutColumn,
  normaliseBoolean,
  normaliseCell,
  normaliseCode,
  normaliseDate,
  normaliseRow,
} from "./schema/normalise.js";
export type { Vocabulary } from "./vocabulary/enums.js";
export {
  compareEducation,
  Education,
  ELIGIBLE_UNIT_CATEGORIES,
  Gender,
  Grade,
  HouseholdAttribute,
  PersonRole,
  PlanKind,
  PovertyCause,
  parseEnum,
  Rank,
  ReportKind,
  Severity,
  TeamRole,
  UnitCategory,
  UnitLevel,
  VillagePost,
  VisitKind,
  VOCABULARIES,
} from "./vocabulary/enums.js";
