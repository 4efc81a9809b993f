/**
 * The findings of a report as a table for CSV and XLSX output (the CLI's `--format csv|xlsx`, the
 * API's `Accept: text/csv`, the 问题清单 of the XLSX report): one row per finding, or one row per
 * group of like data findings. Every finding is placed in its city, county, township and village
 * and named with its unit, so an office can filter the list down to its own; in Chinese, every
 * value a person reads is in Chinese (rules.md "Words in Chinese output") — collections, fields,
 * severities — with the rule id kept as an id column.
 */
import type { AuditReport } from "../engine/audit.js";
import { DATA_CHECKS } from "../engine/data-messages.js";
import type { DatasetIndex } from "../engine/dataset-index.js";
import { type Finding, findingLabel, type Message } from "../engine/findings.js";
import { groupFindings } from "../engine/group-findings.js";
import { RuleContext } from "../engine/rule-context.js";
import { ruleById } from "../rules/catalogue.js";
import type { City, County, Township, Unit, Village } from "../schema/collections.js";
import { COLLECTIONS } from "../schema/collections.js";
import type { CollectionName } from "../schema/fields.js";
import type { Severity } from "../vocabulary/enums.js";
import type { Cell, Column, Table } from "./table.js";

/** Where a finding lies: its village (or township, county, city) and the units concerned. */
export interface FindingPlace {
  city?: City;
  county?: County;
  township?: Township;
  village?: Village;
  /** The units the finding concerns: its own, the related one, the village's current ones. */
  units: Unit[];
}

type Lang = "zh" | "en";

function isCollection(name: string): name is CollectionName {
  return Object.hasOwn(COLLECTIONS, name);
}

/**
 * The Chinese name of a collection (`villages` → 村); a name the data model does not know (an
 * unknown sheet) as it is.
 * @example collectionName("households", "zh") // "贫困户"
 */
export function collectionName(name: string, lang: Lang): string {
  return lang === "zh" && isCollection(name) ? COLLECTIONS[name].zh : name;
}

/**
 * A field as a reader knows it: its Chinese header in `zh` (`verifiedOn` → 核实日期), the field
 * name in `en`; a field the collection does not have (an unknown column's header) as it is.
 * @example fieldName("households", "verifiedOn", "zh") // "核实日期"
 */
export function fieldName(collection: string, field: string, lang: Lang): string {
  if (lang === "en" || !isCollection(collection)) return field;
  return COLLECTIONS[collection].fields.find((f) => f.name === field)?.header ?? field;
}

/**
 * The title of a rule or data check in `lang`; the id when unknown.
 * @example ruleTitle("data.duplicate-id").zh // "编号重复"
 */
export function ruleTitle(ruleId: string): Message {
  const rule = ruleById(ruleId);
  if (rule) return rule.title;
  const check = (DATA_CHECKS as Record<string, { title: Message } | undefined>)[ruleId];
  return check ? check.title : { zh: ruleId, en: ruleId };
}

const SEVERITY_ZH: Record<Severity, string> = { error: "不符合", warning: "需说明", info: "提示" };
const DATA_SEVERITY_ZH: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/**
 * A severity as a reader reads it: in `zh` the policy's words (不符合 / 需说明 / 提示), for a data
 * check 错误 / 警告 / 提示 (a data problem never reads as a breach); in `en` the severity itself.
 */
function severityText(f: Pick<Finding, "ruleId" | "severity">, lang: Lang): string {
  if (lang === "en") return f.severity;
  return (f.ruleId.startsWith("data.") ? DATA_SEVERITY_ZH : SEVERITY_ZH)[f.severity];
}

/**
 * Places a finding: the village it is about (its own, its household's, the related village of a
 * unit or a resident cadre, a person's village or township), up to its city; for a unit or a
 * county its own region. Units: the finding's unit, the related unit, a person's unit, a helper's
 * unit, else the village's current contracting units (when `ctx` is given). Rows the dataset
 * does not have (a broken id, a line of a collection without ids) are not placed.
 * @example findingPlace(index, finding).county?.name // "岳西县"
 */
export function findingPlace(
  index: DatasetIndex,
  finding: Pick<Finding, "entity" | "related">,
  ctx?: RuleContext,
): FindingPlace {
  const { entity } = finding;
  const related = (collection: string) =>
    finding.related?.filter((r) => r.collection === collection).map((r) => r.id) ?? [];
  const units: Unit[] = [];
  const addUnit = (id: string | undefined) => {
    const u = index.unit(id);
    if (u && !units.includes(u)) units.push(u);
  };
  let villageId: string | undefined = related("villages")[0];
  let township: Township | undefined;
  let county: County | undefined;
  let city: City | undefined;
  switch (entity.collection) {
    case "cities":
      city = index.city(entity.id);
      break;
    case "counties":
      county = index.county(entity.id);
      break;
    case "townships":
      township = index.township(entity.id);
      break;
    case "villages":
      villageId = entity.id;
      break;
    case "households": {
      villageId = index.household(entity.id)?.villageId;
      for (const id of related("people")) addUnit(index.person(id)?.unitId);
      break;
    }
    case "units": {
      const u = index.unit(entity.id);
      if (u) {
        units.push(u);
        if (!villageId) {
          county = u.level === "county" ? index.county(u.countyId) : undefined;
          city = u.level === "city" || u.level === "county" ? index.city(u.cityId) : undefined;
        }
      }
      break;
    }
    case "people": {
      const p = index.person(entity.id);
      if (!p) break;
      const cadres = index.residentCadresOfPerson(p.id);
      const cadre = cadres.find((r) => r.villageId === villageId) ?? cadres[0];
      if (cadre) {
        villageId ??= cadre.villageId;
        addUnit(cadre.unitId);
      }
      addUnit(p.unitId);
      villageId ??= p.villageId;
      if (!villageId && p.townshipId) township = index.township(p.townshipId);
      break;
    }
  }
  for (const id of related("units")) addUnit(id);
  const village = index.village(villageId);
  if (village) township = index.township(village.townshipId);
  if (township) county = index.county(township.countyId);
  if (county) city ??= index.city(county.cityId);
  if (village && units.length === 0 && ctx) {
    for (const u of ctx.contractingUnits(village.id)) units.push(u);
  }
  return {
    units,
    ...(city ? { city } : {}),
    ...(county ? { county } : {}),
    ...(township ? { township } : {}),
    ...(village ? { village } : {}),
  };
}

/** The columns the plain table (one row per finding) and the grouped one share. */
const PLACE_COLUMNS: readonly Column[] = [
  { key: "city", header: "市", en: "city" },
  { key: "county", header: "县（市、区）", en: "county" },
  { key: "township", header: "乡（镇）", en: "township" },
  { key: "village", header: "村", en: "village" },
  { key: "unit", header: "帮扶单位", en: "unit" },
];

const PLAIN_COLUMNS: readonly Column[] = [
  { key: "kind", header: "问题类别", en: "kind" },
  { key: "severity", header: "严重程度", en: "severity" },
  { key: "ruleId", header: "规则", en: "ruleId" },
  { key: "clause", header: "条款", en: "clause" },
  { key: "ruleTitle", header: "规则名称", en: "rule title" },
  ...PLACE_COLUMNS,
  { key: "entityCollection", header: "对象类型", en: "entity collection" },
  { key: "entityId", header: "对象编号", en: "entity id" },
  { key: "entityName", header: "对象名称", en: "entity name" },
  { key: "relatedCollection", header: "关联对象类型", en: "related collection" },
  { key: "relatedId", header: "关联对象编号", en: "related id" },
  { key: "years", header: "年度", en: "years" },
  { key: "message", header: "说明", en: "message" },
  { key: "file", header: "文件", en: "file" },
  { key: "sheet", header: "工作表", en: "sheet" },
  { key: "line", header: "行号", en: "line", kind: "number" },
  { key: "field", header: "字段", en: "field" },
];

const GROUPED_COLUMNS: readonly Column[] = [
  { key: "kind", header: "类别", en: "category" },
  { key: "ruleId", header: "规则", en: "rule" },
  { key: "clause", header: "条款", en: "clause" },
  { key: "ruleTitle", header: "规则名称", en: "rule title" },
  ...PLACE_COLUMNS,
  { key: "subject", header: "对象", en: "subject" },
  { key: "message", header: "说明", en: "message" },
  { key: "file", header: "文件", en: "file" },
  { key: "sheet", header: "工作表", en: "sheet" },
  { key: "line", header: "行号", en: "line", kind: "number" },
  { key: "field", header: "字段", en: "field" },
  { key: "count", header: "条数", en: "count", kind: "number" },
  { key: "years", header: "年度", en: "years" },
  { key: "related", header: "关联对象", en: "related" },
];

/** How the findings table is built. */
export interface FindingsTableOptions {
  /**
   * One row per group of like data findings (`groupFindings`): the 问题清单 a person reads, with
   * the group's count and first lines. Default false: one row per finding (what CSV consumers
   * and the API's tables get).
   */
  grouped?: boolean;
  /** The least number of like findings grouped (default `groupFindings`' own). */
  minGroup?: number;
}

/**
 * The findings table (the 问题清单). Plain (default): kind (不符合 / 需说明 / 提示 / 数据问题),
 * severity, ruleId, clause, rule title, city, county, township, village, unit, entity collection,
 * id and name, related collection and id, years, message (in `lang`), file, sheet, line, field —
 * one row per finding. Grouped: kind, rule, clause, rule title, city … unit, subject, message,
 * file, sheet, line(s), field, count, years, related — one row per group of like data findings.
 * In `zh` collections, fields and severities are in Chinese; the rule id stays an id.
 * @example findingsTable(report, index, "zh").rows.length === report.findings.length
 */
export function findingsTable(
  report: AuditReport,
  index: DatasetIndex | undefined,
  lang: Lang = "zh",
  options: FindingsTableOptions = {},
): Table {
  const ctx = index
    ? new RuleContext(index, report.asOf, report.policy.parameters, new Map())
    : undefined;
  const titles = new Map<string, Message>();
  const titleOf = (id: string): string => {
    let t = titles.get(id);
    if (!t) {
      t = ruleTitle(id);
      titles.set(id, t);
    }
    return t[lang];
  };
  const label = (collection: string, id: string): Message | undefined => {
    if (!index || !isCollection(collection)) return undefined;
    const labels = index.labels(collection, id);
    return labels.zh === id ? undefined : labels;
  };
  const nameOf = (collection: string, id: string): string | undefined => {
    if (!index || !isCollection(collection)) return undefined;
    const l = index.label(collection, id);
    return l === id ? undefined : l.slice(0, l.length - id.length - 2);
  };
  const placeCells = (f: Finding): Record<string, Cell> => {
    if (!index) return {};
    const p = findingPlace(index, f, ctx);
    return {
      city: p.city?.name,
      county: p.county?.name,
      township: p.township?.name,
      village: p.village?.name,
      unit: p.units.length
        ? p.units.map((u) => u.name).join(lang === "zh" ? "、" : "; ")
        : undefined,
    };
  };
  const years = (f: Finding): string | undefined =>
    f.years
      ? lang === "zh"
        ? f.years.map((y) => `${y}年度`).join("、")
        : f.years.join(";")
      : undefined;
  const field = (f: Finding) =>
    f.field === undefined ? undefined : fieldName(f.entity.collection, f.field, lang);

  if (!options.grouped) {
    return {
      id: "findings",
      title: { zh: "问题清单", en: "Findings" },
      sheet: lang === "zh" ? "问题清单" : "findings",
      columns: PLAIN_COLUMNS,
      rows: report.findings.map(
        (f): Record<string, Cell> => ({
          kind: findingLabel(f)[lang],
          severity: severityText(f, lang),
          ruleId: f.ruleId,
          clause: f.clause,
          ruleTitle: titleOf(f.ruleId),
          ...placeCells(f),
          entityCollection: collectionName(f.entity.collection, lang),
          entityId: f.entity.id,
          entityName: nameOf(f.entity.collection, f.entity.id),
          relatedCollection: f.related?.map((r) => collectionName(r.collection, lang)).join(";"),
          relatedId: f.related?.map((r) => r.id).join(";"),
          years: years(f),
          message: f.message[lang],
          file: f.source?.file,
          sheet: f.source?.sheet,
          line: f.source?.line,
          field: field(f),
        }),
      ),
    };
  }

  const sep = lang === "zh" ? "、" : ", ";
  const subject = (f: Finding, count: number): string => {
    const c = collectionName(f.entity.collection, lang);
    if (count > 1) return lang === "zh" ? `${c}（${count}行）` : `${c} (${count} rows)`;
    if (f.entity.id === "*") return lang === "zh" ? `${c}（整表）` : `${c} (whole table)`;
    if (f.entity.id.startsWith("#")) return c;
    const l = label(f.entity.collection, f.entity.id);
    if (f.entity.collection === "households" && l) return l[lang];
    const name = l ? l[lang] : f.entity.id;
    return lang === "zh" ? `${c}：${name}` : `${c}: ${name}`;
  };
  const relatedText = (f: Finding): string | undefined =>
    f.related
      ?.map((r) => {
        const c = collectionName(r.collection, lang);
        const name = label(r.collection, r.id)?.[lang] ?? r.id;
        return lang === "zh" ? `${c}：${name}` : `${c}: ${name}`;
      })
      .join(sep);
  const groupMessage = (f: Finding, count: number, lines: readonly number[]): string => {
    const text = f.message[lang];
    if (count <= 1) return text;
    const more = count > lines.length;
    if (lang === "zh") {
      return lines.length
        ? `${text}（同类问题共${count}行：第${lines.join("、")}行${more ? "等" : ""}）`
        : `${text}（同类问题共${count}条）`;
    }
    return lines.length
      ? `${text} (${count} rows like this: lines ${lines.join(", ")}${more ? ", …" : ""})`
      : `${text} (${count} findings like this)`;
  };
  const groups = groupFindings(report.findings, options.minGroup);
  return {
    id: "findings",
    title: { zh: "问题清单", en: "Findings" },
    sheet: lang === "zh" ? "问题清单" : "findings",
    columns: GROUPED_COLUMNS,
    rows: groups.map(({ first: f, count, lines }): Record<string, Cell> => {
      const group = count > 1;
      return {
        kind: findingLabel(f)[lang],
        ruleId: f.ruleId,
        clause: f.clause,
        ruleTitle: titleOf(f.ruleId),
        ...(group ? {} : placeCells(f)),
        subject: subject(f, count),
        message: groupMessage(f, count, lines),
        file: f.source?.file,
        sheet: f.source?.sheet,
        line: group
          ? lines.length
            ? `${lines.join(sep)}${count > lines.length ? (lang === "zh" ? "…" : ", …") : ""}`
            : undefined
          : f.source?.line,
        field: field(f),
        count,
        years: years(f),
        related: group ? undefined : relatedText(f),
      };
    }),
  };
}
