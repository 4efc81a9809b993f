/**
 * The sentences of the household planner (三(一)): why a person is proposed as a household's
 * helper, and why a household could not be given one. Chinese first, English alongside.
 */
import type { DatasetIndex } from "../engine/dataset-index.js";
import type { Message } from "../engine/findings.js";
import type { Household, Person, Unit, Village } from "../schema/collections.js";
import { PersonRole } from "../vocabulary/enums.js";

export const HELPER_CLAUSE = "三(一)";

const ROLE_EN: Record<Person["role"], string> = {
  unit_staff: "unit staff",
  township_cadre: "a township cadre",
  civil_affairs_officer: "the civil-affairs officer",
  village_cadre: "a village cadre",
  college_village_official: "a college-graduate village official",
};

/** Sentences that name rows by "name(id)". */
export function helperReasons(index: DatasetIndex, maxHouseholdsPerHelper: number) {
  const person = (p: Person) => index.label("people", p.id);
  const village = (v: Village) => index.label("villages", v.id);
  const units = (us: readonly Unit[], sep: string) =>
    us.map((u) => index.label("units", u.id)).join(sep);
  /** "天堂镇(…)的乡镇干部" / "a township cadre of 天堂镇(…)". */
  const local = (p: Person, v: Village): Message => {
    const place = p.role === "village_cadre" ? village(v) : index.label("townships", v.townshipId);
    return {
      zh: `${person(p)}是${place}的${PersonRole.labels[p.role]}`,
      en: `${person(p)} is ${ROLE_EN[p.role]} of ${place}`,
    };
  };
  return {
    staff: (p: Person, v: Village): Message => ({
      zh: `${person(p)}是包扶贫困村${village(v)}的单位${index.label("units", p.unitId)}的干部职工,由包村帮扶单位组织结对帮扶`,
      en: `${person(p)} is staff of ${index.label("units", p.unitId)}, which contracts the poor village ${village(v)}; the contracting unit organises its staff to help the village's households`,
    }),
    fallback: (p: Person, v: Village, us: readonly Unit[]): Message => {
      const who = local(p, v);
      return us.length === 0
        ? {
            zh: `贫困村${village(v)}尚无包村帮扶单位,由所在乡(镇)、村干部联系:${who.zh}`,
            en: `The poor village ${village(v)} has no contracting unit yet, so a local cadre helps: ${who.en}`,
          }
        : {
            zh: `包村帮扶单位${units(us, "、")}的干部职工都已联系${maxHouseholdsPerHelper}户,不能全部包扶贫困户,由所在乡(镇)、村干部负责联系:${who.zh}`,
            en: `The staff of the contracting units ${units(us, ", ")} already help ${maxHouseholdsPerHelper} households each and cannot take all the households, so a local cadre helps: ${who.en}`,
          };
    },
    welfare: (p: Person, v: Village): Message => {
      const who = local(p, v);
      return {
        zh: `五保户和无劳动能力的低保户原则上由所在乡(镇)的民政委员和村干部联系:${who.zh}`,
        en: `Wubao households and dibao households without labour capacity are helped by their township's civil-affairs officer or a village cadre: ${who.en}`,
      };
    },
    local: (p: Person, v: Village): Message => {
      const who = local(p, v);
      return {
        zh: `非贫困村${village(v)}的贫困户由所在乡(镇)、村统筹安排联系人:${who.zh}`,
        en: `Households of the non-poor village ${village(v)} are given a local helper by their township and village: ${who.en}`,
      };
    },
    noVillage: (h: Household): Message => ({
      zh: `无法确定贫困户${index.label("households", h.id)}所在的村或乡镇`,
      en: `the village or township of household ${index.label("households", h.id)} cannot be determined`,
    }),
    noWelfareHelper: (v: Village): Message => ({
      zh: `${index.label("townships", v.townshipId)}没有民政委员,${village(v)}也没有村干部`,
      en: `${index.label("townships", v.townshipId)} has no civil-affairs officer and ${village(v)} no village cadre`,
    }),
    noHelper: (v: Village, poor: boolean): Message =>
      poor
        ? {
            zh: `${village(v)}:包村帮扶单位的干部职工都已联系${maxHouseholdsPerHelper}户(或没有包村帮扶单位),且没有乡(镇)、村干部`,
            en: `${village(v)}: the contracting units' staff already help ${maxHouseholdsPerHelper} households each (or there is no contracting unit), and there is no township or village cadre`,
          }
        : {
            zh: `${village(v)}:没有乡(镇)、村干部可以联系`,
            en: `${village(v)}: no township or village cadre to help`,
          },
  };
}
