import { isPoor } from "../../criteria/household-lookups.js";
import { zhDate } from "../../engine/findings.js";
import { defineRule } from "../rule.js";
import { householdRef } from "./lookups.js";

/** 三(一): a poor village's households are verified by its resident cadre. */
export const householdVerifiedByResidentCadre = defineRule({
  id: "household.verified-by-resident-cadre",
  clause: "三(一)",
  severity: "error",
  scope: "county",
  reads: {
    villages: ["isPoor"],
    households: ["verifiedById", "verifiedOn", "villageId"],
    residentCadres: ["endDate", "personId", "selectedOn"],
  },
  quote: "贫困村的贫困户,经驻村干部核实后",
  title: {
    zh: "贫困村的贫困户经驻村帮扶干部核实",
    en: "A poor village's household is verified by a resident cadre of the village",
  },
  interpretation: {
    zh: "核实人在核实日期当天须是该村的驻村帮扶干部：该村任一包村帮扶单位的驻村帮扶干部记录在当日有效（选派日期在当日或之前，且没有结束日期或结束日期在当日之后，结束日期当天不算在内）；未记录核实日期的，曾任或现任该村驻村帮扶干部即可。已出列的贫困村仍在此列。核实人查无此人、核实日期有误，或核实人在该村的驻村记录无法确定起止日期的，不作判断",
    en: "The verifier was a resident cadre of the village on the day of verification: a resident-cadre row of the village, of any unit, was in force that day (selected on or before it, and no end or an end after it; the end day is outside); without a verification date, any row of the village, past or current, will do. An exited poor village is still checked. A broken verifier or date, or a verifier's row of the village whose dates cannot be read, is not judged",
  },
  messages: {
    default: {
      zh: "{entity}没有核实人记录。原文：“贫困村的贫困户,经驻村干部核实后”。",
      en: 'No verifier is on record for {entity} ("贫困村的贫困户,经驻村干部核实后").',
    },
    never: {
      zh: "{entity}的核实人{verifier}从未担任该村的驻村帮扶干部。原文：“贫困村的贫困户,经驻村干部核实后”。",
      en: 'The verifier {verifier} of {entity} never was a resident cadre of its village ("贫困村的贫困户,经驻村干部核实后").',
    },
    neverOnDay: {
      zh: "{entity}于{verifiedOn}由{verifier}核实，其从未担任该村的驻村帮扶干部。原文：“贫困村的贫困户,经驻村干部核实后”。",
      en: 'On {verifiedOn}, {entity} was verified by {verifier}, who never was a resident cadre of its village ("贫困村的贫困户,经驻村干部核实后").',
    },
    notOnDay: {
      zh: "{entity}于{verifiedOn}由{verifier}核实，当日其不是该村的驻村帮扶干部（其在该村的驻村记录：{periods}）。原文：“贫困村的贫困户,经驻村干部核实后”。",
      en: 'On {verifiedOn}, {entity} was verified by {verifier}, who was not a resident cadre of its village that day (their rows for the village: {periods}) ("贫困村的贫困户,经驻村干部核实后").',
    },
  },
  *check(index, ctx) {
    for (const household of index.rows("households")) {
      if (!ctx.ok(household)) continue;
      const village = index.village(household.villageId);
      // interpretation: an exited poor village is still checked (the verification is history).
      if (!village || isPoor(ctx, village) !== true) continue;
      const verifier = household.verifiedById;
      if (verifier === undefined) {
        yield householdRef(household.id);
        continue;
      }
      const name = index.labels("people", verifier);
      const rows = index
        .residentCadresOfVillage(village.id)
        .filter((r) => ctx.ok(r, "personId") && r.personId === verifier);
      const on = household.verifiedOn;
      if (on === undefined) {
        // Without a date: any row of the village, past, current or planned.
        if (rows.length > 0) continue;
        yield { ...householdRef(household.id), message: "never", params: { verifier: name } };
        continue;
      }
      if (rows.length === 0) {
        yield {
          ...householdRef(household.id),
          message: "neverOnDay",
          params: { verifier: name, verifiedOn: on },
        };
        continue;
      }
      if (rows.some((r) => ctx.inForceOn(r, on))) continue;
      // No cascade: a row whose dates are broken might have been in force that day.
      if (rows.some((r) => !ctx.ok(r, "selectedOn", "endDate"))) continue;
      const periods = [...rows].sort((a, b) => (a.selectedOn < b.selectedOn ? -1 : 1));
      yield {
        ...householdRef(household.id),
        message: "notOnDay",
        params: {
          verifier: name,
          verifiedOn: on,
          periods: {
            zh: periods
              .map((r) =>
                r.endDate === undefined
                  ? `${zhDate(r.selectedOn)}起`
                  : `${zhDate(r.selectedOn)}起，${zhDate(r.endDate)}结束`,
              )
              .join("；"),
            en: periods
              .map((r) =>
                r.endDate === undefined
                  ? `from ${r.selectedOn}`
                  : `from ${r.selectedOn}, ended ${r.endDate}`,
              )
              .join("; "),
          },
        },
      };
    }
  },
});
