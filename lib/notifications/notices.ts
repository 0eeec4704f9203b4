// The texts of match notifications, in the recipient's language. Pure.
//
// Confidentiality: a need is described ONLY from the NeedView the recipient may see
// (presentNeed(recipient, row)), and even then only by its title, teaser and field: never the
// description. A notification is stored (and emailed) once, so it must stay safe even if the
// need later becomes confidential.
import { orgNameText } from "@/lib/orgs/org-name-text";
import { presentNeed, type NeedRow, type NeedView } from "@/lib/needs/present-need";
import type { Actor } from "@/lib/policy";

export type Lang = "zh" | "en";
export type NoticeKind = "need-match" | "result-match" | "saved-search";
export type Notice = { kind: NoticeKind; title: string; body: string; link: string; dedupeKey: string };

/** One per (researcher, need): the same need is never announced to a researcher twice. */
export const needMatchKey = (needId: string) => `need:${needId}`;
/** One per (need owner, need, result). */
export const resultMatchKey = (needId: string, resultId: string) => `result:${needId}:${resultId}`;
/** One per (saved search, hit). */
export const savedSearchKey = (savedSearchId: string, hitId: string) => `saved:${savedSearchId}:${hitId}`;

const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export type NeedMatchReason = { resultTitle: string } | { expertise: true };

/** Tells a researcher about a need (built from what the researcher may see of it). */
export function needMatchNotice(lang: Lang, need: Pick<NeedView, "id" | "title" | "teaser" | "field">, reason: NeedMatchReason): Notice {
  const why =
    "resultTitle" in reason
      ? lang === "en"
        ? `It matches your research result “${reason.resultTitle}”.`
        : `与您的科研成果「${reason.resultTitle}」相匹配。`
      : lang === "en"
        ? "It matches your expertise profile."
        : "与您的专长档案相匹配。";
  const field = lang === "en" ? `Field: ${need.field}` : `技术领域：${need.field}`;
  return {
    kind: "need-match",
    title: clip(lang === "en" ? `New need for you: ${need.title}` : `新需求与您匹配：${need.title}`, 200),
    body: [why, need.teaser ? clip(need.teaser) : null, field].filter(Boolean).join("\n"),
    link: `/needs/${need.id}`,
    dedupeKey: needMatchKey(need.id),
  };
}

/**
 * The notice a recipient gets about a need, or null when they may not even know it exists
 * (BROKER_ONLY needs for non-brokers, drafts): built through presentNeed, never from the raw row.
 */
export function needNoticeFor(
  recipient: Actor & { locale: Lang },
  row: Omit<NeedRow, "accessRequests" | "introductions">,
  reason: NeedMatchReason,
): Notice | null {
  // As if the recipient held no access grant: a stored notice must not depend on one (grants expire).
  const view = presentNeed(recipient, { ...row, accessRequests: [], introductions: [] }, "summary");
  return view ? needMatchNotice(recipient.locale, view, reason) : null;
}

/** Tells a need's owner about a research result that matches it. */
export function resultMatchNotice(
  lang: Lang,
  need: { id: string; title: string },
  result: { id: string; title: string; organisationName: string | null; organisationVerified: boolean | null; field: string },
): Notice {
  const org = result.organisationName ? orgNameText(result.organisationName, result.organisationVerified, lang) : null;
  const by = org ? (lang === "en" ? ` by ${org}` : `（${org}）`) : "";
  return {
    kind: "result-match",
    title: clip(lang === "en" ? `A research result matches your need: ${result.title}` : `科研成果匹配您的需求：${result.title}`, 200),
    body:
      lang === "en"
        ? `“${result.title}”${by} matches your need “${need.title}”.\nField: ${result.field}`
        : `「${result.title}」${by}与您的需求「${need.title}」相匹配。\n技术领域：${result.field}`,
    link: `/results/${result.id}`,
    dedupeKey: resultMatchKey(need.id, result.id),
  };
}

/** Tells a user about a new hit of one of their saved searches (a hit of their own, viewer-aware search). */
export function savedSearchNotice(
  lang: Lang,
  search: { id: string; name: string },
  hit: { id: string; kind: "need" | "result"; title: string; teaser: string | null; summary: string | null },
): Notice {
  const snippet = hit.kind === "need" ? hit.teaser : hit.summary;
  return {
    kind: "saved-search",
    title: clip(lang === "en" ? `New for “${search.name}”: ${hit.title}` : `「${search.name}」有新内容：${hit.title}`, 200),
    body: snippet ? clip(snippet) : lang === "en" ? "A new hit for your saved search." : "您保存的搜索有新结果。",
    link: `/${hit.kind === "need" ? "needs" : "results"}/${hit.id}`,
    dedupeKey: savedSearchKey(search.id, hit.id),
  };
}
