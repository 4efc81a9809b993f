import { poorVillageHelps } from "../../criteria/household-lookups.js";
import { isLocalCadreOf } from "../../criteria/local-cadre.js";
import { isStaffOf } from "../../criteria/unit-staff.js";
import { joinMessages } from "../../engine/findings.js";
import type { RuleContext } from "../../engine/rule-context.js";
import type { Unit, Village } from "../../schema/collections.js";
import { defineRule } from "../rule.js";
import { householdRef, standing } from "./lookups.js";

/** 三(一): who may help a poor village's household — the contracting units' staff, or local cadres. */
export const householdHelperEligible = defineRule({
  id: "household.helper-eligible",
  clause: "三(一)",
  severity: "error",
  scope: "county",
  reads: {
    villages: ["exitedPovertyOn", "isPoor", "townshipId"],
    households: ["villageId"],
    people: ["role", "townshipId", "unitId", "villageId"],
    villageAssignments: ["endDate", "startDate", "unitId"],
    householdAssignments: ["endDate", "personId", "startDate"],
  },
  quote: "由包村帮扶单位负责组织本单位干部职工进行结对帮扶",
  title: {
    zh: "贫困村贫困户的帮扶责任人是包村帮扶单位干部职工或所在乡（镇）、村干部",
    en: "A poor village's household is helped by staff of a responsible unit or by a local cadre",
  },
  interpretation: {
    zh: "只检查贫困村（含已出列的贫困村）的贫困户；非贫困村的贫困户不在检查之列，政策只规定由谁安排其联系人（“由所在乡(镇)、村统筹安排联系人”），没有限定谁可以担任。已出列贫困村的包村帮扶单位还包括包村关系在出列之日或之后结束的单位。帮扶责任人所在单位查无此单位的，或其所在单位对该村的包村记录无法确定起止日期的，不作判断",
    en: "Only households of poor villages (exited or not) are checked; a non-poor village's households are not, as the text says only who arranges their helper (\"由所在乡(镇)、村统筹安排联系人\"), not who may be one. An exited village's responsible units also include those whose contract ended on or after the exit. A helper whose unit is unknown, or whose unit's contract for the village has unreadable dates, is not judged",
  },
  messages: {
    default: {
      zh: "{entity}的帮扶责任人{related}是{who}，既不是该村包村帮扶单位{units}的干部职工，也不是所在乡（镇）干部或本村村干部。原文：“由包村帮扶单位负责组织本单位干部职工进行结对帮扶”。",
      en: 'The helper {related} of {entity} is {who}: neither staff of the village\'s responsible units ({units}) nor a cadre of its township or village ("由包村帮扶单位负责组织本单位干部职工进行结对帮扶").',
    },
    noUnit: {
      zh: "{entity}的帮扶责任人{related}是{who}，不是所在乡（镇）干部或本村村干部，而截至{asOf}该村没有包村帮扶单位。原文：“由包村帮扶单位负责组织本单位干部职工进行结对帮扶”。",
      en: 'The helper {related} of {entity} is {who}, not a cadre of its township or village, and the village has no responsible unit as of {asOf} ("由包村帮扶单位负责组织本单位干部职工进行结对帮扶").',
    },
  },
  *check(index, ctx) {
    const helperUnits = new HelperUnits(ctx);
    // No cascade: a contract of the helper's unit whose dates are broken might make it eligible.
    const unplacedContract = (village: Village, unitId: string | undefined) =>
      unitId !== undefined &&
      index.contractsOfVillage(village.id).some((r) => r.unitId === unitId && !ctx.ok(r));

    // interpretation: a non-poor village's households are not checked ("统筹安排联系人"); a helper
    // whose role or place (its unitId) is broken is not judged (both in `poorVillageHelps`).
    for (const { household, person, village } of poorVillageHelps(index, ctx)) {
      if (isLocalCadreOf(person, village)) continue;
      // interpretation: an exited village keeps the units whose contract ended on or after the exit.
      const units = helperUnits.of(village);
      if (isStaffOf(person, units)) continue;
      if (person.role === "unit_staff" && unplacedContract(village, person.unitId)) continue;
      yield {
        ...householdRef(household.id, person.id),
        ...(units.length === 0 ? { message: "noUnit" } : {}),
        params: {
          who: standing(index, person),
          units: joinMessages(units.map((u) => index.labels("units", u.id))),
          asOf: ctx.asOf,
        },
      };
    }
  },
});

/**
 * The units whose staff may help a village's households (`ctx.helperUnits`), found once per
 * village of the run. An object made per run rather than a closure made in `check`: V8 compiles a
 * hot closure again in every run that makes it, and a server runs every rule once per request.
 */
class HelperUnits {
  private readonly ctx: RuleContext;
  private readonly byVillage = new Map<string, Unit[]>();

  constructor(ctx: RuleContext) {
    this.ctx = ctx;
  }

  of(village: Village): Unit[] {
    let units = this.byVillage.get(village.id);
    if (!units) {
      units = this.ctx.helperUnits(village);
      this.byVillage.set(village.id, units);
    }
    return units;
  }
}
