/**
 * What exceljs's streaming workbook writer zips its parts with, in a browser: `archiver` is
 * Node-only. Parts are kept in the order they are appended (archiver's order too) and stored
 * uncompressed: io's `deterministic()` re-packs every workbook with fixed timestamps and its own
 * compression, so the bytes come out as the CLI's. CommonJS, as exceljs requires it.
 */
const { zipSync } = require("fflate");
const MemoryStream = require("./memory-stream.cjs");

/** An archive name as archiver writes it: no leading slash, forward slashes. */
const entryName = (name) => name.replace(/\\/g, "/").replace(/^(\.\.\/|\/)+/, "");

class MemoryZip {
  constructor() {
    this.entries = [];
    this.target = undefined;
  }

  pipe(target) {
    this.target = target;
    return target;
  }

  append(source, data) {
    this.entries.push({ name: entryName(data.name), source });
    return this;
  }

  file() {
    throw new Error("files on disk cannot be added to a workbook in a browser");
  }

  on() {
    return this;
  }

  finalize() {
    const files = {};
    for (const { name, source } of this.entries) {
      const bytes =
        typeof source === "string"
          ? new TextEncoder().encode(source)
          : source instanceof MemoryStream
            ? source.read()
            : new Uint8Array(source);
      files[name] = [bytes, { level: 0 }];
    }
    const zipped = zipSync(files);
    this.target?.write(zipped);
    this.target?.end();
  }
}

module.exports = function archiver() {
  return new MemoryZip();
};
