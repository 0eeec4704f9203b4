// A "use server" module may export async functions only: anything else (a constant, a class, a
// re-export) builds, type-checks and then fails every page that imports the module at runtime
// ("A 'use server' file can only export async functions"). Caught here, without a build.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const appDir = import.meta.dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

const serverModules = sourceFiles(appDir).filter((f) => /^\s*["']use server["'];?/.test(readFileSync(f, "utf8")));

describe('"use server" modules', () => {
  it("exist (the scan finds the server actions)", () => {
    expect(serverModules.length).toBeGreaterThan(3);
  });

  it.each(serverModules.map((f) => [path.relative(appDir, f), f]))("%s exports async functions only", (_name, file) => {
    const source = readFileSync(file, "utf8");
    const exports = [...source.matchAll(/^export\s+(?!type\s|interface\s)(.*)$/gm)].map((m) => m[1]!);
    const bad = exports.filter((rest) => !/^async\s+function\s/.test(rest));
    expect(bad).toEqual([]);
  });
});
