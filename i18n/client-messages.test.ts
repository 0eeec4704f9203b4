import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The root layout sends client components no messages: every server component that renders a
// client component using useTranslations("ns") must wrap it in <ClientMessages namespaces={[...]}>
// listing ns (and the namespaces of the client components that one imports). A missing namespace
// would show raw keys in the browser; this finds it before a user does.
const root = path.join(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith("@/") ? path.join(root, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(from), spec) : undefined;
  if (!base) return undefined;
  return [`${base}.tsx`, `${base}.ts`, path.join(base, "index.tsx")].find((f) => existsSync(f));
}

type Source = { file: string; text: string; client: boolean; namespaces: Set<string>; imports: { names: string[]; file: string }[] };

function parse(file: string): Source {
  const text = readFileSync(file, "utf8");
  const imports = [...text.matchAll(/import\s+(type\s+)?([^;]*?)\s+from\s+"([^"]+)"/g)].flatMap((m) => {
    if (m[1]) return [];
    const resolved = resolveImport(file, m[3]!);
    if (!resolved) return [];
    const names = [...m[2]!.matchAll(/(?:^|[{,])\s*(?!type\s)(\w+)(?:\s+as\s+(\w+))?/g)].map((n) => n[2] ?? n[1]!);
    return [{ names, file: resolved }];
  });
  return {
    file,
    text,
    client: /^\s*["']use client["']/.test(text),
    namespaces: new Set([...text.matchAll(/useTranslations\(\s*"([\w.]+)"/g)].map((m) => m[1]!.split(".")[0]!)),
    imports,
  };
}

describe("client component messages", () => {
  const sources = new Map([...["app", "components"].flatMap((d) => sourceFiles(path.join(root, d)))].map((f) => [f, parse(f)]));
  // A client component's namespaces include those of the client components it imports.
  const needed = (file: string, seen = new Set<string>()): Set<string> => {
    const s = sources.get(file);
    if (!s || !s.client || seen.has(file)) return new Set();
    seen.add(file);
    const all = new Set(s.namespaces);
    for (const i of s.imports) for (const ns of needed(i.file, seen)) all.add(ns);
    return all;
  };

  it("every client component using useTranslations is rendered inside <ClientMessages> with its namespaces", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const s of sources.values()) {
      if (s.client) continue;
      const provided = new Set(
        [...s.text.matchAll(/<ClientMessages namespaces=\{\[([^\]]*)\]\}>/g)].flatMap((m) => [...m[1]!.matchAll(/"([\w]+)"/g)].map((n) => n[1]!)),
      );
      for (const i of s.imports) {
        const ns = needed(i.file);
        if (ns.size === 0) continue;
        for (const name of i.names) {
          if (!new RegExp(`<${name}[\\s/>]`).test(s.text)) continue;
          checked++;
          const missing = [...ns].filter((n) => !provided.has(n));
          if (missing.length) problems.push(`${path.relative(root, s.file)} renders <${name}> without ${missing.join(", ")}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(18);
  });
});
