import { describe, expect, it } from "vitest";
import { charsetOf, checkJsonShape, JobProblem, jsonUtf8 } from "./guards.js";

const LIMITS = { jsonDepth: 6, rows: 3 };
const bytes = (text: string) => new TextEncoder().encode(text);

/** The problem a check throws, as data. */
async function problemOf(fn: () => unknown) {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(JobProblem);
    return (error as JobProblem).data;
  }
  throw new Error("no problem thrown");
}

describe("checkJsonShape", () => {
  it("passes a dataset within the limits, strings with brackets and escapes included", () => {
    const doc =
      '{"villages":[{"id":"[[[[[[[[","name":"\\"{{{{{{"},{"id":"2"}],"parameters":{"termYears":3}}';
    expect(() => checkJsonShape(bytes(doc), LIMITS)).not.toThrow();
  });

  it("refuses nesting deeper than the limit with a 400 naming the variable", async () => {
    const deep = `{"villages":[{"id":${"[".repeat(100_000)}${"]".repeat(100_000)}}]}`;
    expect(await problemOf(() => checkJsonShape(bytes(deep), LIMITS))).toMatchObject({
      kind: "not-a-dataset",
      part: "body",
      limit: "SHUANGBAO_MAX_JSON_DEPTH",
    });
  });

  it("refuses a collection with more rows than the limit, naming it", async () => {
    const many = `{"villages":[{},{},{},{}]}`;
    expect(await problemOf(() => checkJsonShape(bytes(many), LIMITS))).toMatchObject({
      kind: "too-large",
      part: "body.villages",
      limit: "SHUANGBAO_MAX_ROWS",
    });
    expect(() =>
      checkJsonShape(bytes(`{"villages":[{},{},{}],"units":[1,2,3]}`), LIMITS),
    ).not.toThrow();
  });

  it("refuses a parameter named __proto__, however it is spelled", async () => {
    for (const key of ["__proto__", "\\u005f\\u005fproto__"]) {
      const doc = `{"parameters":{"termYears":3,"${key}":{"termYears":9}}}`;
      expect(await problemOf(() => checkJsonShape(bytes(doc), LIMITS))).toMatchObject({
        kind: "invalid-request",
        part: "parameters.__proto__",
      });
    }
    // A row's key is a column, not a parameter: reported by core as an unknown column.
    expect(() => checkJsonShape(bytes('{"villages":[{"__proto__":1}]}'), LIMITS)).not.toThrow();
  });
});

describe("jsonUtf8", () => {
  const gbk = new Uint8Array([0xd4, 0xc0, 0xce, 0xf7]); // 岳西 in GBK

  it("keeps valid UTF-8 and refuses invalid bytes with a 400, never replacing them", async () => {
    const utf8 = bytes('{"name":"岳西"}');
    expect(jsonUtf8(utf8, undefined)).toBe(utf8);
    expect(jsonUtf8(utf8, "utf-8")).toBe(utf8);
    expect(await problemOf(() => jsonUtf8(gbk, undefined))).toMatchObject({
      kind: "not-a-dataset",
      part: "body",
    });
  });

  it("decodes GBK and GB18030 when the charset says so", async () => {
    for (const charset of ["gbk", "gb18030", "gb2312"]) {
      expect(new TextDecoder().decode(jsonUtf8(gbk, charset))).toBe("岳西");
    }
    expect(await problemOf(() => jsonUtf8(new Uint8Array([0x81, 0x20]), "gbk"))).toMatchObject({
      kind: "not-a-dataset",
    });
  });

  it("answers 415 for another charset", async () => {
    expect(await problemOf(() => jsonUtf8(gbk, "latin1"))).toMatchObject({
      kind: "unsupported-media-type",
      part: "header.Content-Type",
    });
  });

  it("reads the charset of a content type", () => {
    expect(charsetOf("application/json; charset=GBK")).toBe("gbk");
    expect(charsetOf('application/json;charset="gb18030"')).toBe("gb18030");
    expect(charsetOf("application/json")).toBeUndefined();
  });
});
