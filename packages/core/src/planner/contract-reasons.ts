/**
 * The sentences of the village planner (二(二)): why a unit is proposed for a village, and why a
 * village or unit could not be placed. Chinese in the words of rules.md ("Words in Chinese
 * output": rows named `天堂村（340828100201）`, full-width punctuation, 包村帮扶单位 in sentences,
 * the policy quoted verbatim inside “…”), English alongside.
 */
import type { DatasetIndex } from "../engine/dataset-index.js";
import type { Message } from "../engine/findings.js";
import type { City, County, Unit, Village } from "../schema/collections.js";
import { UnitCategory, UnitLevel } from "../vocabulary/enums.js";

export const CONTRACT_CLAUSE = "二(二)";

/** The policy's sentences the reasons quote, verbatim from source.zh.txt. */
const QUOTE = {
  designated:
    "省直定点帮扶单位(包括国有企业、大专院校和中央驻皖单位)在已定的帮扶县内至少确定一个贫困村包村帮扶",
  paired: "确定贫困村要尽量与结对共建工作相结合",
  lead: "其中省直牵头帮扶单位原则上在牵头帮扶的县内包村",
  city: "市直各单位(含垂直管理单位)要在辖区内的贫困县包扶一个贫困村",
  county: "其余贫困村由各县扶贫开发领导小组安排县直各单位(含垂直管理单位)包村帮扶",
  pooled: "对人员编制少的单位,可以安排两个以上的单位包村帮扶",
  nonKey: "非重点县的贫困村,由所在市、县组织帮扶",
  eligible:
    "省、市、县(含市、区,下同)党政机关、人民团体、事业单位、民主党派、高等院校、国有企业和军队、武警部队,中央驻皖单位和企事业驻皖机构",
} as const;

/** `原文：“…”。` / ` ("…").` after a sentence. */
const cite = (...quotes: string[]): Message => ({
  zh: `原文：${quotes.map((q) => `“${q}”`).join("，")}。`,
  en: ` (${quotes.map((q) => `"${q}"`).join("; ")}).`,
});

/** A sentence and its citation in both languages. */
const said = (zh: string, en: string, ...quotes: string[]): Message => {
  const c = cite(...quotes);
  return quotes.length === 0
    ? { zh: `${zh}。`, en: `${en}.` }
    : { zh: `${zh}。${c.zh}`, en: `${en}${c.en}` };
};

/**
 * The planner's sentences about village contracts, naming rows as `index.labels` does.
 * @example contractReasons(index, 10).county(unit, village, county).zh
 * // "县直单位怀宁县教育局（U-N1）由怀宁县（340822）扶贫开发领导小组安排包扶本县贫困村查湾村（340822100201）。原文：“…”。"
 */
export function contractReasons(index: DatasetIndex, smallUnitMaxStaff: number) {
  const name = (collection: "units" | "villages" | "counties" | "cities", id: string) =>
    index.labels(collection, id);
  const unit = (u: Unit) => name("units", u.id);
  const village = (v: Village) => name("villages", v.id);
  const county = (c: County) => name("counties", c.id);
  const list = (us: readonly Unit[]) => ({
    zh: us.map((u) => unit(u).zh).join("、"),
    en: us.map((u) => unit(u).en).join(" and "),
  });
  return {
    designated: (u: Unit, v: Village, c: County, paired: boolean): Message =>
      paired
        ? said(
            `省直定点帮扶单位${unit(u).zh}在已定的帮扶县${county(c).zh}内包扶其结对共建村、贫困村${village(v).zh}`,
            `Province unit ${unit(u).en} contracts its paired village, the poor village ${village(v).en}, in its designated county ${county(c).en}`,
            QUOTE.designated,
            QUOTE.paired,
          )
        : said(
            `省直定点帮扶单位${unit(u).zh}在已定的帮扶县${county(c).zh}内包扶贫困村${village(v).zh}`,
            `Province unit ${unit(u).en} contracts the poor village ${village(v).en} in its designated county ${county(c).en}`,
            QUOTE.designated,
          ),
    lead: (u: Unit, v: Village, c: County, paired: boolean): Message =>
      said(
        `省直单位${unit(u).zh}牵头帮扶${county(c).zh}，在该县内包扶${paired ? "其结对共建村、" : ""}贫困村${village(v).zh}`,
        `Province unit ${unit(u).en} leads the help for ${county(c).en} and contracts ${paired ? "its paired village, " : ""}the poor village ${village(v).en} there`,
        QUOTE.lead,
      ),
    city: (u: Unit, v: Village, c: County, key: boolean): Message =>
      said(
        `市直单位${unit(u).zh}在本市${key ? "重点县" : ""}${county(c).zh}包扶贫困村${village(v).zh}${key ? "" : "（本市重点县内没有贫困村）"}`,
        `City unit ${unit(u).en} contracts the poor village ${village(v).en} in ${county(c).en}, ${key ? "a key county" : "a county"} of its city${key ? "" : " (the city's key counties have no poor village)"}`,
        QUOTE.city,
      ),
    county: (u: Unit, v: Village, c: County): Message =>
      said(
        `县直单位${unit(u).zh}由${county(c).zh}扶贫开发领导小组安排包扶本县贫困村${village(v).zh}`,
        `County unit ${unit(u).en} contracts the poor village ${village(v).en} of its own county ${county(c).en}`,
        QUOTE.county,
      ),
    pooled: (units: Unit[], v: Village, c: County): Message =>
      said(
        `编制人数均不超过${smallUnitMaxStaff}人的县直单位${list(units).zh}共同包扶本县${county(c).zh}贫困村${village(v).zh}`,
        `County units ${list(units).en}, each with at most ${smallUnitMaxStaff} established posts, together contract the poor village ${village(v).en} of their county ${county(c).en}`,
        QUOTE.pooled,
      ),
    noCountyUnit: (c: County): Message =>
      said(
        `${county(c).zh}已没有可以安排包村的县直单位，该村尚无包村帮扶单位`,
        `${county(c).en} has no county-level unit left to contract the village`,
      ),
    noCounty: (): Message =>
      said(
        "无法确定该村所在的县（乡镇代码或县代码有误）",
        "The village's county cannot be determined (its township or county is unknown)",
      ),
    ineligible: (u: Unit): Message => {
      const category = UnitCategory.labels[u.category] ?? "未知";
      const level = UnitLevel.labels[u.level] ?? "未知";
      return said(
        `${unit(u).zh}的单位性质为${category}、单位层级为${level}，不属于可以包村的单位`,
        `${unit(u).en} is of category ${u.category ?? "?"} and level ${u.level ?? "?"}, which may not contract a village`,
        QUOTE.eligible,
      );
    },
    designatedNotKey: (c: County): Message =>
      said(
        `定点帮扶县${county(c).zh}不是重点县，其贫困村由所在市、县组织帮扶`,
        `The designated county ${county(c).en} is not a key county: its poor villages are contracted by its own city and county`,
        QUOTE.nonKey,
      ),
    noVillageInDesignated: (c: County): Message =>
      said(
        `定点帮扶县${county(c).zh}内已没有尚无包村帮扶单位的贫困村`,
        `No poor village without a responsible unit is left in the designated county ${county(c).en}`,
      ),
    noVillageInCity: (c: City, key: boolean): Message => {
      const city = name("cities", c.id);
      return said(
        `${city.zh}${key ? "重点县内" : "辖区内"}已没有尚无包村帮扶单位的贫困村`,
        `No poor village without a responsible unit is left in ${key ? "the key counties of " : ""}${city.en}`,
      );
    },
  };
}
