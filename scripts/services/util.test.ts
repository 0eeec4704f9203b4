import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { OUTPUT_TAIL_CHARS, randomKey, readOrCreateSecret, startProcess } from "./util";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "tb-util-test-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("randomKey", () => {
  it("never begins with '-' (base64url keys did one time in 64) and uses letters and digits only", () => {
    const keys = Array.from({ length: 5_000 }, () => randomKey(24));
    expect(keys.filter((k) => !/^[A-Za-z0-9]+$/.test(k))).toEqual([]);
    expect(new Set(keys).size).toBe(keys.length);
    // At least as much entropy as the 24 random bytes asked for: 62^33 > 2^192.
    expect(keys.every((k) => k.length === 33)).toBe(true);
  });
});

describe("readOrCreateSecret", () => {
  it("creates a secret (mode 0600) and returns the same one afterwards", () => {
    const dir = tempDir();
    const first = readOrCreateSecret("s", 24, dir);
    expect(first).toMatch(/^[A-Za-z0-9]{33}$/);
    expect(statSync(path.join(dir, "s")).mode & 0o777).toBe(0o600);
    expect(readOrCreateSecret("s", 24, dir)).toBe(first);
  });

  it("replaces a stored value the caller cannot use (a master key beginning with '-')", () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, "meili-master-key"), "-badKeyFromAnOlderVersion0123456\n");
    const key = readOrCreateSecret("meili-master-key", 24, dir, (k) => !k.startsWith("-"));
    expect(key).not.toMatch(/^-/);
    expect(readFileSync(path.join(dir, "meili-master-key"), "utf8").trim()).toBe(key);
    // A stored value it accepts stays as it is.
    expect(readOrCreateSecret("meili-master-key", 24, dir, (k) => !k.startsWith("-"))).toBe(key);
  });
});

describe("startProcess output tail", () => {
  const script = `process.stdout.write("x".repeat(100000) + "\\n"); console.error("\\u001b[31mERROR\\u001b[0m bad flag: -abc"); process.exit(3);`;

  it("keeps the end of a child's output when it is not shown, for the error message", async () => {
    const proc = startProcess("child", process.execPath, ["-e", script], { output: "ignore" });
    const tail = await proc.finalOutputTail(5_000);
    expect(proc.exited()).toEqual({ code: 3, signal: null });
    expect(tail.endsWith("ERROR bad flag: -abc")).toBe(true); // escape codes removed
    expect(tail.length).toBeLessThanOrEqual(OUTPUT_TAIL_CHARS);
  });

  it("reads the tail of this run's output back from its log file", async () => {
    const log = path.join(tempDir(), "child.log");
    writeFileSync(log, "an earlier run said this\n");
    const proc = startProcess("child", process.execPath, ["-e", `console.error("this run failed")`], { logFile: log });
    expect(await proc.finalOutputTail(5_000)).toBe("this run failed");
  });
});
