// Subjects of matching: a row of each kind turned into what the matcher reads (text + structured
// fields), and what of a need the matcher may use when the outcome reaches people who may not read
// it in full. Pure.
import type { Need, Result } from "@/lib/generated/prisma/client";
import type { MatchSubject } from "./types";
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

export type NeedSubjectRow = Pick<
  Need,
  "title" | "teaser" | "description" | "keywords" | "chainNodeId" | "field" | "trlTarget" | "collaborationModes" | "region"
> & {
  chainNode: { chainId: string } | null;
};

/** A need in full (title, teaser, description) as the subject of matching. */
export function needMatchSubject(need: NeedSubjectRow): MatchSubject {
  return {
    text: { title: need.title, body: [need.teaser, need.description].filter(Boolean).join("\n"), keywords: need.keywords },
    structured: {
      chainId: need.chainNode?.chainId ?? null,
      chainNodeId: need.chainNodeId,
      field: need.field,
      trl: need.trlTarget,
      collaborationModes: need.collaborationModes,
      region: need.region,
    },
  };
}

type ResultSubjectRow = Pick<Result, "title" | "summary" | "description" | "keywords" | "chainNodeId" | "field" | "trl" | "transferModes"> & {
  chainNode: { chainId: string } | null;
  organisation: { region: string | null } | null;
};

/** A research result (title, summary, description) as the subject of matching. */
export function resultMatchSubject(result: ResultSubjectRow): MatchSubject {
  return {
    text: { title: result.title, body: [result.summary, result.description].filter(Boolean).join("\n"), keywords: result.keywords },
    structured: {
      chainId: result.chainNode?.chainId ?? null,
      chainNodeId: result.chainNodeId,
      field: result.field,
      trl: result.trl,
      collaborationModes: result.transferModes,
      region: result.organisation?.region ?? null,
    },
  };
}

export type ChallengeSubjectRow = {
  title: string;
  teaser: string;
  problem: string;
  keywords: string[];
  visibility: string;
  field: string;
  region: string | null;
  chainNodeId: string | null;
  chainNode: { chainId: string } | null;
};

/**
 * A challenge (揭榜挂帅 call) as the subject of matching: what every solver may read of it, that is
 * the title, teaser and keywords, and the problem statement only when the call is PUBLIC (a
 * CONFIDENTIAL call's problem is behind its NDA). Its matches reach researchers as notifications,
 * so neither their text nor the fact of being told may derive from confidential content.
 */
export function challengeMatchSubject(challenge: ChallengeSubjectRow): MatchSubject {
  const body = [challenge.teaser, challenge.visibility === "PUBLIC" ? challenge.problem : null].filter(Boolean).join("\n");
  return {
    text: { title: challenge.title, body, keywords: challenge.keywords },
    structured: {
      chainId: challenge.chainNode?.chainId ?? null,
      chainNodeId: challenge.chainNodeId,
      field: challenge.field,
      trl: null,
      collaborationModes: null,
      region: challenge.region,
    },
  };
}
