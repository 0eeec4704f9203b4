import { z } from "zod";
import { ChallengeApplicationStatus, ChallengeMilestoneStatus, ChallengeStatus } from "@/lib/generated/prisma/enums";
import type { listMyApplications } from "@/lib/challenges/applications";
import type { getProject } from "@/lib/challenges/milestones";
import type { ChallengeView, getApplicationView } from "@/lib/challenges/queries";
import type { getReviewBoard, getScoreBoard } from "@/lib/challenges/review";
import type { Equal } from "./response-schemas";

// What the challenge endpoints (揭榜挂帅, issue 15) return, as zod schemas: documented in OpenAPI,
// checked against the presenters' types below (a field added to a view without its schema does not
// compile) and parsed with under tests (defineOperation's json).
const isoDate = z.string().describe("ISO 8601 timestamp");
const challengeStatus = z.enum(ChallengeStatus);
const applicationStatus = z.enum(ChallengeApplicationStatus);
const milestoneStatus = z.enum(ChallengeMilestoneStatus);
const criterion = z.object({ key: z.string(), name: z.string(), weight: z.number().describe("Percent; the weights sum to 100") });
const fileSchema = z.object({
  id: z.string().describe("Download with GET /api/attachments/{id} (same circle as the application)"),
  fileName: z.string().describe("Under blind review experts get a neutral name (attachment-1.pdf)"),
  sizeBytes: z.number().int(),
});
const planMilestone = z.object({ title: z.string(), deliverables: z.string(), dueAt: z.string(), amountCny: z.number() });

export const challengeViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  teaser: z.string(),
  field: z.string(),
  keywords: z.array(z.string()),
  region: z.string().nullable(),
  chainNode: z.object({ id: z.string(), chainId: z.string(), nameZh: z.string(), nameEn: z.string() }).nullable(),
  bountyTotalCny: z.number(),
  milestoneSplit: z.array(z.object({ title: z.string(), percent: z.number() })),
  applicationDeadline: isoDate,
  durationMonths: z.number().int(),
  visibility: z.enum(["PUBLIC", "CONFIDENTIAL"]),
  status: challengeStatus,
  version: z.number().int().describe("Send it back with every change (409 when stale)"),
  publishedAt: isoDate.nullable(),
  completedAt: isoDate.nullable(),
  applicationCount: z.number().int().describe("How many applications (never their content)"),
  timeline: z
    .object({
      publishedAt: isoDate.nullable(),
      applicationDeadline: isoDate,
      closedAt: isoDate.nullable(),
      awardedAt: isoDate.nullable(),
      milestones: z.object({ total: z.number().int(), accepted: z.number().int(), lastAcceptedAt: isoDate.nullable(), nextDueAt: isoDate.nullable() }),
      completedAt: isoDate.nullable(),
      cancelledAt: isoDate.nullable(),
      evaluatedAt: z.array(z.object({ monthsAfter: z.number().int(), at: isoDate })).describe("Empty unless the caller reads the details"),
    })
    .describe("Call → applications → review → award → milestones → completion → evaluation"),
  access: z.enum(["full", "teaser"]),
  details: z
    .object({
      sponsor: z.string(),
      problem: z.string(),
      indicators: z.array(z.object({ key: z.string(), name: z.string(), target: z.string(), verification: z.string() })),
      eligibility: z.object({ orgKinds: z.array(z.string()), regions: z.array(z.string()), qualifications: z.string() }),
      criteria: z.array(criterion),
      blindReview: z.boolean(),
      needIds: z.array(z.string()),
      outcomes: z.array(
        z.object({
          monthsAfter: z.number().int(),
          indicatorsReached: z.array(z.object({ key: z.string(), measured: z.string(), reached: z.boolean() })),
          products: z.string().nullable(),
          patentsFiled: z.number().int().nullable(),
          revenueCny: z.number().nullable(),
          followOnContracts: z.number().int().nullable(),
          contractRegistrationNo: z.string().nullable().describe("技术合同登记 number"),
          notes: z.string().nullable(),
          recordedAt: isoDate,
        }),
      ),
    })
    .nullable()
    .describe("null for a CONFIDENTIAL challenge before the caller accepted its NDA"),
  may: z.object({ edit: z.boolean(), manage: z.boolean(), review: z.boolean(), seeMatches: z.boolean(), acceptNda: z.boolean(), apply: z.boolean() }),
  myApplicationId: z.string().nullable(),
});

export const challengeListSchema = z.object({
  items: z.array(challengeViewSchema.extend({ details: z.null() })).describe("Teaser views (a list never carries the problem text)"),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const applicationViewSchema = z.object({
  id: z.string(),
  status: applicationStatus,
  version: z.number().int(),
  createdAt: isoDate,
  challenge: z.object({ id: z.string(), title: z.string(), status: challengeStatus, applicationDeadline: isoDate }),
  applicant: z.object({ name: z.string(), organisation: z.string().nullable() }).nullable().describe("null for experts under blind review"),
  team: z.array(z.object({ name: z.string(), organisation: z.string().nullable(), role: z.string().nullable() })),
  approach: z.string(),
  results: z.array(z.object({ id: z.string(), title: z.string() })),
  planMilestones: z.array(planMilestone),
  budgetCny: z.number(),
  decisionReason: z.string().nullable(),
  files: z.array(fileSchema),
  questions: z.array(
    z.object({
      id: z.string(),
      askedBy: z.enum(["sponsor", "panel", "you"]),
      question: z.string(),
      askedAt: isoDate,
      answer: z.string().nullable(),
      answeredAt: isoDate.nullable(),
      mayAnswer: z.boolean(),
    }),
  ),
  may: z.object({ withdraw: z.boolean(), attach: z.boolean(), ask: z.boolean(), answer: z.boolean() }),
});

export const myApplicationsSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      status: applicationStatus,
      version: z.number().int(),
      createdAt: isoDate,
      challenge: z.object({ id: z.string(), title: z.string(), status: challengeStatus, applicationDeadline: isoDate }),
    }),
  ),
});

export const projectSchema = z.object({
  application: z.object({ id: z.string(), applicant: z.string().nullable() }),
  challenge: z.object({ id: z.string(), title: z.string(), status: challengeStatus }),
  may: z.object({ submit: z.boolean(), decide: z.boolean(), pay: z.boolean() }),
  milestones: z.array(
    z.object({
      id: z.string(),
      seq: z.number().int(),
      title: z.string(),
      deliverables: z.string(),
      dueAt: isoDate,
      amountCny: z.number(),
      status: milestoneStatus,
      version: z.number().int(),
      submissionNote: z.string().nullable(),
      submittedAt: isoDate.nullable(),
      decisionReason: z.string().nullable(),
      decidedAt: isoDate.nullable(),
      paidAmountCny: z.number().nullable(),
      paidAt: isoDate.nullable(),
      late: z.boolean(),
      files: z.array(fileSchema).describe("The deliverables submitted with it"),
    }),
  ),
});

const criterionMean = z.object({ key: z.string(), mean: z.number().nullable(), min: z.number().nullable(), max: z.number().nullable() });

export const scoreBoardSchema = z
  .object({
    challenge: z.object({ id: z.string(), title: z.string(), status: challengeStatus, version: z.number().int(), criteria: z.array(criterion) }),
    panel: z.array(z.object({ id: z.string(), name: z.string(), conflicts: z.array(z.string()), scored: z.boolean() })),
    items: z.array(
      z.object({
        id: z.string(),
        status: applicationStatus,
        version: z.number().int(),
        applicant: z.string(),
        organisation: z.string().nullable(),
        team: z.array(z.string()),
        approach: z.string(),
        budgetCny: z.number(),
        decisionReason: z.string().nullable(),
        score: z.number().nullable().describe("Mean of the complete experts' weighted totals, 0..100"),
        spread: z.object({ range: z.number(), stdDev: z.number() }).nullable(),
        experts: z.number().int(),
        incomplete: z.number().int(),
        criteria: z.array(criterionMean),
        comments: z.array(z.object({ criterionKey: z.string(), comment: z.string() })),
      }),
    ),
  })
  .describe("The sponsor's score board");

export const reviewBoardSchema = z
  .object({
    challenge: z.object({ id: z.string(), title: z.string(), status: challengeStatus, blindReview: z.boolean(), criteria: z.array(criterion) }),
    items: z.array(
      z.object({
        id: z.string(),
        label: z.string().nullable().describe("null under blind review"),
        blindIndex: z.number().int(),
        approach: z.string(),
        budgetCny: z.number(),
        planMilestones: z.array(planMilestone),
        status: applicationStatus,
        scores: z.array(z.object({ criterionKey: z.string(), score: z.number().int(), comment: z.string().nullable() })),
      }),
    ),
    conflicted: z.array(z.string()).describe("Ids of the applications the expert declared a conflict on"),
  })
  .describe("A panel member's review board");

export const challengeApplicationsSchema = z.union([scoreBoardSchema, reviewBoardSchema]);

// Small answers of the write endpoints.
export const versionResultSchema = z.strictObject({ version: z.number().int().describe("The row's version after the change") });
export const movedSchema = z.strictObject({ status: z.string().describe("The state moved to (OPEN, REVIEW or CANCELLED)"), version: z.number().int() });
export const createdIdSchema = z.strictObject({ id: z.string() });
export const createdApplicationSchema = z.strictObject({ id: z.string(), version: z.number().int() });
export const declaredSchema = z.strictObject({ declared: z.literal(true) });
export const removedSchema = z.strictObject({ removed: z.literal(true) });
export const savedScoresSchema = z.strictObject({ saved: z.number().int() });
export const acceptedSchema = z.strictObject({ accepted: z.literal(true) });
export const ndaTextSchema = z.strictObject({ text: z.string(), textSha256: z.string() });
export const decisionResultSchema = z.strictObject({ version: z.number().int(), challengeCompleted: z.boolean() });

const challengeViewMatches: Equal<z.output<typeof challengeViewSchema>, ChallengeView> = true;
const applicationViewMatches: Equal<z.output<typeof applicationViewSchema>, Awaited<ReturnType<typeof getApplicationView>>> = true;
const myApplicationsMatch: Equal<z.output<typeof myApplicationsSchema>["items"], Awaited<ReturnType<typeof listMyApplications>>> = true;
const projectMatches: Equal<z.output<typeof projectSchema>, Awaited<ReturnType<typeof getProject>>> = true;
const scoreBoardMatches: Equal<z.output<typeof scoreBoardSchema>, Awaited<ReturnType<typeof getScoreBoard>>> = true;
const reviewBoardMatches: Equal<z.output<typeof reviewBoardSchema>, Awaited<ReturnType<typeof getReviewBoard>>> = true;
void [challengeViewMatches, applicationViewMatches, myApplicationsMatch, projectMatches, scoreBoardMatches, reviewBoardMatches];
