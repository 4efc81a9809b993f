import { describe, expect, it } from "vitest";
import type { Unit, Village, VillageAssignment } from "../schema/collections.js";
import { byId, compliantCounty, ID } from "../testing/fixture.js";
import { type ContractTime, contractingUnitsOf, helperUnitsOf } from "./contracting-unit.js";

const AS_OF = "2018-07-20";
const d = compliantCounty();
const units = new Map(d.units.map((u) => [u.id, u]));
const index = { unit: (id: string): Unit | undefined => units.get(id) };
/** "Time" at AS_OF on readable dates. */
const time: ContractTime = {
  isCurrent: (r) => r.startDate <= AS_OF && (r.endDate === undefined || r.endDate > AS_OF),
  hasStarted: (r) => r.startDate <= AS_OF,
  exited: (v) => v.exitedPovertyOn !== undefined && v.exitedPovertyOn <= AS_OF,
};
const row = (unitId: string, startDate: string, endDate?: string): VillageAssignment => ({
  villageId: ID.v1,
  unitId,
  startDate,
  ...(endDate === undefined ? {} : { endDate }),
});
const ids = (us: Unit[]) => us.map((u) => u.id);

describe("contractingUnitsOf (包村帮扶单位)", () => {
  it("is the units of the current rows, each once, in row order", () => {
    const rows = [
      row(ID.cityUnit, "2014-07-15"),
      row(ID.provinceUnit, "2014-07-15"),
      row(ID.cityUnit, "2017-07-15"),
    ];
    expect(ids(contractingUnitsOf(rows, time, index))).toEqual([ID.cityUnit, ID.provinceUnit]);
  });

  it("leaves out a row that ends on asOf, one not started and an unknown unit", () => {
    const rows = [
      row(ID.cityUnit, "2014-07-15", AS_OF),
      row(ID.provinceUnit, "2018-07-21"),
      row("U-unknown", "2014-07-15"),
      row(ID.countyUnit, "2014-07-15", "2018-07-21"),
    ];
    expect(ids(contractingUnitsOf(rows, time, index))).toEqual([ID.countyUnit]);
  });
});

describe("helperUnitsOf (an exited village keeps its units until their contract ended)", () => {
  const exitedOn = (date: string | undefined): Village => ({
    ...byId(d.villages, ID.v1),
    exitedPovertyOn: date,
  });
  const rows = [
    row(ID.provinceUnit, "2014-07-15", "2017-03-01"), // ended on the exit
    row(ID.cityUnit, "2014-07-15", "2017-02-28"), // ended the day before it
    row(ID.countyUnit, "2018-08-01", "2019-01-01"), // not started at asOf
  ];

  it("adds the units whose started row ended on or after the exit", () => {
    expect(ids(helperUnitsOf(exitedOn("2017-03-01"), rows, time, index))).toEqual([
      ID.provinceUnit,
    ]);
  });

  it("is the contracting units for a village that has not exited (or exits after asOf)", () => {
    expect(helperUnitsOf(exitedOn(undefined), rows, time, index)).toEqual([]);
    expect(helperUnitsOf(exitedOn("2018-07-21"), rows, time, index)).toEqual([]);
  });
});
