/**
 * What exceljs's streaming workbook writer writes its parts into, in a browser: its own `StreamBuf`
 * is a Node `Duplex`; this keeps what is written, in order, and says `finish` when ended — all the
 * writer and `memory-zip.cjs` ask of it. Written chunks are copied (exceljs reuses its buffers).
 * CommonJS, as exceljs requires it.
 */
const encoder = new TextEncoder();

function bytesOf(data) {
  if (typeof data === "string") return encoder.encode(data);
  if (data instanceof Uint8Array) return data.slice();
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (data && typeof data.toBuffer === "function") return data.toBuffer().slice();
  throw new Error("Chunk must be one of type String, Buffer or StringBuf.");
}

class MemoryStream {
  constructor() {
    this.chunks = [];
    this.listeners = new Map();
    this.ended = false;
  }

  on(event, listener) {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
    return this;
  }

  once(event, listener) {
    const wrapped = (...args) => {
      this.removeListener(event, wrapped);
      listener(...args);
    };
    return this.on(event, wrapped);
  }

  removeListener(event, listener) {
    const list = this.listeners.get(event);
    if (list)
      this.listeners.set(
        event,
        list.filter((l) => l !== listener),
      );
    return this;
  }

  emit(event, ...args) {
    const list = this.listeners.get(event);
    for (const l of list ? [...list] : []) l(...args);
    return (list?.length ?? 0) > 0;
  }

  write(data, encoding, callback) {
    this.chunks.push(bytesOf(data));
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") queueMicrotask(done);
    return true;
  }

  end(data) {
    if (data !== undefined && data !== null) this.write(data);
    this.ended = true;
    this.emit("finish");
  }

  pause() {}

  resume() {}

  /** Everything written, as one array. */
  read() {
    let n = 0;
    for (const c of this.chunks) n += c.length;
    const out = new Uint8Array(n);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  toBuffer() {
    return this.read();
  }
}

module.exports = MemoryStream;
