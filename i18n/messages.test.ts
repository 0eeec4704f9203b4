import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Chinese is the primary language, and English must be complete too: both locales carry exactly
// the same namespaces and keys, with no empty strings.
const root = path.join(import.meta.dirname, "..", "messages");

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function load(locale: string): Record<string, unknown> {
  const dir = path.join(root, locale);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith(".json"))
      .map((f) => [f.slice(0, -5), JSON.parse(readFileSync(path.join(dir, f), "utf8"))]),
  );
}

describe("messages", () => {
  const zh = load("zh-CN");
  const en = load("en");

  it("have the same keys in zh-CN and en", () => {
    expect(keysOf(en).sort()).toEqual(keysOf(zh).sort());
  });

  it("have no empty texts", () => {
    for (const messages of [zh, en]) {
      const empty = keysOf(messages).filter((k) => k.split(".").reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], messages) === "");
      expect(empty).toEqual([]);
    }
  });
});
