import type { Unit, Village } from "../../schema/collections.js";
import { defineRule } from "../rule.js";
import { helperOf, householdRef, isPoor, villageOf, welfareKnown } from "./lookups.js";

/** 三(一): local cadres help a poor village's household only when the units cannot. */
export const householdUnitStaffFirst = defineRule({
  id: "household.unit-staff-first",
  clause: "三(一)",
  severity: "warning",
  // A unit's staff may help households in other counties: "helps no household" reads them all.
  scope: "province",
  quote: "对包村帮扶单位人员编制少,不能全部包扶贫困户的,由所在乡(镇)、村干部负责联系",
  title: {
    zh: "贫困村的贫困户先由包村帮扶单位干部职工包扶",
    en: "A poor village's households are helped by the contracting units' staff first",
  },
  interpretation: {
    zh: "例外的条件不成立,指包村帮扶单位并非全部编制少(编制人数不超过 smallUnitMaxStaff),且其干部职工中尚有人未包扶任何贫困户;五保户和无劳动能力的低保户由 household.welfare-to-civil-affairs 判断",
    en: "The exception's condition fails when the contracting units are not all small (staffSize ≤ smallUnitMaxStaff) and one of their staff helps no household at the audit date; welfare households are judged by household.welfare-to-civil-affairs",
  },
  messages: {
    default: {
      zh: "贫困村贫困户{entity}由乡(镇)、村干部{related}联系,但包村帮扶单位并非都编制少,且{units}尚有干部职工未包扶贫困户;只有包村帮扶单位编制少、不能全部包扶时,才由所在乡(镇)、村干部负责联系",
      en: "Household {entity} of a poor village is helped by the local cadre {related}, yet the contracting units are not all small and {units} still have staff who help no household; local cadres take a household only when small units cannot help them all",
    },
  },
  *check(index, ctx) {
    const idle = new Map<string, boolean>();
    // Whether a unit has a staff member with no current helper row (anywhere).
    const hasIdleStaff = (unit: Unit) => {
      let answer = idle.get(unit.id);
      if (answer === undefined) {
        answer = index
          .staffOfUnit(unit.id)
          .some((p) => !index.householdsHelpedBy(p.id).some((r) => ctx.isCurrent(r)));
        idle.set(unit.id, answer);
      }
      return answer;
    };
    const open = new Map<string, Unit[]>();
    // interpretation: the exception is not open while the units are not all small and some have idle staff.
    const unitsWithIdleStaff = (village: Village): Unit[] => {
      let units = open.get(village.id);
      if (!units) {
        const all = ctx.helperUnits(village);
        units =
          all.every((u) => ctx.ok(u, "staffSize")) && all.some((u) => !ctx.isSmall(u))
            ? all.filter(hasIdleStaff)
            : [];
        open.set(village.id, units);
      }
      return units;
    };

    for (const household of index.rows("households")) {
      if (!welfareKnown(ctx, household) || ctx.isWelfare(household)) continue;
      const rows = ctx.currentHelpers(household);
      if (rows.length === 0) continue;
      const village = villageOf(index, ctx, household);
      if (!village || isPoor(ctx, village) !== true) continue;
      for (const row of rows) {
        const person = helperOf(index, ctx, row);
        if (
          !person ||
          !(
            ctx.isTownshipCadreOf(person, village.townshipId) ||
            ctx.isVillageCadreOf(person, village.id)
          )
        )
          continue;
        const units = unitsWithIdleStaff(village);
        if (units.length === 0) continue;
        yield {
          ...householdRef(household.id, person.id),
          params: { units: units.map((u) => index.label("units", u.id)).join(", ") },
        };
      }
    }
  },
});
