import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compliantCounty } from "../testing/fixture.js";
import { COLLECTIONS } from "./collections.js";
import { fastValidate } from "./fast-validate.js";
import { COLLECTION_NAMES, type CollectionName, type FieldKind, type FieldSpec } from "./fields.js";
import { normaliseRow } from "./normalise.js";

/** What the general path makes of a row: normalised, then parsed by the zod schema. */
function general(collection: CollectionName, raw: Record<string, unknown>) {
  const { row, unknown } = normaliseRow(collection, raw);
  const parsed = COLLECTIONS[collection].schema.safeParse(row);
  return unknown.length === 0 && parsed.success ? parsed.data : undefined;
}

describe("the loader's fast path", () => {
  it("accepts every row of the compliant fixture, as the general path reads it", () => {
    const d = compliantCounty();
    for (const c of COLLECTION_NAMES) {
      for (const row of d[c] as Record<string, unknown>[]) {
        expect(fastValidate(c, row), c).toEqual(general(c, row));
      }
    }
  });

  it("accepts only what the zod schema accepts, and reads it the same way", () => {
    const cell = fc.oneof(
      fc.constantFrom(
        "",
        " ",
        "是",
        "否",
        "true",
        "0",
        "1",
        "2014-07-30",
        "2014/7/30",
        "2015-02-29",
        "x",
        " 12 ",
        "-1",
        "省直",
        "county",
        "dibao",
        "因病",
        "340828196001010012",
        // office cells: serial dates, dotted and eight-digit dates, full-width codes and names
        "41846",
        "2014",
        "41846.5",
        "2015.3.1",
        "20150301",
        "２０１４-０７-２７",
        "２０１４年７月２７日",
        "Ｕ－００１",
        " Ｐ１ ",
        "张（三）",
        "ｏｔｈｅｒ",
        "高中／中专",
        "乡镇干部",
        "１２",
        "ｙｅｓ",
        "３４０８２８１９６００１０１００１２",
        "3.40828E+15",
        "340828199001011000",
        "\u3000",
        "\u3000x\u3000",
      ),
      fc.constantFrom(41846, 73415, 73416, 7305, 2014, 20150301, 41846.5),
      fc.integer({ min: -2, max: 20 }),
      fc.boolean(),
      fc.constant(null),
      fc.string({ maxLength: 4 }),
    );
    const collection = fc.constantFrom(...COLLECTION_NAMES);
    const property = fc.property(
      collection,
      fc.dictionary(fc.string({ maxLength: 3 }), cell),
      fc.array(cell, { minLength: 17, maxLength: 17 }),
      (c, extra, cells) => {
        const fields = COLLECTIONS[c].fields;
        const raw: Record<string, unknown> = {};
        fields.forEach((f, i) => {
          if (cells[i] !== undefined) raw[f.name] = cells[i];
        });
        if (Object.keys(extra).length % 3 === 0) Object.assign(raw, extra);
        const fast = fastValidate(c, raw);
        if (fast !== undefined) expect(fast).toEqual(general(c, raw));
      },
    );
    fc.assert(property, { numRuns: 3000 });
  });

  it("reads office cells of every kind the same way, and takes most clean rows itself", () => {
    const wide = (t: string) =>
      t.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const pools: Record<FieldKind, unknown[]> = {
      id: ["U-1", "Ｕ－１", " 340828 ", "3.40828E+15", 17],
      ref: ["U-1", "Ｕ－１", "340828100201", "３４０８２８１００２０１"],
      string: ["张三", "张（三）", " 主任 ", "１３８００１３８０００"],
      date: ["2014-07-27", "２０１４-０７-２７", "2015.3.1", 41846, "41846", "20150301", "2014"],
      boolean: ["是", "否", "ｙｅｓ", "1", true, 0],
      integer: ["12", "１２", 3, "3.0", "x"],
      enum: [],
      idNumber: ["34082819600101001X", "３４０８２８１９６００１０１００１ｘ", "3.40828E+17"],
    };
    const cellOf = (spec: FieldSpec) =>
      spec.kind === "enum"
        ? fc.constantFrom(
            ...spec.vocabulary!.values,
            ...Object.values(spec.vocabulary!.labels as Record<string, string>),
            wide(spec.vocabulary!.values[0]!),
            "x",
          )
        : fc.constantFrom(...pools[spec.kind]);
    let accepted = 0;
    let runs = 0;
    const property = fc.property(
      fc
        .constantFrom(...COLLECTION_NAMES)
        .chain((c) =>
          fc.tuple(
            fc.constant(c),
            fc.tuple(...COLLECTIONS[c].fields.map((f) => fc.option(cellOf(f), { freq: 4 }))),
          ),
        ),
      ([c, values]) => {
        const raw: Record<string, unknown> = {};
        COLLECTIONS[c].fields.forEach((f, i) => {
          if (values[i] !== null) raw[f.name] = values[i];
        });
        const fast = fastValidate(c, raw);
        runs++;
        if (fast !== undefined) {
          accepted++;
          expect(fast).toEqual(general(c, raw));
        }
      },
    );
    fc.assert(property, { numRuns: 3000 });
    expect(accepted / runs).toBeGreaterThan(0.02);
  });
});
