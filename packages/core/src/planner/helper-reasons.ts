/**
 * The sentences of the household planner (三(一)): why a person is proposed as a household's
 * helper, and why a household could not be given one. Chinese in the words of rules.md ("Words
 * in Chinese output": rows named `天堂村（340828100201）`, households with their place, full-width
 * punctuation, 包村帮扶单位, 帮扶责任人, 乡（镇）干部, the policy quoted verbatim inside “…”),
 * English alongside.
 */
import type { DatasetIndex } from "../engine/dataset-index.js";
import type { Message } from "../engine/findings.js";
import type { Household, Person, Unit, Village } from "../schema/collections.js";

export const HELPER_CLAUSE = "三(一)";

/** What a local helper is, in the words of rules.md. */
const ROLE: Record<Person["role"], Message> = {
  unit_staff: { zh: "干部职工", en: "staff member" },
  township_cadre: { zh: "乡（镇）干部", en: "township cadre" },
  civil_affairs_officer: { zh: "民政委员", en: "civil-affairs officer" },
  village_cadre: { zh: "村干部", en: "village cadre" },
  college_village_official: { zh: "大学生村官", en: "college-graduate village official" },
};

/** The policy's sentences the reasons quote, verbatim from source.zh.txt. */
const QUOTE = {
  staff: "由包村帮扶单位负责组织本单位干部职工进行结对帮扶",
  fallback: "对包村帮扶单位人员编制少,不能全部包扶贫困户的,由所在乡(镇)、村干部负责联系",
  local:
    "非贫困村的贫困户由县、乡(镇)根据当地实际情况,按照每个贫困户都有帮扶责任人的原则,由所在乡(镇)、村统筹安排联系人",
  welfare: "贫困户中的五保户和无劳动能力的低保户原则上由所在乡(镇)的民政委员和村干部联系",
} as const;

/** A sentence and its citation in both languages. */
const said = (zh: string, en: string, quote?: string): Message =>
  quote === undefined
    ? { zh: `${zh}。`, en: `${en}.` }
    : { zh: `${zh}。原文：“${quote}”。`, en: `${en} ("${quote}").` };

/**
 * The planner's sentences about helpers, naming rows as `index.labels` does.
 * @example helperReasons(index, 5).staff(person, village).zh
 * // "省扶贫办干部（U-P1-helper）是贫困村天堂村（340828100201）的包村帮扶单位省扶贫办（U-P1）的干部职工，由包村帮扶单位组织结对帮扶。原文：“…”。"
 */
export function helperReasons(index: DatasetIndex, maxHouseholdsPerHelper: number) {
  const person = (p: Person) => index.labels("people", p.id);
  const village = (v: Village) => index.labels("villages", v.id);
  const township = (v: Village) => index.labels("townships", v.townshipId);
  const units = (us: readonly Unit[]) => ({
    zh: us.map((u) => index.labels("units", u.id).zh).join("、"),
    en: us.map((u) => index.labels("units", u.id).en).join(", "),
  });
  /** "天堂镇（340828100）的乡（镇）干部乡镇干部甲（T-K-cadre）" / "township cadre … of 天堂镇 (…)". */
  const local = (p: Person, v: Village): Message => {
    const place = p.role === "village_cadre" ? village(v) : township(v);
    return {
      zh: `${place.zh}的${ROLE[p.role].zh}${person(p).zh}`,
      en: `${person(p).en}, ${ROLE[p.role].en} of ${place.en}`,
    };
  };
  return {
    staff: (p: Person, v: Village): Message => {
      const unit = index.labels("units", p.unitId);
      return said(
        `${person(p).zh}是贫困村${village(v).zh}的包村帮扶单位${unit.zh}的干部职工，由包村帮扶单位组织结对帮扶`,
        `${person(p).en} is staff of ${unit.en}, the responsible unit of the poor village ${village(v).en}, which organises its staff to help the village's households`,
        QUOTE.staff,
      );
    },
    fallback: (p: Person, v: Village, us: readonly Unit[], hasStaff = true): Message => {
      const who = local(p, v);
      if (us.length > 0 && !hasStaff)
        return said(
          `包村帮扶单位${units(us).zh}没有可以结对帮扶的干部职工，由${who.zh}负责联系`,
          `The responsible units ${units(us).en} have no staff to help households, so a local cadre helps: ${who.en}`,
          QUOTE.fallback,
        );
      return us.length === 0
        ? said(
            `贫困村${village(v).zh}尚无包村帮扶单位，暂由${who.zh}负责联系`,
            `The poor village ${village(v).en} has no responsible unit yet, so a local cadre helps for now: ${who.en}`,
          )
        : said(
            `包村帮扶单位${units(us).zh}的干部职工均已联系${maxHouseholdsPerHelper}户，不能全部包扶贫困户，由${who.zh}负责联系`,
            `The staff of the responsible units ${units(us).en} already help ${maxHouseholdsPerHelper} households each and cannot take all the households, so a local cadre helps: ${who.en}`,
            QUOTE.fallback,
          );
    },
    welfare: (p: Person, v: Village): Message => {
      const who = local(p, v);
      return said(
        `五保户和无劳动能力的低保户由所在乡（镇）的民政委员或村干部联系：${who.zh}`,
        `Wubao households and dibao households without labour capacity are helped by their township's civil-affairs officer or a village cadre: ${who.en}`,
        QUOTE.welfare,
      );
    },
    local: (p: Person, v: Village): Message => {
      const who = local(p, v);
      return said(
        `非贫困村${village(v).zh}的贫困户由所在乡（镇）、村统筹安排联系人：${who.zh}`,
        `Households of the non-poor village ${village(v).en} are given a local helper by their township and village: ${who.en}`,
        QUOTE.local,
      );
    },
    handOver: (
      h: Household,
      p: Person,
      v: Village,
      free: readonly { unit: Unit; free: number }[],
    ): Message => {
      const who = local(p, v);
      const household = index.labels("households", h.id);
      const zh = free.map((x) => `${index.labels("units", x.unit.id).zh}${x.free}名`).join("、");
      const en = free.map((x) => `${index.labels("units", x.unit.id).en}: ${x.free}`).join(", ");
      return said(
        `${household.zh}现由${who.zh}联系，而包村帮扶单位尚有未结对帮扶贫困户的干部职工（${zh}），应改由包村帮扶单位干部职工结对帮扶；本计划只增加帮扶关系，不改动现有的帮扶关系`,
        `${household.en} is helped by ${who.en}, while the responsible units still have staff who help no household (${en}): a staff member should take it over; the plan only adds rows and does not change existing ones`,
        QUOTE.fallback,
      );
    },
    noVillage: (h: Household): Message => {
      const household = index.labels("households", h.id);
      return said(
        `无法确定${household.zh}所在的村或乡（镇）`,
        `The village or township of ${household.en} cannot be determined`,
      );
    },
    noWelfareHelper: (v: Village): Message =>
      said(
        `${township(v).zh}没有民政委员，${village(v).zh}也没有村干部，无法为五保户或无劳动能力的低保户安排帮扶责任人`,
        `${township(v).en} has no civil-affairs officer and ${village(v).en} no village cadre to help a welfare household`,
      ),
    noHelper: (v: Village, poor: boolean): Message =>
      poor
        ? said(
            `${village(v).zh}的包村帮扶单位干部职工均已联系${maxHouseholdsPerHelper}户（或该村尚无包村帮扶单位），且没有乡（镇）、村干部可以联系`,
            `The staff of the responsible units of ${village(v).en} already help ${maxHouseholdsPerHelper} households each (or there is no responsible unit), and there is no township or village cadre to help`,
          )
        : said(
            `${village(v).zh}没有乡（镇）、村干部可以联系`,
            `${village(v).en} has no township or village cadre to help`,
          ),
  };
}
