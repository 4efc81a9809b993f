import { localCadreHelps } from "../../criteria/household-lookups.js";
import type { DatasetIndex } from "../../engine/dataset-index.js";
import type { Message } from "../../engine/findings.js";
import { joinMessages } from "../../engine/findings.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { Person, Unit, Village } from "../../schema/collections.js";
import { defineRule } from "../rule.js";
import { householdRef, standing } from "./lookups.js";

/** 三(一): local cadres help a poor village's household only when the units' staff cannot. */
export const householdUnitStaffFirst = defineRule({
  id: "household.unit-staff-first",
  clause: "三(一)",
  severity: "warning",
  // A unit's staff may help households in other counties: "helps no household" reads them all.
  scope: "province",
  reads: {
    villages: ["exitedPovertyOn", "isPoor", "townshipId"],
    households: ["attribute", "hasLaborCapacity", "villageId"],
    people: ["role", "townshipId", "villageId"],
    villageAssignments: ["endDate", "startDate", "unitId"],
    householdAssignments: ["endDate", "personId", "startDate"],
  },
  quote: "对包村帮扶单位人员编制少,不能全部包扶贫困户的,由所在乡(镇)、村干部负责联系",
  title: {
    zh: "贫困村的贫困户先由包村帮扶单位干部职工包扶",
    en: "A poor village's households are helped by the responsible units' staff first",
  },
  interpretation: {
    zh: "例外的条件是包村帮扶单位“不能全部包扶贫困户”：只要该村任一包村帮扶单位尚有干部职工在核查基准日未包扶任何贫困户，例外即不成立，不论编制人数多少。干部职工按人员所在单位计，每一名都算，主要负责同志、分管负责人和驻村帮扶干部也不例外；包扶的贫困户不限于本村。只看由所在乡（镇）干部或本村村干部联系的贫困户；五保户和无劳动能力的低保户不在此列。已出列贫困村的包村帮扶单位还包括包村关系在出列之日或之后结束的单位。包户记录无法确定起止日期的干部职工不算未包扶",
    en: "The exception's condition (\"不能全部包扶贫困户\") fails as soon as a responsible unit of the village has a staff member who helps no household at the audit date, whatever its size. Staff are the people whose unit it is, every one of them, the principal, the deputy and the resident cadre included; the households they help may be anywhere. Only households helped by a cadre of their own township or village are judged, welfare households excepted. An exited village's responsible units also include those whose contract ended on or after the exit. A staff member with a helper row whose dates cannot be read is not counted as free",
  },
  messages: {
    default: {
      zh: "{entity}的帮扶责任人{related}是{who}，而截至{asOf}该村包村帮扶单位尚有干部职工未包扶任何贫困户：{free}。原文：“对包村帮扶单位人员编制少,不能全部包扶贫困户的,由所在乡(镇)、村干部负责联系”。",
      en: 'The helper {related} of {entity} is {who}, while as of {asOf} the village\'s responsible units still have staff who help no household: {free} ("对包村帮扶单位人员编制少,不能全部包扶贫困户的,由所在乡(镇)、村干部负责联系").',
    },
  },
  *check(index, ctx) {
    const freeStaff = new FreeStaff(index, ctx);
    for (const { household, person, village } of localCadreHelps(index, ctx)) {
      const units = freeStaff.ofVillage(village);
      if (units === null) continue;
      yield {
        ...householdRef(household.id, person.id),
        params: { who: standing(index, person), asOf: ctx.asOf, free: units },
      };
    }
  },
});

/**
 * The responsible units' free staff, counted once per unit and village of the run. An object made
 * per run rather than closures made in `check`: V8 compiles a hot closure again in every run that
 * makes it, and a server runs every rule once per request.
 */
class FreeStaff {
  private readonly index: DatasetIndex;
  private readonly ctx: RuleContext;
  private readonly ofUnit = new Map<string, number>();
  private readonly byVillage = new Map<string, Message | null>();

  constructor(index: DatasetIndex, ctx: RuleContext) {
    this.index = index;
    this.ctx = ctx;
  }

  /** Free: every helper row readable and none current (a row with broken dates might be). */
  private isFree(p: Person): boolean {
    for (const r of this.index.householdsHelpedBy(p.id))
      if (!this.ctx.ok(r, "startDate", "endDate") || this.ctx.isCurrent(r)) return false;
    return true;
  }

  private count(unit: Unit): number {
    let n = this.ofUnit.get(unit.id);
    if (n === undefined) {
      n = 0;
      for (const p of this.index.staffOfUnit(unit.id)) if (this.isFree(p)) n++;
      this.ofUnit.set(unit.id, n);
    }
    return n;
  }

  /**
   * The village's responsible units with free staff, and how many each, or `null` when none has
   * any: then the exception is open.
   * interpretation: the exception is not open while a responsible unit has a free staff member.
   */
  ofVillage(village: Village): Message | null {
    let answer = this.byVillage.get(village.id);
    if (answer === undefined) {
      const units = this.ctx.helperUnits(village).filter((u) => this.count(u) > 0);
      answer =
        units.length === 0
          ? null
          : joinMessages(
              units.map((u) => {
                const name = this.index.labels("units", u.id);
                const n = this.count(u);
                return { zh: `${name.zh}${n}名`, en: `${name.en}: ${n}` };
              }),
            );
      this.byVillage.set(village.id, answer);
    }
    return answer;
  }
}
