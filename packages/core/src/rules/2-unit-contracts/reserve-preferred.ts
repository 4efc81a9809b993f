import { defineRule } from "../rule.js";
import { selectedCadres } from "./selected-cadres.js";

/** 二(三)4: cities and counties are encouraged to send reserve cadres of county or section rank. */
export const selectedCadreReservePreferred = defineRule({
  id: "selected-cadre.reserve-preferred",
  clause: "二(三)4",
  severity: "info",
  scope: "county",
  quote: "提倡市、县选派县处级、科级后备干部",
  title: {
    zh: "提倡市、县选派县处级、科级后备干部",
    en: "Cities and counties are encouraged to send reserve cadres of county or section rank",
  },
  messages: {
    default: {
      zh: "选派干部{entity}(驻{related})由市、县单位{unit}选派,但不是县处级或科级后备干部;提倡市、县选派县处级、科级后备干部",
      en: "Selected cadre {entity} in {related}, sent by the city or county unit {unit}, is not a reserve cadre of county or section rank; such cadres are recommended",
    },
  },
  *check(index, ctx) {
    for (const { row, person, hit } of selectedCadres(index, ctx)) {
      const unit = ctx.ok(row, "unitId") ? index.unit(row.unitId) : undefined;
      if (!unit || !ctx.ok(unit, "level") || (unit.level !== "city" && unit.level !== "county"))
        continue;
      if (!ctx.ok(person, "reserveCadre", "rank")) continue;
      const reserve =
        person.reserveCadre === true &&
        (person.rank === "county_division" || person.rank === "section");
      if (!reserve) yield { ...hit, params: { unit: index.label("units", unit.id) } };
    }
  },
});
