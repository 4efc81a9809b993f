/**
 * The findings of a report as a table — one row per finding — for CSV and XLSX output (the CLI's
 * `--format csv|xlsx`, the API's `Accept: text/csv`).
 */
import type { AuditReport } from "../engine/audit.js";
import type { DatasetIndex } from "../engine/dataset-index.js";
import { findingLabel } from "../engine/findings.js";
import type { CollectionName } from "../schema/fields.js";
import type { Cell, Table } from "./table.js";

/**
 * The findings table (the 问题清单): kind (不符合 / 需说明 / 提示 / 数据问题), severity, ruleId, clause, entity collection, entity id, entity name, related
 * collection, related id, years, message (in `lang`), file, sheet, line, field.
 * @example findingsTable(report, index, "zh").rows.length === report.findings.length
 */
export function findingsTable(
  report: AuditReport,
  index: DatasetIndex | undefined,
  lang: "zh" | "en" = "zh",
): Table {
  const name = (collection: string, id: string): string | undefined => {
    if (!index) return undefined;
    const label = index.label(collection as CollectionName, id);
    return label === id ? undefined : label.slice(0, label.length - id.length - 2);
  };
  return {
    id: "findings",
    title: { zh: "问题清单", en: "Findings" },
    sheet: lang === "zh" ? "问题清单" : "findings",
    columns: [
      { key: "kind", header: "问题类别", en: "kind" },
      { key: "severity", header: "严重程度", en: "severity" },
      { key: "ruleId", header: "规则", en: "ruleId" },
      { key: "clause", header: "条款", en: "clause" },
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
    ],
    rows: report.findings.map(
      (f): Record<string, Cell> => ({
        kind: findingLabel(f)[lang],
        severity: f.severity,
        ruleId: f.ruleId,
        clause: f.clause,
        entityCollection: f.entity.collection,
        entityId: f.entity.id,
        entityName: name(f.entity.collection, f.entity.id),
        relatedCollection: f.related?.map((r) => r.collection).join(";"),
        relatedId: f.related?.map((r) => r.id).join(";"),
        years: f.years?.join(";"),
        message: f.message[lang],
        file: f.source?.file,
        sheet: f.source?.sheet,
        line: f.source?.line,
        field: f.field,
      }),
    ),
  };
}
