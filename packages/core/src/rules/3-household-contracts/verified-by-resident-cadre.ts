import { defineRule } from "../rule.js";
import { householdRef, isPoor } from "./lookups.js";

/** 三(一): a poor village's households are verified by its resident cadre. */
export const householdVerifiedByResidentCadre = defineRule({
  id: "household.verified-by-resident-cadre",
  clause: "三(一)",
  severity: "error",
  scope: "county",
  quote: "贫困村的贫困户,经驻村干部核实后",
  title: {
    zh: "贫困村的贫困户经驻村干部核实",
    en: "A poor village's household is verified by its resident cadre",
  },
  interpretation: {
    zh: "核实人是该村任一驻村帮扶干部记录(现任或曾任)的人员即可;已出列的贫困村仍在此列",
    en: "The verifier is the person of any resident-cadre row of the village (current or past); an exited poor village is still checked",
  },
  messages: {
    default: {
      zh: "贫困村贫困户{entity}没有核实人;贫困村的贫困户要经驻村干部核实",
      en: "Household {entity} of a poor village has no verifier; households of poor villages are verified by the resident cadre",
    },
    notResidentCadre: {
      zh: "贫困村贫困户{entity}的核实人{verifier}不是本村的驻村帮扶干部;贫困村的贫困户要经驻村干部核实",
      en: "Household {entity} of a poor village was verified by {verifier}, who is not a resident cadre of its village; households of poor villages are verified by the resident cadre",
    },
  },
  *check(index, ctx) {
    for (const household of index.rows("households")) {
      if (!ctx.ok(household, "verifiedById", "villageId")) continue;
      const village = index.village(household.villageId);
      if (!village || isPoor(ctx, village) !== true) continue;
      const verifier = household.verifiedById;
      if (verifier === undefined) {
        yield householdRef(household.id);
        continue;
      }
      // interpretation: "is or was" — any resident-cadre row of the village names the verifier.
      if (index.residentCadresOfVillage(village.id).some((r) => r.personId === verifier)) continue;
      yield {
        ...householdRef(household.id),
        message: "notResidentCadre",
        params: { verifier: index.label("people", verifier) },
      };
    }
  },
});
