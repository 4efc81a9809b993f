/**
 * People: unit staff (principal, deputy in charge, resident cadres, helpers), township cadres and
 * civil-affairs officers, village cadres and college-graduate village officials — with names,
 * sexes, birth dates matching their ID numbers, posts, ranks and phones.
 */
import type { Education, Person, Rank } from "@shuangbao/core";
import { addYears, dayOf, isoOf } from "./dates.js";
import type { PlannedUnit } from "./model.js";
import { birthDate, idNumber, personName, phone, type Sex } from "./names.js";
import type { Random } from "./random.js";
import { isDevelopmentZone, regionLookup } from "./regions.js";

const HEFEI = ["340102", "340103", "340104", "340111"];

/** The region code an ID number starts with: where the person was first registered. */
function homeRegion(random: Random, unit: PlannedUnit): string {
  const { regions } = regionLookup();
  const real = (cityId?: string) =>
    regions.counties.filter((c) => !isDevelopmentZone(c.id) && (!cityId || c.cityId === cityId));
  if (unit.level === "province")
    return random.chance(0.6) ? random.pick(HEFEI) : random.pick(real()).id;
  if (unit.level === "county" && unit.countyId && random.chance(0.8)) return unit.countyId;
  return random.pick(real(unit.cityId)).id;
}

/** The principal's and deputy's titles for a unit's name. */
export function titlesOf(name: string): [string, string] {
  const rules: [RegExp, string][] = [
    [/^(民革|民盟|民建|民进|农工党|致公党|九三学社)/, "主任委员"],
    [/(纪律检查委员会|纪委|政法委员会|政法委)$/, "书记"],
    [/^共青团/, "书记"],
    [/(大学|学院|学校|中学)$/, "校长"],
    [/(银行|支行|分行)$/, "行长"],
    [/(公司|集团|书店|研究所)$/, "总经理"],
    [/(联合会|协会|工会|红十字会)$/, "主席"],
    [/检察院$/, "检察长"],
    [/海关$/, "关长"],
    [/调查(总)?队$/, "队长"],
    [/(医院|院|党校)$/, "院长"],
    [/电视台$/, "台长"],
    [/办公厅$/, "主任"],
    [/厅$/, "厅长"],
    [/部$/, "部长"],
    [/(军区|总队|大队)$/, "政治委员"],
    [/局$/, "局长"],
    [/所$/, "所长"],
    [/站$/, "站长"],
    [/馆$/, "馆长"],
  ];
  const title = rules.find(([re]) => re.test(name))?.[1] ?? "主任";
  return [title, `副${title}`];
}

const STAFF_POSTS: Record<string, readonly string[]> = {
  university: ["讲师", "副教授", "教授", "辅导员", "科长"],
  state_owned_enterprise: ["职员", "部门经理", "副经理", "客户经理"],
  central_unit_in_anhui: ["职员", "科长", "副科长", "部门经理"],
  enterprise_branch_in_anhui: ["职员", "部门经理", "工程师"],
  military: ["参谋", "干事", "助理员"],
  armed_police: ["参谋", "干事", "助理员"],
  public_institution: ["科员", "科长", "副科长", "专业技术人员"],
  other: ["科员", "副主任科员", "主任科员", "副科长", "科长"],
};

const EDUCATION_STAFF: readonly (readonly [Education, number])[] = [
  ["senior_high", 6],
  ["associate", 24],
  ["bachelor", 52],
  ["master", 16],
  ["doctorate", 2],
];
const EDUCATION_QUALIFIED: readonly (readonly [Education, number])[] = [
  ["associate", 22],
  ["bachelor", 58],
  ["master", 20],
];

function base(random: Random, id: string, sex: Sex, born: string, region: string) {
  return {
    id,
    name: personName(random, sex),
    idNumber: idNumber(random, region, born, sex),
    gender: sex,
    birthDate: born,
  } as const;
}

/** A date between two dates, floored to the first of its month (参加工作时间 is kept by month). */
function monthBetween(random: Random, from: string, to: string): string {
  return `${isoOf(random.int(dayOf(from), Math.max(dayOf(from), dayOf(to)))).slice(0, 7)}-01`;
}

export type UnitRole = "principal" | "deputy" | "cadre" | "staff";

/**
 * A staff member of a unit. A `cadre` selected on `selectedOn` meets every condition of 二(三)4
 * when `qualifying`: a CPC member, at most 40 whole years old, three years of work, 大专 or more,
 * and (city and county units) a reserve cadre of section rank.
 * @example unitPerson(random, unit, "U34-001-01", "principal")
 */
export function unitPerson(
  random: Random,
  unit: PlannedUnit,
  id: string,
  role: UnitRole,
  cadre?: { selectedOn: string; qualifying: boolean },
): Person {
  const region = homeRegion(random, unit);
  const [principal, deputy] = titlesOf(unit.name);
  const senior: Rank =
    unit.level === "province" ? "other" : unit.level === "city" ? "county_division" : "section";
  const common = { role: "unit_staff" as const, unitId: unit.id, phone: "" };
  if (role === "cadre" && cadre?.qualifying) {
    const sel = cadre.selectedOn;
    const sex: Sex = random.chance(0.8) ? "male" : "female";
    const born = isoOf(random.int(dayOf(addYears(sel, -40)) + 1, dayOf(addYears(sel, -26))));
    return {
      ...base(random, id, sex, born, region),
      ...common,
      position: random.pick(["科长", "副科长", "主任科员", "副主任科员"]),
      rank: unit.level === "province" ? random.pick(["section", "other"] as const) : "section",
      reserveCadre: unit.level === "province" ? random.chance(0.5) : true,
      partyMember: true,
      education: random.weighted(EDUCATION_QUALIFIED),
      workStartDate: monthBetween(random, addYears(born, 21), addYears(sel, -4)),
      phone: phone(random),
    };
  }
  const [from, to, male, party] =
    role === "principal"
      ? [1956, 1969, 0.85, 1]
      : role === "deputy"
        ? [1960, 1976, 0.75, 0.95]
        : role === "cadre"
          ? [1960, 1986, 0.8, 0.7]
          : [1956, 1991, 0.6, 0.55];
  const sex: Sex = random.chance(male) ? "male" : "female";
  const born = birthDate(random, from, to);
  const senior2 = role === "principal" || role === "deputy";
  return {
    ...base(random, id, sex, born, region),
    ...common,
    position:
      role === "principal"
        ? principal
        : role === "deputy"
          ? deputy
          : random.pick(STAFF_POSTS[unit.category] ?? STAFF_POSTS.other!),
    rank: senior2 ? senior : random.chance(0.3) ? "section" : "other",
    reserveCadre: !senior2 && random.chance(0.1),
    partyMember: random.chance(party),
    education: random.weighted(EDUCATION_STAFF),
    workStartDate: monthBetween(random, addYears(born, 19), addYears(born, 25)),
    phone: phone(random),
  };
}

const TOWNSHIP_POSTS = [
  "党委委员",
  "人大主席",
  "武装部长",
  "组织委员",
  "宣传委员",
  "纪委书记",
  "扶贫专干",
  "农经站站长",
  "计生办主任",
  "司法所所长",
  "财政所所长",
  "干事",
];

/**
 * A township cadre or civil-affairs officer (`post` chosen when absent).
 * @example townshipPerson(random, township, "340828101-01", "township_cadre", "340828", "党委副书记")
 */
export function townshipPerson(
  random: Random,
  township: { id: string; name: string },
  id: string,
  role: "township_cadre" | "civil_affairs_officer",
  countyId: string,
  post?: string,
): Person {
  const sex: Sex = random.chance(0.7) ? "male" : "female";
  const born = birthDate(random, 1960, 1990);
  const head = township.name.endsWith("乡")
    ? "乡长"
    : township.name.endsWith("镇")
      ? "镇长"
      : "主任";
  return {
    ...base(random, id, sex, born, countyId),
    role,
    townshipId: township.id,
    position:
      post ??
      (role === "civil_affairs_officer"
        ? "民政助理员"
        : random.pick([...TOWNSHIP_POSTS, `副${head}`])),
    rank: random.chance(0.4) ? "section" : "other",
    partyMember: random.chance(0.75),
    education: random.weighted(EDUCATION_STAFF),
    workStartDate: monthBetween(random, addYears(born, 19), addYears(born, 24)),
    phone: phone(random),
  };
}

const VILLAGE_POSTS = [
  "党支部书记",
  "村委会主任",
  "党支部副书记",
  "村委会副主任",
  "村会计",
  "妇女主任",
  "村委委员",
];

/**
 * The n-th village cadre (1: the party secretary, who coordinates for a poor village).
 * @example villageCadre(random, "340828101200", 1, "340828").position // "党支部书记"
 */
export function villageCadre(
  random: Random,
  villageId: string,
  n: number,
  countyId: string,
): Person {
  const post = VILLAGE_POSTS[Math.min(n, VILLAGE_POSTS.length) - 1]!;
  const sex: Sex = post === "妇女主任" ? "female" : random.chance(0.85) ? "male" : "female";
  const born = birthDate(random, 1952, 1985);
  return {
    ...base(random, `${villageId}-${String(n).padStart(2, "0")}`, sex, born, countyId),
    role: "village_cadre",
    villageId,
    position: post,
    partyMember: n <= 3 || random.chance(0.6),
    education: random.weighted([
      ["junior_high", 40],
      ["senior_high", 45],
      ["associate", 15],
    ] as const),
    phone: phone(random),
  };
}

/** A college-graduate village official (大学生村官) of a village. */
export function collegeOfficial(random: Random, villageId: string, countyId: string): Person {
  const sex: Sex = random.chance(0.5) ? "male" : "female";
  const born = birthDate(random, 1986, 1991);
  return {
    ...base(random, `${villageId}-11`, sex, born, countyId),
    role: "college_village_official",
    villageId,
    position: "村主任助理",
    partyMember: random.chance(0.6),
    education: "bachelor",
    workStartDate: monthBetween(random, addYears(born, 22), "2014-07-01"),
    phone: phone(random),
  };
}
