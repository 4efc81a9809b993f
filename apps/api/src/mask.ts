/**
 * Masking of personal numbers in responses: resident ID numbers keep their first 4 and last 4
 * characters (`3408**********0270`), mobile numbers their first 3 and last 4 (`138****0000`). Text
 * is masked wherever such a pattern appears (findings' messages quote ID numbers); table columns
 * that hold ID numbers or phones are masked whatever their shape (a landline too).
 */
import type { Cell, Table } from "@shuangbao/core";

// 17 digits and a check digit or X, not inside a longer run of digits.
const ID_NUMBER = /(?<!\d)(\d{4})\d{10}(\d{3}[\dXx])(?!\d)/g;
// A mainland mobile number, optionally after +86 and with - or space between its groups.
const MOBILE = /(?<!\d)((?:\+?86[- ]?)?1[3-9]\d)[- ]?\d{4}[- ]?(\d{4})(?!\d)/g;

/**
 * Masks every resident ID number and mobile number in a text.
 * @example maskText("身份证号 340828198001010270") // "身份证号 3408**********0270"
 */
export function maskText(text: string): string {
  return text.replace(ID_NUMBER, "$1**********$2").replace(MOBILE, "$1****$2");
}

/**
 * Masks a value of an ID-number or phone column whatever its shape: the patterns of `maskText`,
 * else every character but the first 4 and the last 4 (short values: all but the last 2).
 * @example maskWhole("0556-5551234") // "0556-***1234"
 */
export function maskWhole(text: string): string {
  const masked = maskText(text);
  if (masked !== text) return masked;
  const chars = [...text];
  if (chars.length > 8) {
    return chars.map((ch, i) => (i < 4 || i >= chars.length - 4 || ch === "-" ? ch : "*")).join("");
  }
  return chars.map((ch, i) => (i >= chars.length - 2 ? ch : "*")).join("");
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
 * @example maskTable(form).rows // rows with 3408**********0270 in place of ID numbers
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
