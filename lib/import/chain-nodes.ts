// Chain nodes named in an import file (pure): by id ("energy.materials"), by Chinese or English
// name ("储能材料", "Energy-storage materials", any case), or by chain and node as the wizard shows
// them ("新能源 · 储能材料"). A name two chains share is ambiguous: the row must say which.

export type ChainNodeName = { id: string; nameZh: string; nameEn: string; chainZh?: string; chainEn?: string };
export type ChainNodeLookup = ReadonlyMap<string, ReadonlySet<string>>;
export type ResolvedChainNode = { ok: true; id: string } | { ok: false; problem: "v.chainNode" | "v.import.ambiguousChainNode" };

const key = (s: string) =>
  s
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/\s*[·・|/>＞]\s*/g, "·")
    .replace(/\s+/g, " ");

export function chainNodeLookup(nodes: readonly ChainNodeName[]): ChainNodeLookup {
  const map = new Map<string, Set<string>>();
  const add = (name: string | undefined, id: string) => {
    if (!name) return;
    const k = key(name);
    map.set(k, (map.get(k) ?? new Set()).add(id));
  };
  for (const n of nodes) {
    add(n.id, n.id);
    add(n.nameZh, n.id);
    add(n.nameEn, n.id);
    if (n.chainZh) add(`${n.chainZh}·${n.nameZh}`, n.id);
    if (n.chainEn) add(`${n.chainEn}·${n.nameEn}`, n.id);
  }
  return map;
}

export function resolveChainNode(lookup: ChainNodeLookup, text: string): ResolvedChainNode {
  // An id wins over a name that happens to spell it.
  const ids = lookup.get(key(text));
  if (!ids || ids.size === 0) return { ok: false, problem: "v.chainNode" };
  if (ids.has(text.trim())) return { ok: true, id: text.trim() };
  if (ids.size > 1) return { ok: false, problem: "v.import.ambiguousChainNode" };
  return { ok: true, id: [...ids][0]! };
}
