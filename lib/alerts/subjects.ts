// What of a need the matcher may use when the outcome reaches people who may not read it in full.
// Pure.
import type { MatchSubject } from "@/lib/matching/matcher";
import type { Need } from "@/lib/generated/prisma/client";
import { teaserOf } from "@/lib/needs/teaser";

export type NeedForSubject = Pick<
  Need,
  "title" | "teaser" | "teaserFields" | "description" | "keywords" | "visibility" | "field" | "trlTarget" | "collaborationModes" | "region" | "chainNodeId"
> & { chainNode: { chainId: string } | null };

/**
 * The need as researchers may see it: PUBLIC/ANONYMOUS in full, CONFIDENTIAL by its teaser
 * (teaserOf: title, teaser text and the teaser fields its owner chose to show), BROKER_ONLY not at all (null). Matching
 * on this, rather than the full text, means that neither a notification's text nor the mere fact
 * that a researcher was told derives from confidential content.
 */
export function researcherVisibleSubject(need: NeedForSubject): MatchSubject | null {
  const chain = { chainId: need.chainNode?.chainId ?? null, chainNodeId: need.chainNodeId, field: need.field };
  switch (need.visibility) {
    case "PUBLIC":
    case "ANONYMOUS":
      return {
        text: { title: need.title, body: [need.teaser, need.description].filter(Boolean).join("\n"), keywords: need.keywords },
        structured: { ...chain, trl: need.trlTarget, collaborationModes: need.collaborationModes, region: need.region },
      };
    case "CONFIDENTIAL": {
      const t = teaserOf(need);
      return {
        text: { title: t.title, body: t.teaser ?? "", keywords: [] },
        structured: { ...chain, trl: t.trlTarget, collaborationModes: t.collaborationModes, region: t.region },
      };
    }
    default:
      return null;
  }
}
