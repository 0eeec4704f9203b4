// Shapes of the hand-written demo content. String unions mirror the Prisma enums in
// prisma/schema.prisma so this folder stays importable without the generated client.

export type DemoLang = "zh" | "en";
export type DemoRole = "COMPANY" | "RESEARCHER" | "BROKER" | "ADMIN" | "ANALYST";
export type DemoOrgKind = "COMPANY" | "UNIVERSITY" | "TTO" | "GOVERNMENT";
export type DemoVisibility = "PUBLIC" | "ANONYMOUS" | "CONFIDENTIAL" | "BROKER_ONLY";
export type DemoMode = "LICENCE" | "ASSIGNMENT" | "CO_DEVELOPMENT" | "COMMISSIONED_RD" | "TECHNICAL_SERVICE" | "EQUITY" | "CONSULTING";

export interface DemoOrganisation {
  id: string;
  name: string;
  kind: DemoOrgKind;
  region: string;
}

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: DemoRole;
  locale: DemoLang;
  organisationId: string;
  isOrgAdmin: boolean;
}

export interface DemoNeed {
  id: string;
  /** Organisation id; the author defaults to that organisation's admin. */
  org: string;
  author?: string;
  lang: DemoLang;
  title: string;
  description: string;
  field: string;
  keywords: string[];
  chainNodeId: string;
  trlTarget: number;
  budgetMinCny: number;
  budgetMaxCny: number;
  collaborationModes: DemoMode[];
  /** Defaults to the organisation's region. */
  region?: string;
  /** Defaults to PUBLIC. */
  visibility?: DemoVisibility;
  /** Public summary shown instead of the details; required for CONFIDENTIAL needs. */
  teaser?: string;
  /** Broker (user id) assigned to follow the need up. */
  broker?: string;
}

export interface DemoResult {
  id: string;
  org: string;
  author?: string;
  lang: DemoLang;
  title: string;
  summary: string;
  description: string;
  field: string;
  keywords: string[];
  chainNodeId: string;
  trl: number;
  transferModes: DemoMode[];
  externalId?: string;
  /**
   * Needs this result was written to answer (ground truth for demonstrating and evaluating the
   * matcher). Not stored in the database.
   */
  matches?: string[];
}
