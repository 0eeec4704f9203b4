import { readFileSync } from "node:fs";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// Next only fails at run time (the page then "couldn't load") when a "use server" module exports
// anything but async functions; catch it before a build.
const root = path.join(import.meta.dirname, "..");

function serverActionFiles(): string[] {
  const out = execFileSync("git", ["ls-files", "-co", "--exclude-standard", "app", "lib", "components"], { cwd: root, encoding: "utf8" });
  return out
    .split("\n")
    .filter((f) => /\.tsx?$/.test(f))
    .filter((f) => /^\s*["']use server["'];?/.test(readFileSync(path.join(root, f), "utf8")));
}

describe('"use server" modules', () => {
  it("export nothing but async functions", () => {
    const offenders = serverActionFiles().flatMap((file) =>
      readFileSync(path.join(root, file), "utf8")
        .split("\n")
        // An action built by the action client (lib/actions/action-client.ts) is an async function.
        .filter(
          (line) => /^export\s/.test(line) && !/^export\s+(async\s+function|type\s|interface\s|const\s+\w+\s*=\s*(memberAction|publicAction)\b)/.test(line),
        )
        .map((line) => `${file}: ${line.trim()}`),
    );
    expect(offenders).toEqual([]);
  });
});
