/**
 * rules.md "Words in Chinese output": every Chinese text of the catalogue — titles, messages,
 * interpretations, parameter notes — speaks the language of a 扶贫办 inspection: full-width
 * punctuation, one spelling of each term, no code identifiers or English. Quotes of the policy
 * (inside “…”) stay verbatim and are not checked.
 */
import { describe, expect, it } from "vitest";
import { DATA_CHECKS, DATA_MESSAGES } from "../engine/data-messages.js";
import { PARAMETERS } from "../params/parameters.js";
import { CATALOGUE } from "./catalogue.js";

/** The prose of a Chinese text: quotes of the policy and `{placeholders}` removed. */
const prose = (zh: string) => zh.replace(/“[^”]*”/g, "“”").replace(/\{\w+\}/g, "");

/** What must not stand in Chinese prose, and why. */
const FORBIDDEN: [RegExp, string][] = [
  [/[A-Za-z]/, "no English or code identifiers"],
  [/[,;:()?!]/, "full-width punctuation (，；：（）)"],
  [/驻村干部/, "驻村帮扶干部"],
  [/包村单位/, "包村帮扶单位"],
  [/(?<!包村|定点)帮扶单位/, "包村帮扶单位 in sentences"],
  [/乡镇干部/, "乡（镇）干部"],
  [/(?<!中共)党员/, "中共党员 / 非中共党员"],
  [/帮扶人(?!员)/, "帮扶责任人"],
  [/负责人(?<!分管负责人)/, "分管负责人 or 主要负责同志"],
  [/脱贫出列/, "a village 出列, a household 脱贫"],
  [/审计/, "核查 (an inspection, not a financial audit); 核查基准日"],
];

function check(where: string, zh: string) {
  const text = prose(zh);
  for (const [pattern, want] of FORBIDDEN) {
    expect(pattern.test(text), `${where}: “${zh}” — ${want}`).toBe(false);
  }
}

describe("Chinese output speaks the words of rules.md", () => {
  for (const rule of CATALOGUE) {
    it(rule.id, () => {
      check(`${rule.id} title`, rule.title.zh);
      if (rule.interpretation) check(`${rule.id} interpretation`, rule.interpretation.zh);
      for (const [key, m] of Object.entries(rule.messages)) check(`${rule.id} ${key}`, m.zh);
    });
  }
  it("data checks", () => {
    for (const c of Object.values(DATA_CHECKS)) check(c.id, c.title.zh);
    for (const [key, m] of Object.entries(DATA_MESSAGES)) check(`data message ${key}`, m.zh);
  });
  it("parameter notes", () => {
    for (const def of Object.values(PARAMETERS)) {
      check(`parameter ${def.name} title`, def.title.zh);
      if (def.note) check(`parameter ${def.name}`, def.note.zh);
    }
  });
});
