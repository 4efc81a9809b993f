/**
 * File names without `node:path`, as POSIX paths name them (zip entries always use `/`; a
 * browser's `webkitRelativePath` too).
 */

/**
 * The last part of a path, less `ext` when it ends with it.
 * @example baseName("data/贫困户.csv", ".csv") // "贫困户"
 */
export function baseName(path: string, ext?: string): string {
  let end = path.length;
  while (end > 1 && path[end - 1] === "/") end--;
  const base = path.slice(path.lastIndexOf("/", end - 1) + 1, end);
  return ext && base !== ext && base.endsWith(ext) ? base.slice(0, -ext.length) : base;
}

/**
 * The extension of a path's last part, with its dot; none for `.hidden` files.
 * @example extName("a/b.tar.csv") // ".csv"
 */
export function extName(path: string): string {
  const base = baseName(path);
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot);
}
