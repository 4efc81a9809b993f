/**
 * Masking of personal numbers in responses, by core's `maskText` and `maskReport` (resident ID
 * numbers of every shape — 18 or 15 digits, spaced, hyphenated, full-width, near-misses of 17 or
 * 19 — and mobile numbers). Tables mask by pattern too, and the columns that hold ID numbers or
 * phones whole, whatever their shape (a landline, a malformed number).
 */
import { type Cell, maskReport, maskText, type Table } from "@shuangbao/core";

export { maskReport, maskText };

/**
 * Masks a value of an ID-number or phone column whatever its shape: the patterns of `maskText`,
 * else at least half of its characters — all but the first and last quarter (at most 4 each),
 * separators kept.
 * @example maskWhole("0556-5551234") // "05**-*****34"
 */
export function maskWhole(text: string): string {
  const masked = maskText(text);
  if (masked !== text) return masked;
  const chars = [...text];
  const separator = (ch: string) => ch === "-" || ch === " " || ch === "－" || ch === "\u3000";
  const n = chars.filter((ch) => !separator(ch)).length;
  const keep = Math.min(4, Math.floor(n / 4));
  let rank = 0;
  return chars
    .map((ch) => {
      if (separator(ch)) return ch;
      const r = rank++;
      return r < keep || r >= n - keep ? ch : "*";
    })
    .join("");
}

/**
 * JSON text of a value with every string in it masked (object keys are names, not data).
 * @example maskedJson({ m: "13800000000" }) // '{"m":"138****0000"}'
 */
export function maskedJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === "string" ? maskText(v) : v));
}

const WHOLE_COLUMN = /idnumber|phone|mobile|身份证|电话|手机/i;

function maskCell(cell: Cell, whole: boolean): Cell {
  if (typeof cell !== "string") return cell;
  return whole ? maskWhole(cell) : maskText(cell);
}

/**
 * A table whose cells are masked as its rows are read: ID-number and phone columns whole, every
 * other text cell by pattern.
 * @example maskTable(form).rows // rows with 340828********1234 in place of ID numbers
 */
export function maskTable(table: Table): Table {
  const whole = new Set(
    table.columns
      .filter((c) => WHOLE_COLUMN.test(c.key) || WHOLE_COLUMN.test(c.header))
      .map((c) => c.key),
  );
  const source = table.rows;
  const rows = {
    *[Symbol.iterator]() {
      for (const row of source) {
        const out: Record<string, Cell> = {};
        for (const [key, cell] of Object.entries(row)) out[key] = maskCell(cell, whole.has(key));
        yield out;
      }
    },
  };
  return { ...table, rows };
}
