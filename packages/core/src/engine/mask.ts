/**
 * Masking of personal numbers in what is shown or sent: resident ID numbers keep their first 6
 * and last 4 characters (`340828********1234`; a 15-digit first-generation number its last 3),
 * mobile numbers their first 3 and last 4 (`138****8000`). A number is found in any shape people
 * write it: 18 digits or 17 and an X, 15 digits, groups split by a space or a hyphen
 * (`340828 19900101 1234`), full-width digits, `+86` before a mobile; near-misses of 17 or 19
 * digits (a digit dropped or doubled) are masked as ID numbers too. Separators and the masked
 * characters' places are kept, so a masked text reads like the original.
 */
import type { AuditReport } from "./audit.js";
import type { Finding } from "./findings.js";

/**
 * Chains of digits (ASCII or full-width) joined by single separators (space, hyphen, their
 * full-width forms), an X closing the chain (an ID number's check character).
 */
const CHAIN = /[0-9０-９](?:[ \-－\u3000]?[0-9０-９])*(?:[ \-－\u3000]?[XxＸｘ])?/g;
const IS_DIGIT = /[0-9０-９XxＸｘ]/;

/** A chain's groups: each a run of digits, with its offset in the chain. */
interface Group {
  start: number;
  /** The digits (characters, X included) of the group. */
  digits: number;
}

function groupsOf(chain: string): Group[] {
  const groups: Group[] = [];
  let start = -1;
  for (let i = 0; i <= chain.length; i++) {
    const digit = i < chain.length && IS_DIGIT.test(chain[i]!);
    if (digit && start < 0) start = i;
    if (!digit && start >= 0) {
      groups.push({ start, digits: i - start });
      start = -1;
    }
  }
  return groups;
}

/**
 * Masks, in `chars`, the digits of groups `from..to` but the first `keepFirst` and the last
 * `keepLast` of them (the `skip` first digits are a prefix, kept and not counted).
 */
function maskRange(
  chars: string[],
  groups: readonly Group[],
  from: number,
  to: number,
  keepFirst: number,
  keepLast: number,
  skip = 0,
): void {
  let total = 0;
  for (let g = from; g <= to; g++) total += groups[g]!.digits;
  let k = -skip;
  for (let g = from; g <= to; g++) {
    const { start, digits } = groups[g]!;
    for (let i = start; i < start + digits; i++, k++) {
      if (k >= keepFirst && k < total - skip - keepLast) chars[i] = "*";
    }
  }
}

/**
 * Masks the runs of groups whose digit count is one of `sizes` (the greatest first): scanning
 * from each group, the longest run of at most 19 digits that has such a count.
 */
function maskIdChain(chain: string, sizes: ReadonlySet<number>): string {
  const groups = groupsOf(chain);
  const chars = [...chain];
  // `groupsOf` works on UTF-16 offsets; every character of a chain is one code unit.
  let i = 0;
  while (i < groups.length) {
    let total = 0;
    let end = -1;
    let size = 0;
    for (let j = i; j < groups.length; j++) {
      total += groups[j]!.digits;
      if (total > 19) break;
      if (sizes.has(total)) {
        end = j;
        size = total;
      }
    }
    if (end < 0) {
      i++;
      continue;
    }
    maskRange(chars, groups, i, end, 6, size === 15 ? 3 : 4);
    i = end + 1;
  }
  return chars.join("");
}

const EXACT = new Set([15, 18]);
const NEAR = new Set([17, 19]);

/** The digit at offset `k` of a run of groups, as ASCII. */
function digitAt(chain: string, groups: readonly Group[], from: number, k: number): string {
  for (let g = from; g < groups.length; g++) {
    const { start, digits } = groups[g]!;
    if (k < digits)
      return String.fromCharCode(((chain.charCodeAt(start + k) - 0x30) % 0xfee0) + 0x30);
    k -= digits;
  }
  return "";
}

/** Masks mobile numbers in a chain: 11 digits `1[3-9]…`, or 13 starting with 86 (`+86`). */
function maskMobileChain(chain: string): string {
  const groups = groupsOf(chain);
  const chars = [...chain];
  let i = 0;
  while (i < groups.length) {
    let total = 0;
    let done = false;
    for (let j = i; j < groups.length && total < 13; j++) {
      total += groups[j]!.digits;
      const d = (k: number) => digitAt(chain, groups, i, k);
      const skip = total === 13 && d(0) === "8" && d(1) === "6" ? 2 : total === 11 ? 0 : -1;
      if (skip < 0 || d(skip) !== "1" || !/[3-9]/.test(d(skip + 1))) continue;
      maskRange(chars, groups, i, j, 3, 4, skip);
      i = j + 1;
      done = true;
      break;
    }
    if (!done) i++;
  }
  return chars.join("");
}

/**
 * Masks every resident ID number and mobile number in a text.
 * @example maskText("身份证号340828199001011234") // "身份证号340828********1234"
 * @example maskText("电话 +86 138-0013-8000") // "电话 +86 138-****-8000"
 */
export function maskText(text: string): string {
  if (!/[0-9０-９]/.test(text)) return text;
  return text
    .replace(CHAIN, (chain) => maskIdChain(chain, EXACT))
    .replace(CHAIN, (chain) => maskIdChain(chain, NEAR))
    .replace(CHAIN, (chain) => maskMobileChain(chain));
}

/** A copy of a value with every string in it masked (object keys are names, not data). */
function maskDeep<T>(value: T): T {
  if (typeof value === "string") return maskText(value) as T;
  if (Array.isArray(value)) return value.map(maskDeep) as T;
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v);
    return out as T;
  }
  return value;
}

/**
 * A finding with every string masked: messages, entity and related ids (an id is personal only
 * when it looks like an ID or mobile number, and only then changes), file names and fields.
 */
export function maskFinding(finding: Finding): Finding {
  return maskDeep(finding);
}

/**
 * A report whose findings are masked (`maskFinding`); its other parts hold no personal numbers.
 * @example maskReport(report).findings[0].message.zh // "…身份证号340828********1234…"
 */
export function maskReport(report: AuditReport): AuditReport {
  return { ...report, findings: report.findings.map(maskFinding) };
}
