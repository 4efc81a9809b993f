import { createRequire } from "node:module";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const archiver = require("./memory-zip.cjs") as () => {
  pipe(t: unknown): void;
  append(s: unknown, d: { name: string }): void;
  finalize(): void;
};
const MemoryStream = require("./memory-stream.cjs") as new () => {
  write(d: unknown): boolean;
  end(d?: unknown): void;
  on(e: string, f: () => void): void;
  read(): Uint8Array;
};

describe("exceljs's stand-ins in the browser", () => {
  it("zips the parts in the order appended, names as archiver writes them, streams ended", () => {
    const out = new MemoryStream();
    let finished = false;
    out.on("finish", () => {
      finished = true;
    });
    const zip = archiver();
    zip.pipe(out);
    const sheet = new MemoryStream();
    zip.append(sheet, { name: "/xl/worksheets/sheet1.xml" });
    sheet.write("<worksheet>");
    sheet.end(new TextEncoder().encode("</worksheet>"));
    zip.append("<styles/>", { name: "xl/styles.xml" });
    zip.finalize();
    expect(finished).toBe(true);
    const parts = unzipSync(out.read());
    expect(Object.keys(parts)).toEqual(["xl/worksheets/sheet1.xml", "xl/styles.xml"]);
    expect(new TextDecoder().decode(parts["xl/worksheets/sheet1.xml"])).toBe(
      "<worksheet></worksheet>",
    );
  });

  it("copies what is written (exceljs reuses its buffers)", () => {
    const s = new MemoryStream();
    const buffer = new Uint8Array([1, 2, 3]);
    s.write(buffer);
    buffer[0] = 9;
    expect([...s.read()]).toEqual([1, 2, 3]);
  });
});
