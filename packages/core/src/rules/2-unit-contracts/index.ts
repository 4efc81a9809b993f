/** The rules of 二(一)(二) which units contract which villages, in the order of rules.md. */
import type { Rule } from "../rule.js";
import { provinceUnitCoversDesignatedCounty } from "./covers-designated-county.js";
import { unitEligibleCategory } from "./eligible-category.js";
import { unitEligibleLevel } from "./eligible-level.js";
import { provinceUnitHasDesignatedCounty } from "./has-designated-county.js";
import { cityUnitHasVillage } from "./has-village.js";
import { cityUnitInKeyCounty } from "./in-key-county.js";
import { provinceUnitLeadInLedCounty } from "./lead-in-led-county.js";
import { villageNonKeyCountyLocal } from "./non-key-county-local.js";
import { villagePoolSmallUnits } from "./pool-small-units.js";
import { provinceUnitPreferPairedVillage } from "./prefer-paired-village.js";
import { cityUnitWithinCity } from "./within-city.js";
import { countyUnitWithinCounty } from "./within-county.js";

export const SECTION_2_ARRANGEMENT_RULES: readonly Rule[] = [
  unitEligibleCategory,
  unitEligibleLevel,
  villageNonKeyCountyLocal,
  provinceUnitCoversDesignatedCounty,
  provinceUnitHasDesignatedCounty,
  provinceUnitLeadInLedCounty,
  provinceUnitPreferPairedVillage,
  cityUnitHasVillage,
  cityUnitWithinCity,
  cityUnitInKeyCounty,
  countyUnitWithinCounty,
  villagePoolSmallUnits,
];
