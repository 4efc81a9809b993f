/**
 * The files a person gives the page: picked (a folder with `webkitdirectory`, or several files)
 * or dropped (files, or a folder read through the File System entries API). A folder's own files
 * are taken, not its subfolders' — as the CLI reads a folder.
 */

export interface PickedFile {
  /** The file's name (its path inside a folder is dropped). */
  name: string;
  file: File;
}

export interface Picked {
  /** The input as the report names it: the folder's name, or the file names. */
  input: string;
  files: PickedFile[];
}

/** Files from an `<input type=file>` (with or without `webkitdirectory`). */
export function fromInput(list: FileList): Picked {
  const all = [...list];
  const folder = all[0]?.webkitRelativePath.split("/")[0] ?? "";
  if (folder) {
    // Only the folder's own files: `yuexi/a.csv`, not `yuexi/sub/b.csv`.
    const files = all
      .filter((f) => f.webkitRelativePath.split("/").length === 2)
      .map((file) => ({ name: file.name, file }));
    return { input: folder, files };
  }
  return named(all.map((file) => ({ name: file.name, file })));
}

function named(files: PickedFile[]): Picked {
  return { input: files.map((f) => f.name).join("、"), files };
}

const fileOf = (entry: FileSystemFileEntry) =>
  new Promise<File>((resolve, reject) => entry.file(resolve, reject));

async function entriesOf(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const out: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

/** Files from a drop: one folder (its own files), or files. */
export async function fromDrop(data: DataTransfer): Promise<Picked> {
  const entries = [...data.items]
    .map((item) => item.webkitGetAsEntry?.())
    .filter((e): e is FileSystemEntry => !!e);
  const folder = entries.length === 1 && entries[0]!.isDirectory ? entries[0] : undefined;
  if (folder) {
    const inside = await entriesOf(folder as FileSystemDirectoryEntry);
    const files = await Promise.all(
      inside
        .filter((e) => e.isFile)
        .map(async (e) => ({ name: e.name, file: await fileOf(e as FileSystemFileEntry) })),
    );
    return { input: folder.name, files };
  }
  return named([...data.files].map((file) => ({ name: file.name, file })));
}
