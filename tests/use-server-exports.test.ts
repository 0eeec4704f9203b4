import { readFileSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// Next only fails at run time (the page then "couldn't load") when a "use server" module exports
// anything but async functions; catch it before a build. An action built with the action client
// (lib/actions/action-client.ts) is an async function once its chain ends in `.action(...)`.
const root = path.join(import.meta.dirname, "..");

function serverActionFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "app", "lib", "components"], { cwd: root, encoding: "utf8" });
  return out
    .split("\n")
    .filter((f) => /\.tsx?$/.test(f))
    .filter((f) => /^\s*["']use server["'];?/.test(readFileSync(path.join(root, f), "utf8")));
}

const BUILT_ACTION = /^export\s+const\s+\w+Action\s*=\s*(withPaths\()?(memberAction|publicAction)\b/;

/** The export statements of a module that are not async functions or action-client actions. */
export function badServerExports(source: string): string[] {
  const lines = source.split("\n");
  const bad: string[] = [];
  lines.forEach((line, i) => {
    if (!/^export\s/.test(line) || /^export\s+(async\s+function|type\s|interface\s)/.test(line)) return;
    if (BUILT_ACTION.test(line)) {
      // The statement runs until the next line that starts at column 0 (the next statement).
      const end = lines.findIndex((l, j) => j > i && /^\S/.test(l));
      const statement = lines.slice(i, end === -1 ? undefined : end).join("\n");
      if (/\.action\(/.test(statement)) return;
    }
    bad.push(line.trim());
  });
  return bad;
}

describe('"use server" modules', () => {
  it("export nothing but async functions (plain, or built with the action client)", () => {
    const offenders = serverActionFiles().flatMap((file) => badServerExports(readFileSync(path.join(root, file), "utf8")).map((line) => `${file}: ${line}`));
    expect(offenders).toEqual([]);
  });

  it("tells a built action from a builder, a constant or a re-export", () => {
    const built = "export const saveAction = memberAction\n  .schema(s)\n  .action(async () => {});\n";
    const oneLine = "export const signUpAction = publicAction.schema(s).action(async () => {});\n";
    expect(badServerExports(built + oneLine)).toEqual([]);
    expect(badServerExports("export const halfAction = memberAction.schema(s);\n")).toHaveLength(1);
    expect(badServerExports('export const FIELDS = ["a"];\n')).toHaveLength(1);
    expect(badServerExports("export { x } from './y';\n")).toHaveLength(1);
    expect(badServerExports("export const saver = memberAction.schema(s).action(async () => {});\n")).toHaveLength(1);
  });
});
