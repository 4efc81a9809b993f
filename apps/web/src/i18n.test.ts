import { describe, expect, it } from "vitest";
import { categoryWord, WORDS } from "./i18n.js";

describe("the page's words", () => {
  it("has every Chinese word in English too", () => {
    expect(Object.keys(WORDS.en).sort()).toEqual(Object.keys(WORDS.zh).sort());
  });

  it("labels findings as rules.md says: 不符合, 需说明, 提示, 数据问题", () => {
    expect(["error", "warning", "info", "data"].map((c) => categoryWord(c as never, "zh"))).toEqual(
      ["不符合", "需说明", "提示", "数据问题"],
    );
    expect(WORDS.zh.asOf).toBe("核查基准日");
    expect(WORDS.zh.list).toBe("问题清单");
  });
});
