/**
 * Households and their helpers (三): a poor village's households are verified by its resident
 * cadre (in post on the day) and then paired with a helper, from the staff of its contracting units
 * first — every staff member helps at least one, so no unit has free staff while local cadres
 * help too (三(一)'s exception, `household.unit-staff-first`); welfare
 * households (五保, 低保 without labour) are helped by the township's civil-affairs officer or a
 * village cadre; a non-poor village's households by its own village and township cadres.
 */
import type {
  Household,
  HouseholdAssignment,
  HouseholdAttribute,
  PovertyCause,
} from "@shuangbao/core";
import { addDays, dateBetween, minDate } from "./dates.js";
import { birthDate, idNumber, personName, type Sex } from "./names.js";
import type { Random } from "./random.js";

const CAUSES: readonly (readonly [PovertyCause, number])[] = [
  ["illness", 40],
  ["disability", 9],
  ["education", 8],
  ["disaster", 3],
  ["lack_of_land", 3],
  ["lack_of_water", 2],
  ["lack_of_skills", 10],
  ["lack_of_labor", 10],
  ["lack_of_funds", 11],
  ["poor_transport", 2],
  ["lack_of_motivation", 1],
  ["other", 1],
];
const WUBAO_CAUSES: readonly (readonly [PovertyCause, number])[] = [
  ["lack_of_labor", 50],
  ["illness", 30],
  ["disability", 20],
];

/** Where a household lives and who verified it. */
export interface HouseholdContext {
  villageId: string;
  countyId: string;
  asOf: string;
  /** The verifier (a poor village's resident cadre, else its party secretary) and from when. */
  verifiedById: string;
  verifiedFrom: string;
  /** Welfare households still allowed (so unit staff always have households to help). */
  welfareLeft: number;
}

const EXITS: readonly (readonly [string | undefined, number])[] = [
  [undefined, 58],
  ["2015", 12],
  ["2016", 15],
  ["2017", 15],
];

/**
 * The n-th household of a village (id: the village code and four digits).
 * @example makeHousehold(random, ctx, 1).id // "3408281012000001"
 */
export function makeHousehold(random: Random, ctx: HouseholdContext, n: number): Household {
  let attribute: HouseholdAttribute = random.weighted([
    ["general", 76],
    ["dibao", 19],
    ["wubao", 5],
  ] as const);
  let labour = attribute === "wubao" ? false : random.chance(attribute === "dibao" ? 0.45 : 0.9);
  if ((attribute === "wubao" || (attribute === "dibao" && !labour)) && ctx.welfareLeft <= 0) {
    attribute = "general";
    labour = true;
  }
  const welfare = attribute === "wubao" || (attribute === "dibao" && !labour);
  if (welfare) ctx.welfareLeft--;
  const sex: Sex = random.chance(attribute === "wubao" ? 0.7 : 0.82) ? "male" : "female";
  const born =
    attribute === "wubao" ? birthDate(random, 1928, 1958) : birthDate(random, 1935, 1988);
  const verifiedOn = minDate(addDays(ctx.verifiedFrom, random.int(2, 25)), "2014-08-31");
  const exit = welfare ? undefined : random.weighted(EXITS);
  const exitedOn = exit && dateBetween(random, `${exit}-11-01`, `${exit}-12-28`);
  return {
    id: `${ctx.villageId}${String(n).padStart(4, "0")}`,
    villageId: ctx.villageId,
    headName: personName(random, sex),
    idNumber: idNumber(random, ctx.countyId, born, sex),
    size:
      attribute === "wubao"
        ? random.weighted([
            [1, 85],
            [2, 15],
          ] as const)
        : random.weighted([
            [1, 8],
            [2, 20],
            [3, 27],
            [4, 24],
            [5, 14],
            [6, 5],
            [7, 2],
          ] as const),
    attribute,
    hasLaborCapacity: labour,
    povertyCause: random.weighted(attribute === "wubao" ? WUBAO_CAUSES : CAUSES),
    verifiedById: ctx.verifiedById,
    verifiedOn,
    planOn: dateBetween(random, addDays(verifiedOn, 5), "2014-09-30"),
    ...(exitedOn && exitedOn <= ctx.asOf ? { exitedPovertyOn: exitedOn } : {}),
  };
}

/** Whether a household is a welfare household (`rules.md`, "Who is who"). */
export const isWelfare = (h: Household): boolean =>
  h.attribute === "wubao" || (h.attribute === "dibao" && !h.hasLaborCapacity);

/** Who may help a village's households. */
export interface Helpers {
  /** Unit staff with how many non-welfare households each should take (at least one). */
  staff: { id: string; quota: number }[];
  villageCadres: string[];
  townshipCadres: string[];
  civilAffairs: string[];
}

/**
 * Assigns one helper to every household, from one to thirty days after it was verified: each
 * unit staff member first gets one non-welfare household, then up to their quota; the rest go to
 * village and township cadres; welfare households go to the civil-affairs officer or a village
 * cadre.
 */
export function assignHelpers(
  random: Random,
  households: readonly Household[],
  helpers: Helpers,
): HouseholdAssignment[] {
  const helperOf = new Map<string, string>();
  const general = households.filter((h) => !isWelfare(h));
  let next = 0;
  for (const s of helpers.staff) if (next < general.length) helperOf.set(general[next++]!.id, s.id);
  for (const s of helpers.staff) {
    for (let q = 1; q < s.quota && next < general.length; q++)
      helperOf.set(general[next++]!.id, s.id);
  }
  for (; next < general.length; next++) {
    const local =
      helpers.townshipCadres.length > 0 && random.chance(0.45)
        ? helpers.townshipCadres
        : helpers.villageCadres;
    helperOf.set(general[next]!.id, random.pick(local));
  }
  for (const h of households) {
    if (!isWelfare(h)) continue;
    const civil = helpers.civilAffairs.length > 0 && random.chance(0.45);
    helperOf.set(h.id, random.pick(civil ? helpers.civilAffairs : helpers.villageCadres));
  }
  return households.map((h) => ({
    householdId: h.id,
    personId: helperOf.get(h.id)!,
    // Paired after the household is verified (三(一): "经驻村干部核实后…结对帮扶").
    startDate: addDays(h.verifiedOn ?? "2014-08-01", random.int(1, 30)),
    recordedInRegister: true,
    recordedInHandbook: true,
  }));
}
