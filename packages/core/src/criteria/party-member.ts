/**
 * 二(三)4, the first selection condition: "选派干部的具体条件为:中共党员". Membership is the
 * person's `partyMember` as the dataset records it (it keeps no history).
 */
import type { SelectionCondition } from "./selection-condition.js";

/**
 * A member of the CPC.
 * @example judge(PARTY_MEMBER, person, row.selectedOn, ctx.params, ctx)
 */
export const PARTY_MEMBER: SelectionCondition<"partyMember"> = {
  field: "partyMember",
  meets: (partyMember) => partyMember,
};
