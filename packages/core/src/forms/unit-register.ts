/**
 * Attachment 1, 安徽省包村帮扶单位基本情况登记表: one row per current contract (unit, village).
 * The policy names its attachments but did not publish their layout; this layout is ours.
 */
import type { ResidentCadre } from "../schema/collections.js";
import { UnitCategory, UnitLevel } from "../vocabulary/enums.js";
import { compareIds, datedTitle, type FormContext, nameOf } from "./form-context.js";
import type { Cell, Column, Table } from "./table.js";

/** The form's title, as the policy lists its attachments. */
export const UNIT_REGISTER_TITLE = {
  zh: "安徽省包村帮扶单位基本情况登记表",
  en: "Register of village-contracting units (Anhui)",
} as const;

const COLUMNS: readonly Column[] = [
  { key: "no", header: "序号", en: "no.", kind: "number" },
  { key: "unitId", header: "单位编号", en: "unit id" },
  { key: "unitName", header: "单位名称", en: "unit name" },
  { key: "category", header: "单位性质", en: "category" },
  { key: "level", header: "单位层级", en: "level" },
  { key: "staffSize", header: "编制人数", en: "staff size", kind: "number" },
  { key: "principal", header: "主要负责同志", en: "principal" },
  { key: "deputy", header: "分管负责人", en: "deputy in charge" },
  { key: "phone", header: "联系电话", en: "phone (deputy)" },
  { key: "city", header: "包扶村所在市", en: "village: city" },
  { key: "county", header: "包扶村所在县（市、区）", en: "village: county" },
  { key: "township", header: "包扶村所在乡镇", en: "village: township" },
  { key: "village", header: "包扶村", en: "village" },
  { key: "villageId", header: "村代码", en: "village code" },
  { key: "startDate", header: "包村开始日期", en: "contract start", kind: "date" },
  { key: "pooled", header: "是否联合包村", en: "pooled", kind: "boolean" },
  { key: "residentCadres", header: "驻村帮扶干部", en: "resident cadres" },
];

/**
 * The unit register at `fc.ctx.asOf`: a row per contracting unit of each placed village (a unit
 * with two current rows for one village is one row, starting at the earlier), sorted by city,
 * county, township and village id, then unit id. 是否联合包村: the village has two or more
 * contracting units. 驻村帮扶干部: the names of the village's current resident cadres sent by this
 * unit, joined with 、. 联系电话 is the deputy's phone.
 * @example buildUnitRegister(formContext(index, { asOf: "2015-12-31" })).rows
 */
export function buildUnitRegister(fc: FormContext): Table {
  const { index, ctx } = fc;
  const rows: Record<string, Cell>[] = [];
  for (const { city, county, township, village } of fc.villages) {
    const units = ctx.contractingUnits(village.id).sort((a, b) => compareIds(a.id, b.id));
    if (units.length === 0) continue;
    const contracts = ctx.currentContracts(village.id);
    const cadres = ctx.currentResidentCadres(village.id);
    for (const unit of units) {
      const starts = contracts
        .filter((r) => r.unitId === unit.id)
        .map((r) => ctx.start(r))
        .filter((s): s is string => s !== undefined)
        .sort(compareIds);
      const deputy = index.person(unit.deputyId);
      rows.push({
        no: rows.length + 1,
        unitId: unit.id,
        unitName: unit.name,
        category: UnitCategory.labels[unit.category],
        level: UnitLevel.labels[unit.level],
        staffSize: unit.staffSize,
        principal: nameOf(index, unit.principalId),
        deputy: nameOf(index, unit.deputyId),
        phone: deputy?.phone,
        city: city.name,
        county: county.name,
        township: township.name,
        village: village.name,
        villageId: village.id,
        startDate: starts[0],
        pooled: units.length >= 2,
        residentCadres: sentBy(fc, cadres, unit.id),
      });
    }
  }
  return {
    id: "unit-register",
    title: datedTitle(UNIT_REGISTER_TITLE, fc.ctx.asOf),
    sheet: UNIT_REGISTER_TITLE.zh,
    columns: COLUMNS,
    rows,
  };
}

/** The names of the cadres a unit sent, each person once, by person id; blank when none. */
function sentBy(
  fc: FormContext,
  cadres: readonly ResidentCadre[],
  unitId: string,
): string | undefined {
  const ids = [...new Set(cadres.filter((c) => c.unitId === unitId).map((c) => c.personId))]
    .filter((id) => id !== undefined)
    .sort(compareIds);
  return ids.length === 0 ? undefined : ids.map((id) => nameOf(fc.index, id)).join("、");
}
