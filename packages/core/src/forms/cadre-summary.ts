/**
 * Attachment 4, 驻村帮扶干部基本情况汇总表: a row per city and a total.
 * The policy names its attachments but did not publish their layout; this layout is ours.
 */
import { ageAt } from "../criteria/age-limit.js";
import { isReserveCadre } from "../criteria/reserve-cadre.js";
import { type CadreRow, cadreRows, datedTitle, type FormContext } from "./form-context.js";
import type { Cell, Column, Table } from "./table.js";

/** The form's title, as the policy lists its attachments. */
export const CADRE_SUMMARY_TITLE = {
  zh: "驻村帮扶干部基本情况汇总表",
  en: "Summary of resident cadres",
} as const;

/** The counted columns, each with the cadre-register rows it counts. */
const COUNTS = [
  { key: "cadres", header: "人数", en: "cadres", when: () => true },
  {
    key: "provinceUnit",
    header: "省直单位派出",
    en: "sent by province units",
    when: (c: CadreRow) => c.unit?.level === "province",
  },
  {
    key: "cityUnit",
    header: "市直单位派出",
    en: "sent by city units",
    when: (c: CadreRow) => c.unit?.level === "city",
  },
  {
    key: "countyUnit",
    header: "县直单位派出",
    en: "sent by county units",
    when: (c: CadreRow) => c.unit?.level === "county",
  },
  {
    key: "partyMembers",
    header: "中共党员",
    en: "CPC members",
    when: (c: CadreRow) => c.person?.partyMember === true,
  },
  {
    key: "associate",
    header: "大专",
    en: "associate degree",
    when: (c: CadreRow) => c.person?.education === "associate",
  },
  {
    key: "bachelor",
    header: "本科",
    en: "bachelor",
    when: (c: CadreRow) => c.person?.education === "bachelor",
  },
  {
    key: "postgraduate",
    header: "研究生",
    en: "postgraduate (master or doctorate)",
    when: (c: CadreRow) => c.person?.education === "master" || c.person?.education === "doctorate",
  },
  {
    key: "age35OrUnder",
    header: "35周岁及以下",
    en: "35 or younger",
    when: (_: CadreRow, age?: number) => age !== undefined && age <= 35,
  },
  {
    key: "age36To40",
    header: "36至40周岁",
    en: "36 to 40",
    when: (_: CadreRow, age?: number) => age !== undefined && age >= 36 && age <= 40,
  },
  {
    key: "age41OrOver",
    header: "41周岁及以上",
    en: "41 or older",
    when: (_: CadreRow, age?: number) => age !== undefined && age > 40,
  },
  {
    key: "reserveCadres",
    header: "后备干部",
    en: "reserve cadres",
    when: (c: CadreRow) => c.person !== undefined && isReserveCadre(c.person),
  },
  {
    key: "secretaries",
    header: "任第一书记或书记",
    en: "first secretaries or secretaries",
    when: (c: CadreRow) =>
      c.row.villagePost === "first_secretary" || c.row.villagePost === "secretary",
  },
] as const satisfies readonly {
  key: string;
  header: string;
  en: string;
  when: (c: CadreRow, age?: number) => boolean;
}[];

type Counts = Record<(typeof COUNTS)[number]["key"], number>;

const COLUMNS: readonly Column[] = [
  { key: "rowLevel", header: "级别", en: "row" },
  { key: "regionId", header: "地区代码", en: "region code" },
  { key: "regionName", header: "地区名称", en: "region" },
  ...COUNTS.map(({ key, header, en }) => ({ key, header, en, kind: "number" as const })),
];

const zero = (): Counts => Object.fromEntries(COUNTS.map((c) => [c.key, 0])) as unknown as Counts;

/**
 * The cadre summary at `fc.ctx.asOf`: counts of the cadre register's rows (current resident cadre
 * rows; a person with two current rows counts twice) by the city of the village. By level of the
 * sending unit (省直/市直/县直; a unit of level 其他 under none); 中共党员; 学历 大专, 本科 and
 * 研究生 (master or doctorate); 年龄 in whole years at `asOf` (`ageAt`: 35周岁及以下, 36至40周岁,
 * 41周岁及以上; an unknown birth date under none); 后备干部 (`isReserveCadre`); 任第一书记或书记
 * (`villagePost` first_secretary or secretary).
 * @example buildCadreSummary(formContext(index, { asOf: "2015-12-31" })).rows
 */
export function buildCadreSummary(fc: FormContext): Table {
  const byCity = new Map<string, Counts>();
  for (const cadre of cadreRows(fc)) {
    let c = byCity.get(cadre.place.city.id);
    if (!c) {
      c = zero();
      byCity.set(cadre.place.city.id, c);
    }
    const birth = cadre.person?.birthDate;
    const age = birth === undefined ? undefined : ageAt(birth, fc.ctx.asOf);
    for (const { key, when } of COUNTS) if (when(cadre, age)) c[key]++;
  }
  const rows: Record<string, Cell>[] = [];
  const total = zero();
  for (const { city } of fc.cities) {
    const c = byCity.get(city.id) ?? zero();
    for (const { key } of COUNTS) total[key] += c[key];
    rows.push({ rowLevel: "市", regionId: city.id, regionName: city.name, ...c });
  }
  rows.push({ rowLevel: "合计", regionId: undefined, regionName: undefined, ...total });
  return {
    id: "cadre-summary",
    title: datedTitle(CADRE_SUMMARY_TITLE, fc.ctx.asOf),
    sheet: CADRE_SUMMARY_TITLE.zh,
    columns: COLUMNS,
    rows,
  };
}
