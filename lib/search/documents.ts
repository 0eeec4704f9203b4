// Maps database rows to search-index documents, applying the confidentiality rules.
// Pure (no server-only): unit tests and the benchmark import it.
//
// Rules (spec): PUBLIC -> full content + organisation; ANONYMOUS -> content, no organisation name
// or id; CONFIDENTIAL -> teaser fields only (title, teaser, chain/node, field, and TRL target /
// budget range / region / modes only when listed in Need.teaserFields), no description,
// keywords or organisation; BROKER_ONLY -> never in `needs`, only
// in `needs_broker`. Public indexes hold PUBLISHED / IN_PROGRESS needs and PUBLISHED results.
// The broker index holds every need that left DRAFT, with full content.
// Every document carries the row's `version` so the index can be compared with the database.
// `terms` / `titleTerms` are the analysed words the matcher counts: they are built from the SAME
// fields the document exposes, so a confidential need's description never leaks through them.
import type { Need, Result } from "@/lib/generated/prisma/client";
import { analyze } from "@/lib/matching/terms";
import { teaserOf } from "@/lib/needs/teaser";

// Structural subsets of the Prisma rows (a full row satisfies them; the bench builds them).
export type NeedRow = Pick<
  Need,
  | "id"
  | "version"
  | "title"
  | "teaser"
  | "teaserFields"
  | "description"
  | "keywords"
  | "field"
  | "lang"
  | "visibility"
  | "status"
  | "trlTarget"
  | "budgetMinCny"
  | "budgetMaxCny"
  | "collaborationModes"
  | "region"
  | "chainNodeId"
  | "organisationId"
  | "createdAt"
  | "publishedAt"
> &
  Partial<Pick<Need, "desiredOutcome">> & {
    organisation?: { name: string; region?: string | null; verifiedAt?: Date | null } | null;
    chainNode?: { id?: string; chainId: string } | null;
  };
export type ResultRow = Pick<
  Result,
  | "id"
  | "version"
  | "title"
  | "summary"
  | "description"
  | "keywords"
  | "field"
  | "lang"
  | "status"
  | "trl"
  | "transferModes"
  | "chainNodeId"
  | "organisationId"
  | "createdAt"
> &
  Partial<Pick<Result, "advantages" | "applicationScenarios">> & {
    organisation?: { name: string; region?: string | null; verifiedAt?: Date | null } | null;
    chainNode?: { id?: string; chainId: string } | null;
  };

type BaseDoc = {
  id: string;
  version: number;
  title: string;
  field: string;
  lang: "zh" | "en";
  status: string;
  trl: number | null;
  collaborationModes: string[];
  region: string | null;
  chainId: string | null;
  chainNodeId: string | null;
  organisationId: string | null;
  organisationName: string | null;
  /** The organisation was verified by a platform admin (null where the name is not shown). */
  organisationVerified: boolean | null;
  createdAt: number;
  publishedAt: number | null;
  /** analysed words of the title (+ keywords), space-separated: for matching */
  titleTerms: string;
  /** analysed words of the body text, space-separated: for matching */
  terms: string;
  /** number of words in titleTerms / terms: the matcher's corpus length statistics */
  titleTermCount: number;
  termCount: number;
  /** Chinese words found inside longer words of titleTerms / terms (电池 in 锂电池): catalogue search */
  titleSubwords: string;
  textSubwords: string;
};

export type NeedDocument = BaseDoc & {
  kind: "need";
  visibility: string;
  teaser: string | null;
  description: string | null;
  keywords: string[];
  budgetMinCny: number | null;
  budgetMaxCny: number | null;
};

export type ResultDocument = BaseDoc & {
  kind: "result";
  summary: string;
  description: string | null;
  keywords: string[];
};

export type SearchDocument = NeedDocument | ResultDocument;

export const PUBLIC_NEED_STATUSES = ["PUBLISHED", "IN_PROGRESS"] as const;
export const PUBLIC_RESULT_STATUSES = ["PUBLISHED"] as const;

const time = (d: Date | null | undefined) => (d ? d.getTime() : null);
const joinTerms = (...texts: (string | null | undefined)[]) => analyze(texts.filter(Boolean).join("\n")).join(" ");
const countTerms = (terms: string) => (terms ? terms.split(" ").length : 0);

const CJK_WORD = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}$/;

/**
 * The Chinese words of an analysed field that occur inside a longer word of it (jieba's search
 * mode gives 锂电池 and 电池): Meilisearch segments 锂电池 as one word, so without them a search
 * for 电池 misses every 锂电池. Derived from the analysed words, so from the same (already
 * confidentiality-filtered) fields. Pure.
 */
export function innerWords(terms: string): string {
  const words = new Set(terms.split(" ").filter((w) => CJK_WORD.test(w)));
  const inner = new Set<string>();
  for (const w of words) {
    if (w.length < 3) continue;
    for (let len = 2; len < w.length; len++) {
      for (let i = 0; i + len <= w.length; i++) {
        const part = w.slice(i, i + len);
        if (words.has(part)) inner.add(part);
      }
    }
  }
  return [...inner].join(" ");
}

/** Adds the word counts and inner words of the analysed fields. */
function withCounts<D extends Omit<BaseDoc, "titleTermCount" | "termCount" | "titleSubwords" | "textSubwords">>(
  doc: D,
): D & Pick<BaseDoc, "titleTermCount" | "termCount" | "titleSubwords" | "textSubwords"> {
  return {
    ...doc,
    titleTermCount: countTerms(doc.titleTerms),
    termCount: countTerms(doc.terms),
    titleSubwords: innerWords(doc.titleTerms),
    textSubwords: innerWords(doc.terms),
  };
}

// The analysed words of a need's full content, per row object: a row's public and broker
// documents share one analysis (jieba + stemming is most of the cost of building documents,
// measured at 100,000 records). A row read again is a new object, so nothing stale is reused.
const fullNeedTerms = new WeakMap<NeedRow, { titleTerms: string; terms: string }>();
function fullTermsOf(need: NeedRow): { titleTerms: string; terms: string } {
  let terms = fullNeedTerms.get(need);
  if (!terms) {
    terms = {
      titleTerms: joinTerms(need.title, need.keywords.join(" ")),
      terms: joinTerms(need.teaser, need.description, need.desiredOutcome),
    };
    fullNeedTerms.set(need, terms);
  }
  return terms;
}

/** Full-content need document (what the broker index holds, and PUBLIC needs in the public index). */
function fullNeedDocument(need: NeedRow, withOrganisation: boolean): NeedDocument {
  return withCounts({
    id: need.id,
    version: need.version,
    kind: "need" as const,
    title: need.title,
    teaser: need.teaser ?? null,
    description: need.description,
    keywords: [...need.keywords],
    field: need.field,
    lang: need.lang,
    visibility: need.visibility,
    status: need.status,
    trl: need.trlTarget ?? null,
    budgetMinCny: need.budgetMinCny ?? null,
    budgetMaxCny: need.budgetMaxCny ?? null,
    collaborationModes: [...need.collaborationModes],
    region: need.region ?? null,
    chainId: need.chainNode?.chainId ?? null,
    chainNodeId: need.chainNodeId ?? null,
    organisationId: withOrganisation ? need.organisationId : null,
    organisationName: withOrganisation ? (need.organisation?.name ?? null) : null,
    organisationVerified: withOrganisation ? Boolean(need.organisation?.verifiedAt) : null,
    createdAt: need.createdAt.getTime(),
    publishedAt: time(need.publishedAt),
    ...fullTermsOf(need),
  });
}

/** Optional teaser fields a CONFIDENTIAL need's owner chose to show (Need.teaserFields). */
export { OPTIONAL_TEASER_FIELDS } from "@/lib/needs/teaser-fields";

/**
 * Teaser-only document of a CONFIDENTIAL need: title, teaser, chain/node and field, plus the
 * optional fields listed in `teaserFields` (TRL target, budget range, region, modes); never the
 * description, keywords or organisation.
 */
function teaserNeedDocument(need: NeedRow): NeedDocument {
  const t = teaserOf(need);
  return withCounts({
    id: need.id,
    version: need.version,
    kind: "need" as const,
    title: t.title,
    teaser: t.teaser,
    description: null,
    keywords: [],
    field: t.field,
    lang: need.lang,
    visibility: need.visibility,
    status: need.status,
    trl: t.trlTarget,
    budgetMinCny: t.budgetMinCny,
    budgetMaxCny: t.budgetMaxCny,
    collaborationModes: t.collaborationModes,
    region: t.region,
    chainId: need.chainNode?.chainId ?? null,
    chainNodeId: t.chainNodeId,
    organisationId: null,
    organisationName: null,
    organisationVerified: null,
    createdAt: need.createdAt.getTime(),
    publishedAt: time(need.publishedAt),
    titleTerms: joinTerms(t.title),
    terms: joinTerms(t.teaser),
  });
}

/** The document of a need for the public `needs` index, or null when it must not be there. */
export function needPublicDocument(need: NeedRow): NeedDocument | null {
  if (!(PUBLIC_NEED_STATUSES as readonly string[]).includes(need.status)) return null;
  switch (need.visibility) {
    case "PUBLIC":
      return fullNeedDocument(need, true);
    case "ANONYMOUS":
      return fullNeedDocument(need, false);
    case "CONFIDENTIAL":
      return teaserNeedDocument(need);
    default:
      return null; // BROKER_ONLY and anything unknown: never public
  }
}

/** The document of a need for the broker index (`needs_broker`), or null for drafts. */
export function needBrokerDocument(need: NeedRow): NeedDocument | null {
  if (need.status === "DRAFT") return null;
  return fullNeedDocument(need, true);
}

/** The document of a result for the `results` index, or null when it must not be there. */
export function resultDocument(result: ResultRow): ResultDocument | null {
  if (!(PUBLIC_RESULT_STATUSES as readonly string[]).includes(result.status)) return null;
  return withCounts({
    id: result.id,
    version: result.version,
    kind: "result" as const,
    title: result.title,
    summary: result.summary,
    description: result.description ?? null,
    keywords: [...result.keywords],
    field: result.field,
    lang: result.lang,
    status: result.status,
    trl: result.trl ?? null,
    collaborationModes: [...result.transferModes],
    region: result.organisation?.region ?? null,
    chainId: result.chainNode?.chainId ?? null,
    chainNodeId: result.chainNodeId ?? null,
    organisationId: result.organisationId,
    organisationName: result.organisation?.name ?? null,
    organisationVerified: Boolean(result.organisation?.verifiedAt),
    createdAt: result.createdAt.getTime(),
    publishedAt: result.createdAt.getTime(),
    titleTerms: joinTerms(result.title, result.keywords.join(" ")),
    terms: joinTerms(result.summary, result.description, result.advantages, result.applicationScenarios),
  });
}

/** What the matcher's companion index holds of a document (see matchIndexUid). */
export type MatchDocument = Pick<
  BaseDoc,
  | "id"
  | "version"
  | "title"
  | "field"
  | "lang"
  | "status"
  | "trl"
  | "collaborationModes"
  | "region"
  | "chainId"
  | "chainNodeId"
  | "organisationId"
  | "organisationName"
  | "organisationVerified"
  | "titleTerms"
  | "terms"
  | "titleTermCount"
  | "termCount"
> & { kind: "need" | "result"; visibility: string | null };

/** The match-index projection of a document: derived from the (already confidentiality-filtered) document. */
export function matchDocument(doc: SearchDocument): MatchDocument {
  return {
    id: doc.id,
    version: doc.version,
    kind: doc.kind,
    title: doc.title,
    field: doc.field,
    lang: doc.lang,
    status: doc.status,
    visibility: doc.kind === "need" ? doc.visibility : null,
    trl: doc.trl,
    collaborationModes: doc.collaborationModes,
    region: doc.region,
    chainId: doc.chainId,
    chainNodeId: doc.chainNodeId,
    organisationId: doc.organisationId,
    organisationName: doc.organisationName,
    organisationVerified: doc.organisationVerified,
    titleTerms: doc.titleTerms,
    terms: doc.terms,
    titleTermCount: doc.titleTermCount,
    termCount: doc.termCount,
  };
}
