/**
 * Staff of a unit (干部职工, 三(一): "由包村帮扶单位负责组织本单位干部职工进行结对帮扶"): people with
 * role `unit_staff` whose `people` row names the unit, as the dataset records it (rules.md "Time":
 * it keeps no history). Its principal, deputy and resident cadre are staff like any other.
 */
import type { Person, Unit } from "../schema/collections.js";

/**
 * Whether a person is staff of one of `units`.
 * @example isStaffOf(person, ctx.helperUnits(village))
 */
export const isStaffOf = (
  person: Pick<Person, "role" | "unitId">,
  units: readonly Pick<Unit, "id">[],
): boolean => person.role === "unit_staff" && units.some((u) => u.id === person.unitId);
