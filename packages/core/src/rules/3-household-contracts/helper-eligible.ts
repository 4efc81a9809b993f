import type { Person, Unit, Village } from "../../schema/collections.js";
import { defineRule } from "../rule.js";
import { helperOf, householdRef, isPoor, villageOf } from "./lookups.js";

/** 三(一): who may help a household — the contracting units' staff, or local cadres. */
export const householdHelperEligible = defineRule({
  id: "household.helper-eligible",
  clause: "三(一)",
  severity: "error",
  scope: "county",
  quote: "由包村帮扶单位负责组织本单位干部职工进行结对帮扶",
  title: {
    zh: "帮扶责任人由包村帮扶单位干部职工或所在乡(镇)、村干部担任",
    en: "A household's helper is staff of a contracting unit or a local cadre",
  },
  interpretation: {
    zh: "已出列贫困村的包村帮扶单位还包括包村在出列之日或之后才结束的单位;非贫困村的帮扶责任人为本县县直单位干部职工、所在乡(镇)干部或本村村干部(“由所在乡(镇)、村统筹安排联系人”)",
    en: 'An exited poor village\'s contracting units also include those whose contract ended on or after the exit; in a non-poor village the helper is staff of a county-level unit of its county, a township cadre of its township or a village cadre of its village ("由所在乡(镇)、村统筹安排联系人")',
  },
  messages: {
    default: {
      zh: "贫困村贫困户{entity}的帮扶责任人{related}既不是包村帮扶单位({units})的干部职工,也不是所在乡(镇)干部或本村村干部;贫困村的贫困户由包村帮扶单位组织本单位干部职工结对帮扶",
      en: "The helper {related} of household {entity} in a poor village is neither staff of a contracting unit ({units}) nor a cadre of its township or village; households of poor villages are helped by the contracting units' staff",
    },
    nonPoor: {
      zh: "非贫困村贫困户{entity}的帮扶责任人{related}不是本县县直单位干部职工、所在乡(镇)干部或本村村干部;非贫困村的贫困户由所在乡(镇)、村统筹安排联系人",
      en: "The helper {related} of household {entity} in a non-poor village is not staff of a county-level unit of its county nor a cadre of its township or village; households of non-poor villages are given a local helper by their township and village",
    },
  },
  *check(index, ctx) {
    const unitsOfVillage = new Map<string, Unit[]>();
    const helperUnits = (village: Village) => {
      let units = unitsOfVillage.get(village.id);
      if (!units) {
        units = ctx.helperUnits(village);
        unitsOfVillage.set(village.id, units);
      }
      return units;
    };
    const isLocal = (person: Person, village: Village) =>
      ctx.isTownshipCadreOf(person, village.townshipId) || ctx.isVillageCadreOf(person, village.id);

    for (const household of index.rows("households")) {
      const rows = ctx.currentHelpers(household);
      if (rows.length === 0) continue;
      const village = villageOf(index, ctx, household);
      const poor = village && isPoor(ctx, village);
      if (!village || poor === undefined) continue;
      for (const row of rows) {
        const person = helperOf(index, ctx, row);
        if (!person || isLocal(person, village)) continue;
        if (poor) {
          // interpretation: an exited village keeps the units whose contract ended on or after the exit.
          const units = helperUnits(village);
          if (person.role === "unit_staff" && units.some((u) => u.id === person.unitId)) continue;
          yield {
            ...householdRef(household.id, person.id),
            params: {
              units: units.map((u) => index.label("units", u.id)).join(", ") || "—",
            },
          };
        } else {
          const countyId = index.township(village.townshipId)?.countyId;
          const unit = person.role === "unit_staff" ? index.unit(person.unitId) : undefined;
          if (unit && !ctx.ok(unit, "level", "countyId")) continue;
          if (countyId !== undefined && unit?.level === "county" && unit.countyId === countyId)
            continue;
          yield { ...householdRef(household.id, person.id), message: "nonPoor" };
        }
      }
    }
  },
});
