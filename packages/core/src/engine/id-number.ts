/**
 * GB 11643-1999 resident ID numbers: the check digit (ISO 7064 MOD 11-2) and the birth date.
 */
import { isIsoDate } from "../calendar/calendar.js";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

/**
 * The check character of the first 17 digits.
 * @example checkCharacter("34082819800101001") // one of 0-9 or X
 */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Whether a well-formed 18-character number's check character is right. */
export function hasValidCheckDigit(idNumber: string): boolean {
  return checkCharacter(idNumber.slice(0, 17)) === idNumber[17];
}

/** The birth date a number encodes (`YYYY-MM-DD`), or undefined when it is not a real date. */
export function birthDateOf(idNumber: string): string | undefined {
  const iso = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  return isIsoDate(iso) ? iso : undefined;
}

/**
 * Makes a valid ID number from a 6-digit region code, a birth date and a 3-digit sequence.
 * @example makeIdNumber("340828", "1980-01-01", 1).length // 18
 */
export function makeIdNumber(region: string, birthDate: string, sequence: number): string {
  const first17 = `${region}${birthDate.replaceAll("-", "")}${String(sequence).padStart(3, "0")}`;
  return first17 + checkCharacter(first17);
}
