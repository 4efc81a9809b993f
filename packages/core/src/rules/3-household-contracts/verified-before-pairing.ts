import { isPoor } from "../../criteria/household-lookups.js";
import { joinMessages } from "../../engine/findings.js";
import { defineRule } from "../rule.js";

const QUOTE = "经驻村干部核实后,由包村帮扶单位负责组织本单位干部职工进行结对帮扶";

/** 三(一): a poor village's household is verified by the resident cadre before it is paired. */
export const householdVerifiedBeforePairing = defineRule({
  id: "household.verified-before-pairing",
  clause: "三(一)",
  severity: "error",
  scope: "county",
  reads: {
    villages: ["isPoor"],
    households: ["verifiedOn", "villageId"],
    householdAssignments: ["personId", "startDate"],
  },
  quote: QUOTE,
  title: {
    zh: "贫困村的贫困户先经驻村帮扶干部核实，再结对帮扶",
    en: "A poor village's household is verified before it is paired with a helper",
  },
  interpretation: {
    zh: "核实日期记录的是驻村帮扶干部的首次核实；该户最早的包户记录（按开始日期，现任或已结束）须在核实日期当天或之后开始，同日开始的视为核实后结对。只看贫困村（含已出列的贫困村）记录了核实日期的贫困户；没有核实人或核实日期的，由核实人的规则判断。核实日期有误，或该户有包户记录的开始日期无法确定的，不作判断",
    en: "The verification date records the resident cadre's first verification; the household's earliest helper row (by start, current or ended) starts on or after it, the same day counting as after. Only households of poor villages (exited or not) with a verification date are checked; a missing verifier or date is the verifier rule's. A broken verification date, or a helper row of the household whose start cannot be read, is not judged",
  },
  messages: {
    default: {
      zh: `{entity}于{verifiedOn}经驻村帮扶干部核实，而帮扶责任人{related}的结对帮扶始于{startDate}，早于核实日期。原文：“${QUOTE}”。`,
      en: `On {startDate}, {entity} was paired with its helper {related}, before it was verified on {verifiedOn} ("${QUOTE}").`,
    },
    several: {
      zh: `{entity}于{verifiedOn}经驻村帮扶干部核实，而帮扶责任人{helpers}的结对帮扶始于{startDate}，早于核实日期。原文：“${QUOTE}”。`,
      en: `On {startDate}, {entity} was paired with its helpers {helpers}, before it was verified on {verifiedOn} ("${QUOTE}").`,
    },
    noHelper: {
      zh: `{entity}于{verifiedOn}经驻村帮扶干部核实，而其首次结对帮扶始于{startDate}，早于核实日期。原文：“${QUOTE}”。`,
      en: `On {startDate}, {entity} was first paired with a helper, before it was verified on {verifiedOn} ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    for (const household of index.rows("households")) {
      const verifiedOn = household.verifiedOn;
      if (verifiedOn === undefined || !ctx.ok(household)) continue;
      const rows = index.helpersOf(household);
      if (rows.length === 0) continue;
      const village = index.village(household.villageId);
      // interpretation: an exited poor village is still checked (the pairing is history).
      if (!village || isPoor(ctx, village) !== true) continue;
      // No cascade: a row whose start is broken might be the earliest.
      if (rows.some((r) => !ctx.ok(r, "startDate"))) continue;
      let first = rows[0]!.startDate;
      for (const r of rows) if (r.startDate < first) first = r.startDate;
      if (first >= verifiedOn) continue;
      // The helpers of the earliest rows; a row whose helper names nobody still dates the pairing.
      const helpers = [
        ...new Set(
          rows.filter((r) => r.startDate === first && ctx.ok(r, "personId")).map((r) => r.personId),
        ),
      ].sort();
      const entity = { collection: "households", id: household.id };
      yield {
        entity,
        ...(helpers.length > 0
          ? { related: helpers.map((id) => ({ collection: "people", id })) }
          : {}),
        message: helpers.length === 0 ? "noHelper" : helpers.length === 1 ? "default" : "several",
        params: {
          verifiedOn,
          startDate: first,
          helpers: joinMessages(helpers.map((id) => index.labels("people", id))),
        },
      };
    }
  },
});
