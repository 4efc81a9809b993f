import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { type CliIo, UsageError } from "../io.js";
import { checkOutput, writeError, writeOutput, writeOutputFolder } from "./shared.js";

const io: CliIo = {
  stdout: () => {},
  stderr: () => {},
  env: {},
  stderrIsTTY: false,
  stdoutIsTTY: false,
  today: () => "2018-07-20",
};

let root: string;
let data: string;
let file: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "shuangbao-out-"));
  data = join(root, "data");
  await mkdir(data);
  await writeFile(join(data, "households.csv"), "户编号\nH-1\n");
  file = join(root, "d.xlsx");
  await writeFile(file, "the clerk's workbook");
});

/** The message of the usage error `p` rejects with. */
async function refusal(p: Promise<unknown>): Promise<string> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  return (error as Error).message;
}

describe("writeOutput", () => {
  it("refuses an output that is an input file, naming both, Chinese first", async () => {
    const message = await refusal(writeOutput(io, file, "findings", { inputs: [file] }));
    expect(message).toMatch(/^输出“.*d\.xlsx”就是输入文件“.*d\.xlsx”.* · refusing to write/);
    expect(await readFile(file, "utf8")).toBe("the clerk's workbook");
    // --force does not make it right.
    await refusal(writeOutput(io, file, "findings", { inputs: [file], force: true }));
    expect(await readFile(file, "utf8")).toBe("the clerk's workbook");
  });

  it("refuses an output inside an input folder, and sees through symlinks", async () => {
    const inside = join(data, "report.txt");
    expect(await refusal(writeOutput(io, inside, "x", { inputs: [data] }))).toContain(
      "位于输入文件夹",
    );
    const link = join(root, "link.xlsx");
    await symlink(file, link);
    expect(await refusal(writeOutput(io, link, "x", { inputs: [file], force: true }))).toContain(
      "就是输入文件",
    );
    const linkedFolder = join(root, "linked");
    await symlink(data, linkedFolder);
    await refusal(writeOutput(io, join(linkedFolder, "r.txt"), "x", { inputs: [data] }));
    await refusal(writeOutput(io, join(data, "households.csv"), "x", { inputs: [linkedFolder] }));
    expect(await readdir(data)).toEqual(["households.csv"]);
  });

  it("needs force to replace an existing file, and then replaces it whole", async () => {
    const out = join(root, "report.txt");
    await writeFile(out, "old");
    const message = await refusal(writeOutput(io, out, "new", { inputs: [data] }));
    expect(message).toContain("已存在");
    expect(message).toContain("--force");
    expect(await readFile(out, "utf8")).toBe("old");
    await writeOutput(io, out, "new", { inputs: [data], force: true });
    expect(await readFile(out, "utf8")).toBe("new");
    expect((await readdir(root)).sort()).toEqual(["d.xlsx", "data", "report.txt"]);
  });

  it("leaves neither half a file nor a temporary file when writing fails", async () => {
    const out = join(root, "report.txt");
    await writeFile(out, "old");
    // Content that cannot be written: the write fails after the temporary file was opened.
    const bad = { length: 3 } as unknown as string;
    await expect(writeOutput(io, out, bad, { inputs: [], force: true })).rejects.toThrow();
    expect(await readFile(out, "utf8")).toBe("old");
    expect((await readdir(root)).sort()).toEqual(["d.xlsx", "data", "report.txt"]);
  });

  it("says an unwritable path is a usage error, naming it", async () => {
    for (const path of ["/proc/x", "/dev/null/x", join(root, "no", "such", "r.txt")]) {
      const message = await refusal(writeOutput(io, path, "x", { inputs: [] }));
      expect(message).toContain(`无法写入“${path}”`);
      expect(message).toContain(`cannot write ${path}`);
    }
    expect(await refusal(checkOutput(data, { inputs: [] }))).toContain("是一个文件夹");
  });

  it("names the reason of a file-system failure in Chinese, and leaves other errors alone", () => {
    const denied = writeError("r.txt", Object.assign(new Error("x"), { code: "EACCES" }));
    expect(denied).toBeInstanceOf(UsageError);
    expect(denied.message).toBe("无法写入“r.txt”：没有写入权限 · cannot write r.txt: EACCES");
    const full = writeError("r.txt", Object.assign(new Error("x"), { code: "ENOSPC" }));
    expect(full.message).toContain("磁盘空间不足");
    const bug = Object.assign(new TypeError("x"), { code: "ERR_INVALID_ARG_TYPE" });
    expect(writeError("r.txt", bug)).toBe(bug);
  });

  it("writes text to stdout without a path", async () => {
    let text = "";
    await writeOutput({ ...io, stdout: (t) => (text += t) }, undefined, "报告\n", { inputs: [] });
    expect(text).toBe("报告\n");
  });
});

describe("writeOutputFolder", () => {
  const write = (names: string[]) => async (tmp: string) => {
    for (const n of names) await writeFile(join(tmp, n), n);
  };

  it("refuses the input folder itself and a folder inside it", async () => {
    for (const dir of [data, join(data, "plan")]) {
      const message = await refusal(
        writeOutputFolder(dir, { inputs: [data], names: ["a.csv"] }, write(["a.csv"])),
      );
      expect(message).toMatch(/输入文件夹“.*data”.* · refusing to write .*data/);
    }
    expect(await readdir(data)).toEqual(["households.csv"]);
  });

  it("refuses to replace existing files without force, before any work", async () => {
    const dir = join(root, "out");
    await mkdir(dir);
    await writeFile(join(dir, "a.csv"), "old");
    let produced = false;
    const message = await refusal(
      writeOutputFolder(dir, { inputs: [data], names: ["a.csv", "b.csv"] }, async (tmp) => {
        produced = true;
        await write(["a.csv"])(tmp);
      }),
    );
    expect(produced).toBe(false);
    expect(message).toContain("a.csv");
    expect(await readFile(join(dir, "a.csv"), "utf8")).toBe("old");
    const written = await writeOutputFolder(
      dir,
      { inputs: [data], names: ["a.csv", "b.csv"], force: true },
      write(["a.csv", "b.csv"]),
    );
    expect(written).toEqual([join(dir, "a.csv"), join(dir, "b.csv")]);
    expect(await readFile(join(dir, "a.csv"), "utf8")).toBe("a.csv");
    expect((await readdir(dir)).sort()).toEqual(["a.csv", "b.csv"]);
  });

  it("creates the folder, and on failure removes what it created and keeps what was there", async () => {
    const dir = join(root, "new", "plan");
    await expect(
      writeOutputFolder(dir, { inputs: [], names: ["a.csv"] }, async (tmp) => {
        await write(["a.csv"])(tmp);
        throw new Error("generator failed");
      }),
    ).rejects.toThrow("generator failed");
    expect((await readdir(root)).sort()).toEqual(["d.xlsx", "data"]);
    const existing = join(root, "existing");
    await mkdir(existing);
    await writeFile(join(existing, "keep.txt"), "keep");
    await expect(
      writeOutputFolder(existing, { inputs: [], names: ["a.csv"] }, async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await readdir(existing)).toEqual(["keep.txt"]);
    await writeOutputFolder(dir, { inputs: [], names: ["a.csv"] }, write(["a.csv"]));
    expect(await readdir(dir)).toEqual(["a.csv"]);
  });

  it("says an unwritable folder is a usage error", async () => {
    for (const dir of ["/proc/x", "/dev/null/x", join(file, "sub")]) {
      const message = await refusal(
        writeOutputFolder(dir, { inputs: [], names: ["a.csv"] }, write(["a.csv"])),
      );
      expect(message).toContain(`无法写入“${dir}”`);
    }
    expect(
      await refusal(writeOutputFolder(file, { inputs: [], names: ["a.csv"] }, write(["a.csv"]))),
    ).toContain("不是文件夹");
  });
});
