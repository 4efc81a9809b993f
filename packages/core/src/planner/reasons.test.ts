/**
 * rules.md "Words in Chinese output" for the planner's sentences: every reason a plan gives (in
 * `because` and `unresolved`) in full-width punctuation, one spelling of each term, no code names
 * or English; rows named as `index.labels` names them; the policy quoted verbatim inside “…”.
 */

import { describe, expect, it } from "vitest";
import type { DatasetIndex } from "../engine/dataset-index.js";
import type { Message } from "../engine/findings.js";
import { loadDataset } from "../engine/loader.js";
import type { CollectionName } from "../schema/fields.js";
import { byId, compliantCounty, ID, staff, villageCadre } from "../testing/fixture.js";
import { wordProblems } from "../testing/words.js";
import { contractReasons } from "./contract-reasons.js";
import { helperReasons } from "./helper-reasons.js";

const d = compliantCounty();
const index = loadDataset(d);
const unit = (id: string) => index.unit(id)!;
const village = (id: string) => index.village(id)!;
const county = (id: string) => index.county(id)!;
const person = (id: string) => index.person(id)!;

/** Every sentence the planners can say, on fixture rows. */
function sentences(): [string, Message][] {
  const c = contractReasons(index, 10);
  const h = helperReasons(index, 5);
  const v1 = village(ID.v1);
  const v3 = village(ID.v3);
  const key = county(ID.keyCounty);
  const p1 = unit(ID.provinceUnit);
  const other = { ...unit(ID.countyUnit), category: "other" as const, level: "other" as const };
  return [
    ["designated", c.designated(p1, v1, key, false)],
    ["designated paired", c.designated(p1, v1, key, true)],
    ["lead", c.lead(p1, v1, key, false)],
    ["lead paired", c.lead(p1, v1, key, true)],
    ["city key", c.city(unit(ID.cityUnit), village(ID.v2), key, true)],
    ["city", c.city(unit(ID.cityUnit), village(ID.v2), key, false)],
    ["county", c.county(unit(ID.countyUnit), village(ID.v4), county(ID.otherCounty))],
    [
      "pooled",
      c.pooled([unit(ID.countyUnit), unit(ID.cityUnit)], village(ID.v4), county(ID.otherCounty)),
    ],
    ["noCountyUnit", c.noCountyUnit(key)],
    ["noCounty", c.noCounty()],
    ["ineligible", c.ineligible(other)],
    ["designatedNotKey", c.designatedNotKey(county(ID.otherCounty))],
    ["noVillageInDesignated", c.noVillageInDesignated(key)],
    ["noVillageInCity key", c.noVillageInCity(index.city(ID.city)!, true)],
    ["noVillageInCity", c.noVillageInCity(index.city(ID.city)!, false)],
    ["staff", h.staff(person(staff(ID.provinceUnit, "helper")), v1)],
    ["fallback", h.fallback(person(ID.keyTownshipCadre), v1, [p1])],
    ["fallback village cadre", h.fallback(person(villageCadre(ID.v1)), v1, [])],
    ["fallback no staff", h.fallback(person(ID.keyTownshipCadre), v1, [p1], false)],
    ["welfare", h.welfare(person(ID.keyCivilAffairs), v1)],
    ["local", h.local(person(villageCadre(ID.v3)), v3)],
    [
      "handOver",
      h.handOver(byId(d.households, ID.h1), person(ID.keyTownshipCadre), v1, [
        { unit: p1, free: 2 },
      ]),
    ],
    ["noVillage", h.noVillage(byId(d.households, ID.h1))],
    ["noWelfareHelper", h.noWelfareHelper(v1)],
    ["noHelper poor", h.noHelper(v1, true)],
    ["noHelper", h.noHelper(v3, false)],
  ];
}

/** The prose of a sentence: quotes of the policy and the rows' names (data, not our words) out. */
function prose(zh: string, idx: DatasetIndex): string {
  const names: string[] = [];
  const collections: CollectionName[] = [
    "cities",
    "counties",
    "townships",
    "villages",
    "units",
    "people",
    "households",
  ];
  for (const c of collections)
    for (const row of idx.rows(c) as readonly { id: string }[])
      names.push(idx.labels(c, row.id).zh);
  let text = zh.replace(/“[^”]*”/g, "“”");
  for (const n of names.sort((a, b) => b.length - a.length)) text = text.replaceAll(n, "某");
  return text;
}

describe("the planner's reasons", () => {
  for (const [name, message] of sentences()) {
    it(`${name} speaks the words of rules.md`, () => {
      const text = prose(message.zh, index);
      expect(wordProblems(text), `${name}: “${message.zh}”`).toEqual([]);
      expect(message.zh).toMatch(/。$/);
      expect(message.en).toMatch(/\.$/);
      // rows are named as index.labels names them: name and full-width id
      expect(message.zh).not.toMatch(/\([^)]*\)(?![^“]*”)/);
    });
  }

  it("names rows with their full-width ids and quotes the policy verbatim", () => {
    const c = contractReasons(index, 10);
    const m = c.county(unit(ID.countyUnit), village(ID.v4), county(ID.otherCounty));
    expect(m).toEqual({
      zh: "县直单位怀宁县教育局（U-N1）由怀宁县（340822）扶贫开发领导小组安排包扶本县贫困村查湾村（340822100201）。原文：“其余贫困村由各县扶贫开发领导小组安排县直各单位(含垂直管理单位)包村帮扶”。",
      en: 'County unit 怀宁县教育局 (U-N1) contracts the poor village 查湾村 (340822100201) of its own county 怀宁县 (340822) ("其余贫困村由各县扶贫开发领导小组安排县直各单位(含垂直管理单位)包村帮扶").',
    });
    expect(c.ineligible({ ...unit(ID.countyUnit), category: "other" }).zh).toBe(
      "怀宁县教育局（U-N1）的单位性质为其他、单位层级为县直，不属于可以包村的单位。原文：“省、市、县(含市、区,下同)党政机关、人民团体、事业单位、民主党派、高等院校、国有企业和军队、武警部队,中央驻皖单位和企事业驻皖机构”。",
    );
    expect(helperReasons(index, 5).noVillage(byId(d.households, ID.h1)).zh).toBe(
      "无法确定天堂镇天堂村贫困户张一（户编号：H-1）所在的村或乡（镇）。",
    );
  });
});
