/**
 * The CLI's package.json lists, at the catalog's versions, every third-party library of the
 * workspace packages it bundles (tsup.config.ts): what `npm install -g` of its tarball installs.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const json = (path: string) =>
  JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as {
    version: string;
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };

/** The `catalog:` block of pnpm-workspace.yaml. */
function catalog(): Record<string, string> {
  const yaml = readFileSync(new URL("../../../pnpm-workspace.yaml", import.meta.url), "utf8");
  const block = /^catalog:\n((?: {2}.*\n?)*)/m.exec(yaml)?.[1] ?? "";
  return Object.fromEntries(
    block
      .split("\n")
      .filter(Boolean)
      .map((line) => {
        const [, name, version] = /^\s+"?([^":]+)"?:\s*(\S+)/.exec(line)!;
        return [name!, version!];
      }),
  );
}

describe("@shuangbao/cli's package.json", () => {
  const cli = json("../package.json");
  const bundled = ["core", "io", "sample"].map((p) => json(`../../../packages/${p}/package.json`));

  it("depends on the bundled packages' libraries at the catalog's versions", () => {
    const versions = catalog();
    const wanted: Record<string, string> = {};
    for (const p of bundled)
      for (const [name, spec] of Object.entries(p.dependencies ?? {}))
        if (!name.startsWith("@shuangbao/"))
          wanted[name] = spec === "catalog:" ? versions[name]! : spec;
    expect(cli.dependencies).toEqual(wanted);
  });

  it("keeps the workspace packages out of its runtime dependencies", () => {
    for (const name of ["@shuangbao/core", "@shuangbao/io", "@shuangbao/sample"]) {
      expect(cli.dependencies?.[name]).toBeUndefined();
      expect(cli.devDependencies?.[name]).toBe("workspace:*");
    }
  });

  it("has a real version", () => {
    expect(cli.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(cli.version).not.toBe("0.0.0");
  });
});
