/**
 * Attachment 3, 安徽省单位包村基本情况汇总表: a row per county, a subtotal per city, a total.
 * The policy names its attachments but did not publish their layout; this layout is ours.
 */
import { isWelfareHousehold, mayHelpWelfareHousehold } from "../criteria/welfare-household.js";
import type { UnitLevel } from "../vocabulary/enums.js";
import { cadreRows, datedTitle, type FormContext } from "./form-context.js";
import type { Cell, Column, Table } from "./table.js";

/** The form's title, as the policy lists its attachments. */
export const UNIT_SUMMARY_TITLE = {
  zh: "安徽省单位包村基本情况汇总表",
  en: "Summary of unit village contracts (Anhui)",
} as const;

/** The counted columns, in order. */
const COUNTS = [
  { key: "poorVillages", header: "贫困村数", en: "poor villages" },
  { key: "contractedVillages", header: "已落实包村帮扶单位村数", en: "villages with a unit" },
  { key: "uncontractedVillages", header: "未落实包村帮扶单位村数", en: "villages without a unit" },
  { key: "provinceUnitVillages", header: "省直单位包村数", en: "villages of province units" },
  { key: "cityUnitVillages", header: "市直单位包村数", en: "villages of city units" },
  { key: "countyUnitVillages", header: "县直单位包村数", en: "villages of county units" },
  { key: "pooledVillages", header: "联合包村村数", en: "pooled villages" },
  { key: "residentCadres", header: "驻村帮扶干部数", en: "resident cadres" },
  { key: "poorHouseholds", header: "贫困户数", en: "poor households" },
  { key: "householdsWithHelper", header: "已落实帮扶责任人户数", en: "households with a helper" },
  {
    key: "welfareHouseholds",
    header: "五保户和无劳动能力低保户数",
    en: "welfare households",
  },
  {
    key: "welfareLinked",
    header: "其中由民政委员或村干部联系户数",
    en: "of which helped by the civil-affairs officer or a village cadre",
  },
] as const;

type CountKey = (typeof COUNTS)[number]["key"];
type Counts = Record<CountKey, number>;

const COLUMNS: readonly Column[] = [
  { key: "rowLevel", header: "级别", en: "row" },
  { key: "regionId", header: "地区代码", en: "region code" },
  { key: "regionName", header: "地区名称", en: "region" },
  ...COUNTS.map((c) => ({ ...c, kind: "number" as const })),
];

const zero = (): Counts => Object.fromEntries(COUNTS.map((c) => [c.key, 0])) as unknown as Counts;

function add(into: Counts, from: Counts): void {
  for (const { key } of COUNTS) into[key] += from[key];
}

const LEVEL_COLUMN: Partial<Record<UnitLevel, CountKey>> = {
  province: "provinceUnitVillages",
  city: "cityUnitVillages",
  county: "countyUnitVillages",
};

/**
 * The unit summary at `fc.ctx.asOf`. Villages: 贫困村 are poor villages that have not exited;
 * 已落实 those with a contracting unit, 未落实 the rest; 省直/市直/县直单位包村数 count the poor
 * villages contracted by a unit of that level — a village contracted by units of two levels counts
 * under each, and a unit of level 其他 under none; 联合包村村数 counts a poor village with two or
 * more contracting units once. 驻村帮扶干部数 counts the rows of the cadre register (every placed
 * village). Households: 贫困户 are households that have not exited; 已落实 those with a current
 * helper; 五保户和无劳动能力低保户 those `isWelfareHousehold` names, and of them those whose current
 * helpers (one or more) all may help one (`mayHelpWelfareHousehold`: the township's civil-affairs
 * officer or a village cadre of the village), as `household.welfare-to-civil-affairs` reads 三(一).
 * @example buildUnitSummary(formContext(index, { asOf: "2015-12-31" })).rows
 */
export function buildUnitSummary(fc: FormContext): Table {
  const { index, ctx } = fc;
  const byCounty = new Map<string, Counts>();
  const counts = (countyId: string): Counts => {
    let c = byCounty.get(countyId);
    if (!c) {
      c = zero();
      byCounty.set(countyId, c);
    }
    return c;
  };

  for (const { county, village } of fc.villages) {
    if (!ctx.isPoorVillage(village)) continue;
    const c = counts(county.id);
    c.poorVillages++;
    const units = ctx.contractingUnits(village.id);
    if (units.length === 0) {
      c.uncontractedVillages++;
      continue;
    }
    c.contractedVillages++;
    if (units.length >= 2) c.pooledVillages++;
    for (const level of new Set(units.map((u) => u.level))) {
      const key = LEVEL_COLUMN[level];
      if (key) c[key]++;
    }
  }
  for (const { place } of cadreRows(fc)) counts(place.county.id).residentCadres++;

  for (const household of index.rows("households")) {
    const place = fc.place(household.villageId);
    if (!place || ctx.exited(household)) continue;
    const c = counts(place.county.id);
    c.poorHouseholds++;
    const helpers = ctx.currentHelpers(household);
    if (helpers.length > 0) c.householdsWithHelper++;
    if (!isWelfareHousehold(household)) continue;
    c.welfareHouseholds++;
    const linked = helpers.every((r) => {
      const person = index.person(r.personId);
      return person !== undefined && mayHelpWelfareHousehold(person, place.village);
    });
    if (helpers.length > 0 && linked) c.welfareLinked++;
  }

  const rows: Record<string, Cell>[] = [];
  const total = zero();
  for (const { city, counties } of fc.cities) {
    const subtotal = zero();
    for (const county of counties) {
      const c = byCounty.get(county.id) ?? zero();
      add(subtotal, c);
      rows.push({ rowLevel: "县", regionId: county.id, regionName: county.name, ...c });
    }
    add(total, subtotal);
    rows.push({ rowLevel: "市小计", regionId: city.id, regionName: city.name, ...subtotal });
  }
  rows.push({ rowLevel: "合计", regionId: undefined, regionName: undefined, ...total });
  return {
    id: "unit-summary",
    title: datedTitle(UNIT_SUMMARY_TITLE, fc.ctx.asOf),
    sheet: UNIT_SUMMARY_TITLE.zh,
    columns: COLUMNS,
    rows,
  };
}
