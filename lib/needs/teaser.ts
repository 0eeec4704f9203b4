// What a confidential need's teaser shows, decided once: the search documents, the matching
// subject researchers are told about and presentNeed all take it from here, so a field cannot
// appear in one and stay hidden in another. Pure.
import { OPTIONAL_TEASER_FIELDS, type TeaserField } from "./teaser-fields";

export type TeaserSource<Mode extends string = string> = {
  title: string;
  teaser: string | null;
  field: string;
  chainNodeId?: string | null;
  /** The optional fields the owner put in the teaser (Need.teaserFields). */
  teaserFields: readonly string[];
  trlTarget: number | null;
  budgetMinCny?: number | null;
  budgetMaxCny?: number | null;
  collaborationModes: readonly Mode[];
  region: string | null;
};

/** Title, teaser text, chain node and field always; TRL, budget, modes and region only as listed. */
export type NeedTeaser<Mode extends string = string> = {
  title: string;
  teaser: string | null;
  field: string;
  chainNodeId: string | null;
  trlTarget: number | null;
  budgetMinCny: number | null;
  budgetMaxCny: number | null;
  collaborationModes: Mode[];
  region: string | null;
};

export function isTeaserField(f: string): f is TeaserField {
  return (OPTIONAL_TEASER_FIELDS as readonly string[]).includes(f);
}

/** The teaser fields a need's owner chose to show, without unknown entries. */
export function teaserFieldsOf(need: { teaserFields: readonly string[] }): TeaserField[] {
  return (need.teaserFields ?? []).filter(isTeaserField);
}

export function teaserOf<Mode extends string>(need: TeaserSource<Mode>): NeedTeaser<Mode> {
  const shown = new Set(teaserFieldsOf(need));
  return {
    title: need.title,
    teaser: need.teaser ?? null,
    field: need.field,
    chainNodeId: need.chainNodeId ?? null,
    trlTarget: shown.has("trlTarget") ? (need.trlTarget ?? null) : null,
    budgetMinCny: shown.has("budget") ? (need.budgetMinCny ?? null) : null,
    budgetMaxCny: shown.has("budget") ? (need.budgetMaxCny ?? null) : null,
    collaborationModes: shown.has("collaborationModes") ? [...need.collaborationModes] : [],
    region: shown.has("region") ? (need.region ?? null) : null,
  };
}
