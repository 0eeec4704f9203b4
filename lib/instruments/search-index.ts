import "server-only";
import type { Settings } from "meilisearch";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { awaitTask, getMeili, isUnavailableError, meiliConfig } from "@/lib/search/client";
import { ensureIndex } from "@/lib/search/settings";
import { prisma } from "@/lib/db";
import { can, type MaybeActor } from "@/lib/policy";
import { categoryOf, derivedCapabilities, topCategoryCode } from "./categories";
import { instrumentFacts, instrumentInclude, presentInstrument, type InstrumentView } from "./instruments";
import { hoursAvailable, overlapMs } from "./schedule";
import type { InstrumentSearchInput } from "./schemas";
import { SLOT_HOLDING } from "./transitions";

// The instruments index (MEILI_INDEX_PREFIX + "instruments"): one document per ACTIVE instrument,
// written by the "index-instruments" job that writers enqueue in their transaction (the
// lib/search pattern). The document carries `capabilities`: what the instrument measures, in zh
// and en (the lister's own words plus the vocabulary of its kind), so "测材料的晶体结构" finds an
// X-ray diffractometer. The index finds ids; the database decides what is shown.

export const instrumentsIndexUid = () => `${meiliConfig().prefix}instruments`;

// Words that say "I want to measure" rather than what: dropped from queries (and never indexed).
export const INSTRUMENT_STOP_WORDS = [
  "的",
  "测",
  "测量",
  "测试",
  "检测",
  "分析",
  "我",
  "想",
  "要",
  "需要",
  "用",
  "用于",
  "什么",
  "哪里",
  "哪个",
  "可以",
  "能",
  "如何",
  "怎么",
  "一下",
  "一个",
  "仪器",
  "设备",
  "做",
  "measure",
  "measuring",
  "measurement",
  "test",
  "testing",
  "analyse",
  "analyze",
  "analysis",
  "instrument",
  "equipment",
  "the",
  "of",
  "a",
  "an",
  "to",
  "my",
  "i",
  "want",
  "need",
  "for",
  "what",
  "which",
  "with",
  "in",
  "on",
  "our",
];

export function instrumentIndexSettings(): Settings {
  return {
    searchableAttributes: ["name", "nameEn", "capabilities", "categoryName", "model", "maker", "specs", "organisationName", "location"],
    filterableAttributes: ["categoryCode", "topCategoryCode", "region", "priceExternal", "priceUnit", "organisationId", "organisationKind", "services"],
    sortableAttributes: ["priceExternal", "name"],
    stopWords: INSTRUMENT_STOP_WORDS,
    typoTolerance: { minWordSizeForTypos: { oneTypo: 5, twoTypos: 8 } },
    proximityPrecision: "byAttribute",
    pagination: { maxTotalHits: 10_000 },
  };
}

type Row = Awaited<ReturnType<typeof readRows>>[number];
const readRows = (db: Pick<PrismaClient, "instrument">, ids: string[]) =>
  db.instrument.findMany({ where: { id: { in: ids } }, include: { organisation: { select: { name: true, kind: true, region: true } } } });

export type InstrumentDocument = {
  id: string;
  version: number;
  name: string;
  nameEn: string | null;
  capabilities: string;
  categoryCode: string;
  topCategoryCode: string;
  categoryName: string;
  maker: string | null;
  model: string | null;
  specs: string | null;
  organisationId: string;
  organisationName: string;
  organisationKind: string;
  region: string | null;
  location: string;
  services: string[];
  priceUnit: string;
  priceExternal: number;
};

/** The document of an instrument, or null when it must not be in the index (retired). */
export function instrumentDocument(row: Row): InstrumentDocument | null {
  if (row.status !== "ACTIVE") return null;
  const category = categoryOf(row.categoryCode);
  const top = categoryOf(topCategoryCode(row.categoryCode));
  return {
    id: row.id,
    version: row.version,
    name: row.name,
    nameEn: row.nameEn,
    capabilities: [row.capabilities ?? "", derivedCapabilities(row)].join(" ").trim(),
    categoryCode: row.categoryCode,
    topCategoryCode: topCategoryCode(row.categoryCode),
    categoryName: [category?.zh, category?.en, top && top !== category ? `${top.zh} ${top.en}` : ""].filter(Boolean).join(" "),
    maker: row.maker,
    model: row.model,
    specs: row.specs ? row.specs.slice(0, 2000) : null,
    organisationId: row.organisationId,
    organisationName: row.organisation.name,
    organisationKind: row.organisation.kind,
    region: row.region ?? row.organisation.region,
    location: [row.campus, row.building, row.room].filter(Boolean).join(" "),
    services: row.services,
    priceUnit: row.priceUnit,
    priceExternal: row.priceExternal,
  };
}

let settingsApplied: string | null = null;
async function ensureInstrumentsIndex() {
  const client = getMeili();
  const uid = instrumentsIndexUid();
  const key = `${client.config.host}|${uid}`;
  if (settingsApplied === key) return;
  await ensureIndex(client, uid);
  await awaitTask(client.index(uid).updateSettings(instrumentIndexSettings()), 120_000);
  settingsApplied = key;
}

/**
 * Brings the documents of `ids` in line with the database (upserts current ones, deletes retired
 * and deleted ones). Idempotent; rows that changed while it ran are synced again.
 */
export async function syncInstruments(db: Pick<PrismaClient, "instrument">, ids: readonly string[]): Promise<{ upserted: number; deleted: number }> {
  await ensureInstrumentsIndex();
  const index = getMeili().index(instrumentsIndexUid());
  let pending = [...new Set(ids)];
  const total = { upserted: 0, deleted: 0 };
  for (let round = 0; round < 5 && pending.length; round++) {
    const rows = await readRows(db, pending);
    const docs = rows.map(instrumentDocument).filter((d): d is InstrumentDocument => d !== null);
    const keep = new Set(docs.map((d) => d.id));
    const gone = pending.filter((id) => !keep.has(id));
    if (docs.length) await awaitTask(index.addDocuments(docs, { primaryKey: "id" }), 120_000);
    if (gone.length) await awaitTask(index.deleteDocuments(gone), 120_000);
    total.upserted += docs.length;
    total.deleted += gone.length;
    const before = new Map(rows.map((r) => [r.id, r.version]));
    const after = await db.instrument.findMany({ where: { id: { in: pending } }, select: { id: true, version: true } });
    pending = after.filter((r) => before.get(r.id) !== r.version).map((r) => r.id);
  }
  return total;
}

/** Rebuilds the whole instruments index from the database (reindex, e2e server, seed). */
export async function rebuildInstrumentsIndex(db: Pick<PrismaClient, "instrument">): Promise<number> {
  await ensureInstrumentsIndex();
  const index = getMeili().index(instrumentsIndexUid());
  await awaitTask(index.deleteAllDocuments(), 120_000);
  const ids = (await db.instrument.findMany({ where: { status: "ACTIVE" }, select: { id: true } })).map((r) => r.id);
  for (let i = 0; i < ids.length; i += 500) await syncInstruments(db, ids.slice(i, i + 500));
  return ids.length;
}

const quote = (v: string) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

export type InstrumentSearchResult =
  { ok: true; items: (InstrumentView & { freeHours: number | null })[]; total: number; page: number; pageSize: number } | { ok: false; reason: "unavailable" };

const PAGE_SIZE = 20;

/**
 * Instrument search: plain words in Chinese or English (what one wants to measure, a name, a
 * model), filtered by category, region, external price and free time in a date range. Open to
 * visitors. Hits are loaded from the database and shown only when the viewer may read them.
 */
export async function searchInstruments(actor: MaybeActor, input: InstrumentSearchInput): Promise<InstrumentSearchResult> {
  const filter: string[] = [];
  if (input.category) filter.push(input.category.length <= 2 ? `topCategoryCode = ${quote(input.category)}` : `categoryCode = ${quote(input.category)}`);
  if (input.region) filter.push(`region = ${quote(input.region)}`);
  if (input.maxPrice !== undefined) filter.push(`priceExternal <= ${input.maxPrice}`);
  const range =
    input.availableFrom && input.availableTo && input.availableTo > input.availableFrom ? { from: input.availableFrom, to: input.availableTo } : null;
  let hits: { id: string }[];
  let total: number;
  try {
    await ensureInstrumentsIndex();
    // With a date range, availability is decided in the database for a wider candidate set.
    const limit = range ? 500 : PAGE_SIZE;
    const offset = range ? 0 : (input.page - 1) * PAGE_SIZE;
    const res = await getMeili()
      .index(instrumentsIndexUid())
      .search(input.q, { filter, limit, offset, attributesToRetrieve: ["id"], matchingStrategy: "last", ...(input.q ? {} : { sort: ["name:asc"] }) });
    hits = res.hits as { id: string }[];
    total = res.estimatedTotalHits ?? hits.length;
  } catch (error) {
    if (isUnavailableError(error)) return { ok: false, reason: "unavailable" };
    throw error;
  }
  const ids = hits.map((h) => h.id);
  const rows = await prisma.instrument.findMany({ where: { id: { in: ids }, status: "ACTIVE" }, include: instrumentInclude });
  const byId = new Map(rows.filter((r) => can(actor, "instrument.read", instrumentFacts(r))).map((r) => [r.id, r]));
  let ordered = ids.map((id) => byId.get(id)).filter((r): r is NonNullable<typeof r> => !!r);
  const free = new Map<string, number>();
  if (range) {
    const booked = await prisma.instrumentBooking.findMany({
      where: { instrumentId: { in: ordered.map((r) => r.id) }, status: { in: [...SLOT_HOLDING] }, startsAt: { lt: range.to }, endsAt: { gt: range.from } },
      select: { instrumentId: true, startsAt: true, endsAt: true },
    });
    for (const r of ordered) {
      const open = hoursAvailable(r, r.closures, range.from, range.to);
      const usedMs = booked.filter((b) => b.instrumentId === r.id).reduce((sum, b) => sum + overlapMs(b, { startsAt: range.from, endsAt: range.to }), 0);
      free.set(r.id, Math.max(0, Math.round((open - usedMs / 3_600_000) * 10) / 10));
    }
    // Available: at least one free hour in the range.
    ordered = ordered.filter((r) => (free.get(r.id) ?? 0) >= 1);
    total = ordered.length;
    ordered = ordered.slice((input.page - 1) * PAGE_SIZE, input.page * PAGE_SIZE);
  }
  return {
    ok: true,
    items: ordered.map((r) => ({ ...presentInstrument(actor, r), freeHours: free.get(r.id) ?? null })),
    total,
    page: input.page,
    pageSize: PAGE_SIZE,
  };
}

/** Regions with listed instruments (the region filter's options). */
export async function instrumentRegions(): Promise<string[]> {
  const rows = await prisma.instrument.findMany({
    where: { status: "ACTIVE", region: { not: null } },
    select: { region: true },
    distinct: ["region"],
    orderBy: { region: "asc" },
  });
  return rows.map((r) => r.region!).filter(Boolean);
}
