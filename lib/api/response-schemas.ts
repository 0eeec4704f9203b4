import { z } from "zod";
import { errorStatus, type ErrorCode } from "@/lib/errors";
import type { NeedView } from "@/lib/needs/present-need";
import type { ResultView } from "@/lib/results/present-result";
import type { Match } from "@/lib/matching/matcher";
import type { CatalogHit } from "@/lib/search/search";
import { OPTIONAL_TEASER_FIELDS } from "@/lib/needs/teaser-fields";
import { visibilitySchema } from "@/lib/validation/common";

// What the API returns, as zod schemas: the OpenAPI document is generated from them, the
// compile-time checks below fail when NeedView / ResultView change without them, and the
// integration tests parse real responses with them.

const chainNodeSchema = z
  .object({ id: z.string(), chainId: z.string(), nameZh: z.string(), nameEn: z.string() })
  .describe("Industry chain node the item belongs to");
const organisationRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  verified: z.boolean().describe("false until a platform admin has checked the organisation's registration code: show it as unverified"),
});
const isoDate = z.string().describe("ISO 8601 timestamp");

export const needViewSchema = z
  .object({
    id: z.string(),
    access: z
      .enum(["full", "teaser"])
      .describe(
        '"teaser": the caller may know the need exists but not read it here (a CONFIDENTIAL need without a live access grant; lists always show CONFIDENTIAL and BROKER_ONLY needs as teasers); description and keywords are withheld, and TRL, budget, region and modes unless the owner put them in the teaser',
      ),
    title: z.string(),
    teaser: z.string().nullable().describe("Public summary; required for CONFIDENTIAL needs"),
    description: z.string().nullable().describe("null when access is teaser"),
    field: z.string(),
    keywords: z.array(z.string()).describe("Empty when access is teaser"),
    lang: z.enum(["zh", "en"]),
    visibility: visibilitySchema.describe(
      "PUBLIC: everyone signed in; ANONYMOUS: readable, company hidden; CONFIDENTIAL: others see a teaser only; BROKER_ONLY: owner organisation and brokers only",
    ),
    status: z.enum(["DRAFT", "SUBMITTED", "PUBLISHED", "IN_PROGRESS", "SOLVED", "CLOSED", "EXPIRED"]),
    trlTarget: z.number().int().nullable(),
    budgetMinCny: z.number().int().nullable(),
    budgetMaxCny: z.number().int().nullable(),
    collaborationModes: z.array(z.string()).describe("Empty when access is teaser"),
    region: z.string().nullable(),
    triedSoFar: z.string().nullable().describe("What the company tried and why it fell short; null when access is teaser"),
    desiredOutcome: z.string().nullable().describe("null when access is teaser"),
    acceptanceCriteria: z.string().nullable().describe("Measurable acceptance criteria; null when access is teaser"),
    constraints: z.string().nullable().describe("Cost, size, certification, regulation; null when access is teaser"),
    deadline: isoDate.nullable(),
    reconfirmBy: isoDate.nullable().describe("Owners only: the date by which the need must be re-confirmed or it expires"),
    chainNode: chainNodeSchema.nullable(),
    organisation: organisationRefSchema.nullable().describe("null unless the caller may see who posted the need"),
    isOwner: z.boolean(),
    settings: z
      .object({
        teaserFields: z.array(z.enum(OPTIONAL_TEASER_FIELDS)).describe("Optional fields shown in a confidential need's teaser"),
        accessDays: z.number().int().describe("Days an approved access grant lasts"),
      })
      .nullable()
      .describe("Owner-side settings; null unless the caller decides on access to this need"),
    version: z.number().int().describe("Bumped on every change"),
    createdAt: isoDate,
    updatedAt: isoDate,
  })
  .describe("A need (技术需求) as the caller may see it");

export const resultViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    summary: z.string(),
    description: z.string().nullable(),
    field: z.string(),
    keywords: z.array(z.string()),
    lang: z.enum(["zh", "en"]),
    status: z.string().describe("DRAFT | PUBLISHED | WITHDRAWN | EXPIRED (not confirmed within 90 days)"),
    trl: z.number().int().nullable(),
    transferModes: z.array(z.string()),
    advantages: z.string().nullable(),
    applicationScenarios: z.string().nullable(),
    patents: z.array(
      z.object({
        number: z.string(),
        type: z.enum(["INVENTION", "UTILITY_MODEL", "DESIGN"]),
        status: z.enum(["GRANTED", "PENDING"]),
        jurisdiction: z.string(),
      }),
    ),
    priceExpectation: z.string().nullable(),
    lab: z.string().nullable(),
    team: z.string().nullable(),
    externalId: z.string().nullable().describe("The owner's own id (bulk import updates by it)"),
    chainNode: chainNodeSchema.nullable(),
    organisation: organisationRefSchema,
    isOwner: z.boolean(),
    reconfirmBy: isoDate.nullable().describe("Owners only: the date by which the result must be confirmed as still available, or it expires"),
    version: z.number().int(),
    createdAt: isoDate,
  })
  .describe("A research result (科技成果)");

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int().describe("Items visible to the caller, over all pages"),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const needPageSchema = pageOf(needViewSchema);
export const resultPageSchema = pageOf(resultViewSchema);

const segmentsSchema = z
  .array(z.object({ text: z.string(), match: z.boolean() }))
  .describe("Plain-text segments; match: true marks the words that matched the query");

export const catalogHitSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["need", "result"]),
    title: z.string(),
    teaser: z.string().nullable(),
    summary: z.string().nullable(),
    field: z.string(),
    lang: z.enum(["zh", "en"]),
    trl: z.number().int().nullable().describe("TRL of a result, target TRL of a need"),
    visibility: z.string().nullable(),
    status: z.string(),
    chainId: z.string().nullable(),
    chainNodeId: z.string().nullable(),
    region: z.string().nullable(),
    collaborationModes: z.array(z.string()),
    organisationName: z.string().nullable().describe("null for anonymous and confidential needs"),
    organisationVerified: z
      .boolean()
      .nullable()
      .describe("false: the organisation is not verified by the platform yet (show it as such); null where no name is shown"),
    publishedAt: z.number().int().nullable().describe("Unix time in milliseconds"),
    highlights: z.object({ title: segmentsSchema, snippet: segmentsSchema }),
  })
  .describe("One search hit: only what the caller may see of the item (GET the item for the rest)");

export const searchPageSchema = z.object({
  items: z.array(catalogHitSchema),
  total: z.number().int().describe("Estimated number of hits over all pages"),
  page: z.number().int(),
  limit: z.number().int(),
  totalPages: z.number().int(),
});

export const matchSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["need", "result"]),
    score: z.number().min(0).max(0.95).describe("Calibrated probability (0-0.95) that the match is relevant; the same scale for every need"),
    evidence: z
      .object({ channel: z.enum(["word", "gram"]), share: z.number() })
      .describe("The need-independent evidence the score was read from: word or character channel, share of the best reachable score"),
    title: z.string(),
    lang: z.enum(["zh", "en"]),
    field: z.string(),
    trl: z.number().int().nullable(),
    organisationName: z.string().nullable(),
    organisationVerified: z
      .boolean()
      .nullable()
      .describe("false: the organisation is not verified by the platform yet (show it as such); null where unknown or no name is shown"),
    version: z.number().int().nullable().describe("Version of the matched item's index document"),
    explanation: z
      .object({
        matchedTerms: z
          .array(z.object({ needTerm: z.string(), resultTerm: z.string() }))
          .describe("Words that matched, as written in the need and in the result (they differ across Chinese and English)"),
        sameChainNode: z.boolean(),
        sameChain: z.boolean(),
        sameField: z.boolean(),
        trlFit: z.boolean().nullable().describe("Whether the result's TRL reaches the need's target; null when either is unknown"),
        sharedModes: z.array(z.string()),
        sameRegion: z.boolean(),
      })
      .describe("Why this item matched"),
  })
  .describe("A research result matching a need");

export const matchListSchema = z.object({
  needId: z.string(),
  items: z.array(matchSchema).describe("Best first"),
});

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
      message: z.string().describe("Safe to show to users; English when Accept-Language starts with en, else Chinese"),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .describe('Validation errors per field ("budgetMinCny", "keywords.0", "_" for the whole body)'),
    }),
  })
  .describe("Every error response");

// Compile-time drift guards: the schemas must describe exactly what the presenters return.
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const needViewMatches: Equal<z.output<typeof needViewSchema>, NeedView> = true;
const resultViewMatches: Equal<z.output<typeof resultViewSchema>, ResultView> = true;
void needViewMatches;
void resultViewMatches;
const catalogHitMatches: Equal<z.output<typeof catalogHitSchema>, CatalogHit> = true;
void catalogHitMatches;
const matchMatches: Equal<z.output<typeof matchSchema>, Match> = true;
void matchMatches;
