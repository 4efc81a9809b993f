import { isReserveCadre } from "../../criteria/reserve-cadre.js";
import { UnitLevel } from "../../vocabulary/enums.js";
import { defineRule } from "../rule.js";
import { selectedCadres, selectedInterpretation } from "./selected-cadres.js";

const QUOTE = "提倡市、县选派县处级、科级后备干部";

/** 二(三)4: cities and counties are encouraged to send reserve cadres. */
export const selectedCadreReservePreferred = defineRule({
  id: "selected-cadre.reserve-preferred",
  clause: "二(三)4",
  severity: "info",
  scope: "county",
  reads: {
    units: ["category", "civilServantManaged", "level"],
    people: ["reserveCadre"],
    residentCadres: ["endDate", "personId", "selected", "selectedOn", "unitId", "villageId"],
  },
  quote: QUOTE,
  title: {
    zh: "提倡市、县选派后备干部担任选派干部",
    en: "Cities and counties are encouraged to send reserve cadres",
  },
  interpretation: selectedInterpretation({
    zh: "“县处级、科级后备干部”指列为县处级、科级职务后备人选的干部，以是否后备干部为准，不看本人现任职级；未填写是否后备干部的按不是后备干部计；派出单位为市直或县直单位时适用",
    en: "A reserve cadre is one held in reserve for county-division or section posts: the reserve flag alone decides, not the current rank; a missing flag counts as not; applies to cadres sent by city- or county-level units",
  }),
  messages: {
    default: {
      zh: `驻{related}的选派干部{entity}由{level}单位{unit}选派，不是后备干部。原文：“${QUOTE}”。`,
      en: `The dispatched cadre {entity} in {related}, sent by the {levelEn} unit {unit}, is not a reserve cadre; cities and counties are encouraged to send one ("${QUOTE}").`,
    },
    missing: {
      zh: `驻{related}的选派干部{entity}由{level}单位{unit}选派，未填写是否后备干部，按不是后备干部计。原文：“${QUOTE}”。`,
      en: `The dispatched cadre {entity} in {related}, sent by the {levelEn} unit {unit}, has no reserve status recorded and counts as not a reserve cadre ("${QUOTE}").`,
    },
  },
  *check(index, ctx) {
    for (const { row, person, hit } of selectedCadres(index, ctx)) {
      const unit = ctx.ok(row, "unitId") ? index.unit(row.unitId) : undefined;
      if (!unit || !ctx.ok(unit, "level") || (unit.level !== "city" && unit.level !== "county"))
        continue;
      if (!ctx.ok(person) || isReserveCadre(person)) continue;
      yield {
        ...hit,
        message: person.reserveCadre === undefined ? "missing" : "default",
        params: {
          unit: ctx.labels("units", unit.id),
          level: UnitLevel.labels[unit.level],
          levelEn: unit.level,
        },
      };
    }
  },
});
