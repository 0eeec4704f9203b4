"use client";
import { Link } from "@/i18n/navigation";
import { UnverifiedBadge } from "@/components/orgs/unverified-badge";

/**
 * Highlighted text, compact: a string is shown as it is (no highlight); an array alternates plain
 * text and matches, starting with plain text (["", "电池", "管理"]: "电池" is a match). Rendered
 * as text, never as HTML.
 */
export type CompactText = string | string[];

/** One hit as the search page shows it: only what is rendered, nothing else of the hit. */
export type HitRow = {
  id: string;
  title: CompactText;
  /** The organisation's name, or the placeholder shown for a need whose owner is hidden ("" none). */
  org: string;
  /** Show the organisation's "unverified" mark. */
  unverified?: true;
  field: string;
  trl: number | null;
  snippet: CompactText;
};

/**
 * The search page's hit list: one client component fed a compact list, instead of each hit's
 * elements and links serialised one by one into the page's RSC payload (issue 18: the page's
 * server time was React rendering the HTML and the payload, each hit twice). The HTML it renders
 * is the list the server component rendered before.
 */
export function HitList({ base, hits, unverified }: { base: string; hits: HitRow[]; unverified: { label: string; help: string } }) {
  return (
    <ul className="space-y-3" data-testid="search-hits">
      {hits.map((hit) => (
        <li key={hit.id} className="rounded-lg bg-white p-4 shadow-sm">
          <Link href={`${base}/${hit.id}`} className="text-lg font-medium text-brand-700 hover:underline">
            <Text value={hit.title} />
          </Link>
          <p className="mt-1 text-sm text-slate-500">
            {hit.org}
            {hit.unverified && <UnverifiedBadge label={unverified.label} help={unverified.help} />} · {hit.field}
            {hit.trl ? ` · TRL ${hit.trl}` : ""}
          </p>
          <p className="mt-2 line-clamp-2 text-sm text-slate-700">
            <Text value={hit.snippet} />
          </p>
        </li>
      ))}
    </ul>
  );
}

function Text({ value }: { value: CompactText }) {
  if (typeof value === "string") return <>{value}</>;
  return (
    <>
      {value.map((text, i) =>
        text === "" ? null : i % 2 === 1 ? (
          <mark key={i} className="bg-yellow-100 px-0.5">
            {text}
          </mark>
        ) : (
          <span key={i}>{text}</span>
        ),
      )}
    </>
  );
}
