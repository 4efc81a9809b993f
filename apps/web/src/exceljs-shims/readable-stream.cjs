/**
 * exceljs's XML reader requires `readable-stream` at load; io never reads workbooks through
 * exceljs (it has its own streaming reader), so this stands in, and says so if ever called.
 */
class Unavailable {
  constructor() {
    throw new Error("exceljs's stream reading is not available in the browser");
  }
}
module.exports = {
  PassThrough: Unavailable,
  Duplex: Unavailable,
  Readable: Unavailable,
  Writable: Unavailable,
  Transform: Unavailable,
};
