/**
 * Names, phones and resident ID numbers that look real: surnames weighted roughly as in Anhui
 * (储, 汪, 程 and 檀 included), given names of one or two characters, mobile numbers of the
 * 2014 operators' prefixes, and GB 11643 ID numbers whose birth date and sex digit agree.
 */
import { makeIdNumber } from "@shuangbao/core";
import type { Random } from "./random.js";

const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 70],
  ["李", 68],
  ["张", 66],
  ["刘", 58],
  ["陈", 48],
  ["杨", 28],
  ["黄", 18],
  ["赵", 20],
  ["吴", 22],
  ["周", 20],
  ["徐", 22],
  ["孙", 18],
  ["马", 14],
  ["朱", 16],
  ["胡", 16],
  ["郭", 10],
  ["何", 10],
  ["高", 10],
  ["罗", 7],
  ["郑", 7],
  ["梁", 5],
  ["谢", 5],
  ["宋", 7],
  ["唐", 7],
  ["许", 8],
  ["韩", 6],
  ["冯", 6],
  ["邓", 5],
  ["曹", 8],
  ["彭", 5],
  ["肖", 5],
  ["田", 5],
  ["董", 6],
  ["袁", 5],
  ["潘", 5],
  ["蒋", 5],
  ["蔡", 4],
  ["余", 6],
  ["杜", 5],
  ["叶", 5],
  ["程", 8],
  ["苏", 4],
  ["魏", 5],
  ["吕", 5],
  ["丁", 6],
  ["任", 4],
  ["姚", 4],
  ["汪", 12],
  ["方", 7],
  ["储", 8],
  ["江", 5],
  ["葛", 4],
  ["檀", 2],
  ["章", 3],
  ["夏", 4],
  ["钱", 3],
  ["戴", 3],
  ["陶", 3],
  ["祝", 2],
  ["桂", 2],
  ["操", 2],
  ["鲍", 2],
];

const MALE = [
  ..."明国建华军平志伟强勇春海文学林俊峰德成兵东祥胜永斌杰涛鹏飞辉刚超亮松金宝发富贵根生荣友宏家传长福义新忠安庆中和",
];
const FEMALE = [..."秀英芳兰梅玲娟丽霞琴云红艳燕萍敏静婷慧玉凤珍莉美桂春娇雪月花洁颖晓丹娜"];

export type Sex = "male" | "female";

/**
 * A Chinese name: a surname and one or two given characters.
 * @example personName(new Random(1), "male") // e.g. "储国华"
 */
export function personName(random: Random, sex: Sex): string {
  const chars = sex === "male" ? MALE : FEMALE;
  const given = random.chance(0.3)
    ? random.pick(chars)
    : random.pick(chars) + random.pick(random.chance(0.8) ? chars : MALE.concat(FEMALE));
  return random.weighted(SURNAMES) + given;
}

const PREFIXES = [
  "130",
  "131",
  "132",
  "133",
  "134",
  "135",
  "136",
  "137",
  "138",
  "139",
  "150",
  "151",
  "152",
  "153",
  "155",
  "156",
  "157",
  "158",
  "159",
  "180",
  "181",
  "182",
  "183",
  "187",
  "188",
  "189",
];

/** An 11-digit mobile number. @example phone(new Random(1)) // e.g. "13856021477" */
export function phone(random: Random): string {
  return random.pick(PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, "0");
}

/**
 * A resident ID number: region, birth date, a sequence whose last digit is odd for men and even
 * for women, and the GB 11643 check character.
 * @example idNumber(new Random(1), "340828", "1980-05-01", "male").length // 18
 */
export function idNumber(random: Random, region: string, birthDate: string, sex: Sex): string {
  return makeIdNumber(region, birthDate, random.int(1, 499) * 2 - (sex === "male" ? 1 : 0));
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A birth date in `[fromYear, toYear]`. */
export function birthDate(random: Random, fromYear: number, toYear: number): string {
  const year = random.int(fromYear, toYear);
  const month = random.int(1, 12);
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const day = random.int(1, DAYS[month - 1]! + (leap ? 1 : 0));
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
