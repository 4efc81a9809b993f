/**
 * Input that cannot be read at all — no such path, not JSON/CSV/XLSX/zip, a binary file, a JSON
 * document that is not an object. Everything else about bad data is a finding, not an error.
 */
export class InputError extends Error {
  override name = "InputError";
  /** The path or name of what could not be read. */
  readonly path: string;
  constructor(path: string, message: string) {
    super(`${path}: ${message}`);
    this.path = path;
  }
}
