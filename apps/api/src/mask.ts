/**
 * Masking of personal numbers in responses, by core's `maskText` and `maskReport` (resident ID
 * numbers of every shape — 18 or 15 digits, spaced, hyphenated, full-width, near-misses of 17 or
 * 19 — and mobile numbers). Tables mask by pattern too, and the columns that hold ID numbers or
 * phones whole, whatever their shape (a landline, a malformed number).
 */
import {
  type Cell,
  maskName,
  maskReport,
  maskReportNames,
  maskText,
  nameMasker,
  type Table,
} from "@shuangbao/core";

export { maskReport, maskReportNames, maskText, nameMasker };

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
export function maskedJson(value: unknown, names?: (text: string) => string): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "string" ? (names ? names(maskText(v)) : maskText(v)) : v,
  );
}

const WHOLE_COLUMN = /idnumber|phone|mobile|身份证|电话|手机/i;
/** Columns that hold a person's or a household head's name alone (the forms' 姓名, 户主姓名). */
const NAME_COLUMN = /^(name|headName|personName|姓名|户主姓名|户主)$/;
/** A findings table's subject collections whose names are personal, in both languages. */
const PERSONAL_COLLECTION = new Set(["people", "households", "人员", "贫困户"]);

/**
 * A table whose cells are masked as its rows are read: ID-number and phone columns whole, every
 * other text cell by pattern. With `names` (`nameMasker` of the dataset), personal names too:
 * name columns whole (`maskName`), names before their id in every other cell.
 * @example maskTable(form).rows // rows with 340828********1234 in place of ID numbers
 */
export function maskTable(table: Table, names?: (text: string) => string): Table {
  const keys = (re: RegExp) =>
    new Set(table.columns.filter((c) => re.test(c.key) || re.test(c.header)).map((c) => c.key));
  const whole = keys(WHOLE_COLUMN);
  const nameColumns = names ? keys(NAME_COLUMN) : new Set<string>();
  const cellOf = (key: string, cell: Cell, personal: boolean): Cell => {
    if (typeof cell !== "string") return cell;
    if (whole.has(key)) return maskWhole(cell);
    if (nameColumns.has(key) || (personal && key === "entityName")) return maskName(cell);
    const text = maskText(cell);
    return names ? names(text) : text;
  };
  const source = table.rows;
  const rows = {
    *[Symbol.iterator]() {
      for (const row of source) {
        // The findings table names its subject: a person's or a household's name is personal.
        const personal =
          names !== undefined && PERSONAL_COLLECTION.has(String(row.entityCollection));
        const out: Record<string, Cell> = {};
        for (const [key, cell] of Object.entries(row)) out[key] = cellOf(key, cell, personal);
        yield out;
      }
    },
  };
  return { ...table, rows };
}
