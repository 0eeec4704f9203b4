// Match notifications: which kind, with which params (pure). The words are
// messages/<locale>/notificationTexts.json `need-match`, `result-match`, `saved-search`, chosen when
// the notification is read, in the reader's language then.
//
// Confidentiality: a need is described ONLY from the NeedView the recipient may see
// (presentNeed(recipient, row)), and even then only by its title, teaser and field: never the
// description. A notification's params are stored once, so they must stay safe even if the need
// later becomes confidential.
import { presentNeed, type NeedRow, type NeedView } from "@/lib/needs/present-need";
import type { Actor } from "@/lib/policy";
import type { NotificationParams } from "./notify";

export type NoticeKind = "need-match" | "result-match" | "saved-search";
export type Notice = { kind: NoticeKind; params: NotificationParams; link: string; dedupeKey: string };

/** One per (researcher, need): the same need is never announced to a researcher twice. */
export const needMatchKey = (needId: string) => `need:${needId}`;
/** One per (need owner, need, result). */
export const resultMatchKey = (needId: string, resultId: string) => `result:${needId}:${resultId}`;
/** One per (saved search, hit). */
export const savedSearchKey = (savedSearchId: string, hitId: string) => `saved:${savedSearchId}:${hitId}`;

/** The value a text's `{x, select, none {...} other {...}}` reads as "nothing to show". */
const NONE = "none";
const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export type NeedMatchReason = { resultTitle: string } | { expertise: true };

/** Tells a researcher about a need (built from what the researcher may see of it). */
export function needMatchNotice(need: Pick<NeedView, "id" | "title" | "teaser" | "field">, reason: NeedMatchReason): Notice {
  return {
    kind: "need-match",
    params: {
      need: need.title,
      result: "resultTitle" in reason ? reason.resultTitle : NONE,
      teaser: need.teaser ? clip(need.teaser) : NONE,
      field: need.field,
    },
    link: `/needs/${need.id}`,
    dedupeKey: needMatchKey(need.id),
  };
}

/**
 * The notice a recipient gets about a need, or null when they may not even know it exists
 * (BROKER_ONLY needs for non-brokers, drafts): built through presentNeed, never from the raw row.
 */
export function needNoticeFor(recipient: Actor, row: Omit<NeedRow, "accessRequests" | "introductions">, reason: NeedMatchReason): Notice | null {
  // As if the recipient held no access grant: a stored notice must not depend on one (grants expire).
  const view = presentNeed(recipient, { ...row, accessRequests: [], introductions: [] }, "summary");
  return view ? needMatchNotice(view, reason) : null;
}

/** Tells a need's owner about a research result that matches it. */
export function resultMatchNotice(
  need: { id: string; title: string },
  result: { id: string; title: string; organisationName: string | null; organisationVerified: boolean | null; field: string },
): Notice {
  return {
    kind: "result-match",
    params: {
      result: result.title,
      need: need.title,
      org: result.organisationName ?? NONE,
      // The "unverified" mark follows a name until a platform admin verifies the organisation.
      verified: result.organisationVerified === false ? "no" : "yes",
      field: result.field,
    },
    link: `/results/${result.id}`,
    dedupeKey: resultMatchKey(need.id, result.id),
  };
}

/** Tells a user about a new hit of one of their saved searches (a hit of their own, viewer-aware search). */
export function savedSearchNotice(
  search: { id: string; name: string },
  hit: { id: string; kind: "need" | "result"; title: string; teaser: string | null; summary: string | null },
): Notice {
  const snippet = hit.kind === "need" ? hit.teaser : hit.summary;
  return {
    kind: "saved-search",
    params: { search: search.name, title: hit.title, snippet: snippet ? clip(snippet) : NONE },
    link: `/${hit.kind === "need" ? "needs" : "results"}/${hit.id}`,
    dedupeKey: savedSearchKey(search.id, hit.id),
  };
}
