/**
 * rules.md "Words in Chinese output": every Chinese text of the catalogue — titles, messages,
 * interpretations, parameter notes — speaks the language of a 扶贫办 inspection: full-width
 * punctuation, one spelling of each term, no code identifiers or English. Quotes of the policy
 * (inside “…”) stay verbatim and are not checked.
 */
import { describe, expect, it } from "vitest";
import { DATA_CHECKS, DATA_MESSAGES } from "../engine/data-messages.js";
import { PARAMETERS } from "../params/parameters.js";
import { wordProblems } from "../testing/words.js";
import { CATALOGUE } from "./catalogue.js";

/** The prose of a Chinese text: quotes of the policy and `{placeholders}` removed. */
const prose = (zh: string) => zh.replace(/“[^”]*”/g, "“”").replace(/\{\w+\}/g, "");

function check(where: string, zh: string) {
  const text = prose(zh);
  expect(wordProblems(text), `${where}: “${zh}”`).toEqual([]);
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
