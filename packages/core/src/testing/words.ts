/**
 * rules.md "Words in Chinese output" as checks on Chinese prose (quotes of the policy and names
 * removed first by the caller): what must not stand in it, and why. Shared by the tests of the
 * rules, the planner's reasons and the forms.
 */
export const FORBIDDEN_WORDS: readonly (readonly [RegExp, string])[] = [
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

/** The reasons a Chinese prose text breaks the words (empty when it keeps them). */
export function wordProblems(prose: string): string[] {
  return FORBIDDEN_WORDS.filter(([pattern]) => pattern.test(prose)).map(([, want]) => want);
}
