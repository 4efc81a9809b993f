/**
 * The window every date parameter (`asOf`, `on`) must fall in: from the policy's date
 * (2014-07-09) to today in Asia/Shanghai plus 10 years. Outside it a date is a 400 naming the
 * window: an audit at 9999-12-31 would list every year of eight millennia.
 */
import { DATE_WINDOW_YEARS, dateWindow } from "@shuangbao/core";
import { ProblemError } from "./problem.js";
import { excerpt } from "./problem-kinds.js";

/**
 * `date` (default `today`) when it lies in the window; else throws a 400 naming `part` and the
 * window.
 * @example dateInWindow("9999-12-31", "2026-12-02", "query.asOf") // throws: 2014-07-09 … 2036-12-02
 */
export function dateInWindow(date: string | undefined, today: string, part: string): string {
  const value = date ?? today;
  const { from, to } = dateWindow(today);
  if (value < from || value > to) {
    const name = part.slice(part.indexOf(".") + 1);
    throw new ProblemError(
      "invalid-request",
      `${name} 应在 ${from} 至 ${to} 之间 · ${name} must lie between ${from} (the policy's date) and ${to} (today + ${DATE_WINDOW_YEARS} years), not “${excerpt(value)}”`,
      part,
    );
  }
  return value;
}
