// The instrument classification (prisma/data/instrument-categories.json) and the plain-words
// capabilities of common instrument kinds (prisma/data/instrument-capabilities.json). Pure: the
// form, the import, the search documents and the seed read it.
import categoriesRaw from "@/prisma/data/instrument-categories.json" with { type: "json" };
import capabilitiesRaw from "@/prisma/data/instrument-capabilities.json" with { type: "json" };

export type InstrumentCategory = { code: string; zh: string; en: string; children?: InstrumentCategory[] };

export const INSTRUMENT_CATEGORIES = (categoriesRaw as { categories: InstrumentCategory[] }).categories;

/** Every category, first level and second level, in order. */
export const ALL_CATEGORIES: readonly InstrumentCategory[] = INSTRUMENT_CATEGORIES.flatMap((c) => [c, ...(c.children ?? [])]);
const BY_CODE = new Map(ALL_CATEGORIES.map((c) => [c.code, c]));
export const CATEGORY_CODES: readonly string[] = ALL_CATEGORIES.map((c) => c.code);

export function categoryOf(code: string): InstrumentCategory | undefined {
  return BY_CODE.get(code);
}

/** The first-level code of a category ("0103" -> "01"). */
export function topCategoryCode(code: string): string {
  return code.slice(0, 2);
}

export function categoryName(code: string, locale: string): string {
  const c = BY_CODE.get(code);
  if (!c) return code;
  return locale === "en" ? c.en : c.zh;
}

/**
 * A category code from what a spreadsheet says: a code ("0103"), or a name in either language
 * ("X射线仪器", "Lasers").
 */
export function categoryCodeFrom(value: string): string | undefined {
  const v = value.trim();
  if (BY_CODE.has(v)) return v;
  const lower = v.toLowerCase();
  return ALL_CATEGORIES.find((c) => c.zh === v || c.en.toLowerCase() === lower)?.code;
}

type Kind = { match: string[]; zh: string; en: string };
const KINDS = (capabilitiesRaw as { kinds: Kind[] }).kinds;

/**
 * What an instrument can measure, in zh and en, from its name, English name and model (the
 * vocabulary of common instrument kinds). Empty when no kind matches.
 */
const kindsOf = (instrument: { name: string; nameEn?: string | null; model?: string | null }) => {
  const text = `${instrument.name} ${instrument.nameEn ?? ""} ${instrument.model ?? ""}`.toLowerCase();
  return KINDS.filter((k) => k.match.some((m) => text.includes(m.toLowerCase())));
};

export function derivedCapabilities(instrument: { name: string; nameEn?: string | null; model?: string | null }): string {
  return kindsOf(instrument)
    .map((k) => `${k.zh} ${k.en}`)
    .join(" ");
}

/** The plain name of the instrument's kind(s) ("X射线衍射"), without the lab's own prefixes or model words. */
export function kindTerms(instrument: { name: string; nameEn?: string | null; model?: string | null }): string[] {
  return kindsOf(instrument).map((k) => k.match[0]!);
}
