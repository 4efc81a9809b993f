import { describe, expect, it } from "vitest";
import {
  endedContractYears,
  fromDay,
  isCurrent,
  isIsoDate,
  meetsDeadline,
  plusYears,
  toDay,
  wholeYears,
} from "./calendar.js";

describe("calendar", () => {
  it("knows real dates from impossible ones", () => {
    expect(isIsoDate("2016-02-29")).toBe(true);
    expect(isIsoDate("2015-02-29")).toBe(false);
    expect(isIsoDate("2015-13-01")).toBe(false);
    expect(isIsoDate("2015-1-01")).toBe(false);
  });

  it("turns dates into day numbers and back without time-zone shifts", () => {
    expect(toDay("1970-01-01")).toBe(0);
    expect(fromDay(toDay("2014-07-30"))).toBe("2014-07-30");
    expect(toDay("2015-01-01") - toDay("2014-12-31")).toBe(1);
    expect(fromDay(toDay("2016-02-29"))).toBe("2016-02-29");
  });

  it("moves 29 February to 28 February in a year without it", () => {
    expect(plusYears("2016-02-29", 1)).toBe("2017-02-28");
    expect(plusYears("2016-02-29", 4)).toBe("2020-02-29");
  });

  it("counts whole years: 40 on the birthday, 39 the day before", () => {
    expect(wholeYears("1974-07-10", "2014-07-10")).toBe(40);
    expect(wholeYears("1974-07-10", "2014-07-09")).toBe(39);
    expect(wholeYears("2011-07-10", "2014-07-10")).toBe(3);
    expect(wholeYears("2011-07-11", "2014-07-10")).toBe(2);
  });

  it("counts a leap-day birthday as a year older on 28 February", () => {
    expect(wholeYears("2000-02-29", "2001-02-28")).toBe(1);
    expect(wholeYears("2000-02-29", "2001-02-27")).toBe(0);
    expect(wholeYears("2000-02-29", "2004-02-28")).toBe(3);
    expect(wholeYears("2000-02-29", "2004-02-29")).toBe(4);
  });

  it("checks only contract years that ended by asOf", () => {
    expect(endedContractYears("2014-07-15", "2015-07-14")).toEqual([]);
    expect(endedContractYears("2014-07-15", "2015-07-15")).toEqual([
      { start: "2014-07-15", end: "2015-07-15" },
    ]);
    expect(endedContractYears("2014-07-15", "2017-07-14")).toHaveLength(2);
  });

  it("does not check a contract year cut short by the end date", () => {
    expect(endedContractYears("2014-07-15", "2018-01-01", "2016-07-14")).toHaveLength(1);
    expect(endedContractYears("2014-07-15", "2018-01-01", "2016-07-15")).toHaveLength(2);
  });

  it("moves a contract that starts on 29 February to 28 February in other years", () => {
    expect(endedContractYears("2016-02-29", "2018-03-01")).toEqual([
      { start: "2016-02-29", end: "2017-02-28" },
      { start: "2017-02-28", end: "2018-02-28" },
    ]);
    expect(endedContractYears("2016-02-29", "2017-02-27")).toEqual([]);
  });

  it("treats the end date as outside the row", () => {
    expect(isCurrent("2014-07-15", undefined, "2014-07-15")).toBe(true);
    expect(isCurrent("2014-07-15", undefined, "2014-07-14")).toBe(false);
    expect(isCurrent("2014-07-15", "2015-01-01", "2014-12-31")).toBe(true);
    expect(isCurrent("2014-07-15", "2015-01-01", "2015-01-01")).toBe(false);
  });

  it("meets a deadline on the day and misses it the day after", () => {
    expect(meetsDeadline("2014-07-30", "2014-07-30")).toBe(true);
    expect(meetsDeadline("2014-07-31", "2014-07-30")).toBe(false);
  });
});

describe("the integer calendar agrees with date-fns", () => {
  it("on every day from 1999 to 2021, and on whole years from each", async () => {
    const { addYears, format, isValid, parseISO } = await import("date-fns");
    const { UTCDate } = await import("@date-fns/utc");
    for (let day = toDay("1999-01-01"); day <= toDay("2021-12-31"); day++) {
      const reference = new UTCDate(day * 86_400_000);
      const iso = format(reference, "yyyy-MM-dd");
      expect(fromDay(day)).toBe(iso);
      expect(toDay(iso)).toBe(day);
      expect(isIsoDate(iso)).toBe(true);
      expect(plusYears(iso, 3)).toBe(format(addYears(reference, 3), "yyyy-MM-dd"));
    }
    for (const bad of [
      "2015-02-29",
      "2015-04-31",
      "2015-00-10",
      "2015-13-01",
      "2015-1-01",
      "2o15-01-01",
    ]) {
      expect(isIsoDate(bad)).toBe(false);
      expect(isValid(parseISO(bad)) && format(parseISO(bad), "yyyy-MM-dd") === bad).toBe(false);
    }
  });
});
