import { z } from "zod";
import { OrgKind } from "@/lib/generated/prisma/enums";
import { keywordsSchema, optionalInt, optionalText } from "@/lib/validation/common";
import { MAX_SCORE } from "./scoring";

// One zod schema per input, shared by the web forms and REST API v1 (lib/api/openapi.ts documents
// them). Lists arrive as JSON arrays (API) or as textarea lines "a | b | c" (forms).

const ORG_KINDS = Object.values(OrgKind) as OrgKind[];
const MAX_CNY = 2_000_000_000;

/** Textarea lines "a | b | c" -> arrays of cells; arrays pass through. */
const lines = (raw: unknown) => {
  // A form sends the textarea as one string (or a one-element list: the action client reads list fields as lists).
  const v = Array.isArray(raw) && raw.every((x) => typeof x === "string") ? raw.join("\n") : raw;
  return typeof v === "string"
    ? v
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => l.split(/\s*[|｜]\s*/))
    : v;
};
const intOf = (s: unknown) => (typeof s === "string" && /^\s*\d+\s*$/.test(s) ? Number(s) : s);
const slug = (name: string, i: number) => `k${i + 1}`;

const indicatorSchema = z.strictObject({
  key: z.string().trim().min(1).max(40).optional(),
  name: z.string().trim().min(1).max(200),
  target: z.string().trim().min(1).max(200),
  verification: z.string().trim().min(1).max(500),
});
export const indicatorsSchema = z.preprocess(
  (v) => {
    const rows = lines(v);
    return Array.isArray(rows) ? rows.map((r) => (Array.isArray(r) ? { name: r[0], target: r[1], verification: r[2] } : r)) : rows;
  },
  z
    .array(indicatorSchema)
    .min(1, { error: "v.challengeIndicators" })
    .max(20)
    .transform((list) => list.map((i, n) => ({ ...i, key: i.key ?? slug(i.name, n) }))),
);

const criterionSchema = z.strictObject({
  key: z.string().trim().min(1).max(40).optional(),
  name: z.string().trim().min(1).max(120),
  weight: z.number().int().min(1).max(100),
});
export const criteriaSchema = z.preprocess(
  (v) => {
    const rows = lines(v);
    return Array.isArray(rows) ? rows.map((r) => (Array.isArray(r) ? { name: r[0], weight: intOf(r[1]) } : r)) : rows;
  },
  z
    .array(criterionSchema)
    .min(1)
    .max(12)
    .refine((list) => list.reduce((s, c) => s + c.weight, 0) === 100, { error: "v.weights100" })
    .transform((list) => list.map((c, n) => ({ ...c, key: c.key ?? slug(c.name, n) }))),
);

const splitSchema = z.strictObject({ title: z.string().trim().min(1).max(120), percent: z.number().int().min(1).max(100) });
export const milestoneSplitSchema = z.preprocess(
  (v) => {
    const rows = lines(v);
    return Array.isArray(rows) ? rows.map((r) => (Array.isArray(r) ? { title: r[0], percent: intOf(r[1]) } : r)) : rows;
  },
  z
    .array(splitSchema)
    .min(1)
    .max(12)
    .refine((list) => list.reduce((s, c) => s + c.percent, 0) === 100, { error: "v.percent100" }),
);

const listOf = (v: unknown) =>
  typeof v === "string"
    ? v.split(/[,，、\s]+/).filter(Boolean)
    : Array.isArray(v) && v.every((x) => typeof x === "string")
      ? v.flatMap((x: string) => x.split(/[,，、\s]+/)).filter(Boolean)
      : v;

export const eligibilitySchema = z.strictObject({
  orgKinds: z.preprocess(listOf, z.array(z.enum(ORG_KINDS)).max(ORG_KINDS.length)).default([]),
  regions: z.preprocess(listOf, z.array(z.string().trim().min(1).max(60)).max(20)).default([]),
  qualifications: z.string().trim().max(2_000).default(""),
});

const dateSchema = z.preprocess(
  (v) => {
    if (typeof v !== "string" || !v.trim()) return v;
    const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) ? `${v.trim()}T23:59:59+08:00` : v.trim());
    return Number.isNaN(d.getTime()) ? v : d;
  },
  z.date({ error: "v.date" }),
);

const challengeFields = {
  title: z.string().trim().min(4).max(200),
  teaser: z.string().trim().min(10).max(1_000),
  problem: z.string().trim().min(20).max(20_000),
  field: z.string().trim().min(2).max(100),
  // The form's one text field arrives as a one-element list: split it like a typed string.
  keywords: z.preprocess((v) => (Array.isArray(v) && v.every((x) => typeof x === "string") ? v.join(",") : v), keywordsSchema).default([]),
  region: optionalText(60),
  chainNodeId: optionalText(80),
  needIds: z.preprocess(listOf, z.array(z.string().min(1).max(40)).max(10)).default([]),
  indicators: indicatorsSchema,
  bountyTotalCny: z.preprocess(intOf, z.number().int().min(1).max(MAX_CNY)),
  milestoneSplit: milestoneSplitSchema,
  applicationDeadline: dateSchema,
  durationMonths: z.preprocess(intOf, z.number().int().min(1).max(120)),
  eligibility: eligibilitySchema.default({ orgKinds: [], regions: [], qualifications: "" }),
  visibility: z.enum(["PUBLIC", "CONFIDENTIAL"]).default("PUBLIC"),
  criteria: criteriaSchema,
  blindReview: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
  /** Staff only: the sponsor organisation the challenge is drafted for or run as a programme of. */
  sponsorOrganisationId: optionalText(40),
};

export const challengeInputSchema = z.strictObject(challengeFields);
export type ChallengeInput = z.output<typeof challengeInputSchema>;

/** Form variant: eligibility as flat fields. */
export const challengeFormSchema = z
  .strictObject({
    ...challengeFields,
    eligibility: z.undefined().optional(),
    eligibleOrgKinds: z.array(z.enum(ORG_KINDS)).default([]),
    eligibleRegions: optionalText(400),
    qualifications: optionalText(2_000),
    challengeId: optionalText(40),
    version: optionalInt(1, 1_000_000),
  })
  .transform(({ eligibleOrgKinds, eligibleRegions, qualifications, ...rest }) => ({
    ...rest,
    eligibility: { orgKinds: eligibleOrgKinds, regions: (eligibleRegions ?? "").split(/[,，、\s]+/).filter(Boolean), qualifications: qualifications ?? "" },
  }));

/** What the chain monitor (and any other entry point) needs to start a draft. */
export const challengeDraftSeedSchema = z.strictObject({
  title: z.string().trim().min(4).max(200),
  problem: z.string().trim().min(1).max(20_000),
  chainNodeId: optionalText(80),
  needIds: z.array(z.string().min(1).max(40)).max(10).optional(),
});
export type ChallengeDraftSeed = z.input<typeof challengeDraftSeedSchema>;

export const challengeMoveSchema = z.strictObject({
  challengeId: z.string().min(1).max(40).optional(),
  to: z.enum(["OPEN", "REVIEW", "CANCELLED"]),
  version: z.preprocess(intOf, z.number().int().min(1)),
  reason: optionalText(2_000),
});
export type ChallengeMoveInput = z.output<typeof challengeMoveSchema>;

const planMilestoneSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  deliverables: z.string().trim().min(1).max(2_000),
  dueAt: dateSchema,
  amountCny: z.preprocess(intOf, z.number().int().min(0).max(MAX_CNY)),
});
export const planMilestonesSchema = z.preprocess(
  (v) => {
    const rows = lines(v);
    return Array.isArray(rows) ? rows.map((r) => (Array.isArray(r) ? { title: r[0], deliverables: r[1], dueAt: r[2], amountCny: r[3] } : r)) : rows;
  },
  z.array(planMilestoneSchema).min(1, { error: "v.planMilestones" }).max(12),
);

export const applySchema = z.strictObject({
  challengeId: z.string().min(1).max(40).optional(),
  approach: z.string().trim().min(20).max(20_000),
  /** Other platform users on the team (their e-mail addresses), possibly from other organisations. */
  teamEmails: z.preprocess(listOf, z.array(z.email({ error: "v.email" }).max(200)).max(20)).default([]),
  resultIds: z.preprocess(listOf, z.array(z.string().min(1).max(40)).max(20)).default([]),
  planMilestones: planMilestonesSchema,
  budgetCny: z.preprocess(intOf, z.number().int().min(0).max(MAX_CNY)),
});
export type ApplyInput = z.output<typeof applySchema>;

export const versionSchema = z.strictObject({
  applicationId: z.string().min(1).max(40).optional(),
  version: z.preprocess(intOf, z.number().int().min(1)),
});

export const panelMemberSchema = z.strictObject({
  challengeId: z.string().min(1).max(40).optional(),
  email: z.email({ error: "v.email" }).max(200),
});

export const removePanelMemberSchema = z.strictObject({
  challengeId: z.string().min(1).max(40).optional(),
  panelMemberId: z.string().min(1).max(40),
});

/** A question to a shortlisted applicant (sponsor or panel). */
export const questionSchema = z.strictObject({
  applicationId: z.string().min(1).max(40).optional(),
  question: z.string().trim().min(5).max(2_000),
});

/** The applicant's answer, given once, in place. */
export const answerSchema = z.strictObject({
  questionId: z.string().min(1).max(40).optional(),
  answer: z.string().trim().min(2).max(5_000),
});

export const conflictSchema = z.strictObject({
  applicationId: z.string().min(1).max(40).optional(),
  note: optionalText(1_000),
});

export const scoreSchema = z.strictObject({
  applicationId: z.string().min(1).max(40).optional(),
  scores: z
    .array(
      z.strictObject({
        criterionKey: z.string().min(1).max(40),
        score: z.preprocess(intOf, z.number().int().min(0).max(MAX_SCORE)),
        comment: optionalText(2_000),
      }),
    )
    .min(1)
    .max(12),
});
export type ScoreInput = z.output<typeof scoreSchema>;

export const awardSchema = z.strictObject({
  challengeId: z.string().min(1).max(40).optional(),
  version: z.preprocess(intOf, z.number().int().min(1)),
  awards: z.array(z.strictObject({ applicationId: z.string().min(1).max(40), reason: z.string().trim().min(2).max(2_000) })).min(1),
  /** A reason for every other application still in the running: they are told. */
  others: z.array(z.strictObject({ applicationId: z.string().min(1).max(40), reason: z.string().trim().min(2).max(2_000) })).default([]),
});
export type AwardInput = z.output<typeof awardSchema>;

export const shortlistSchema = z.strictObject({
  applicationId: z.string().min(1).max(40).optional(),
  version: z.preprocess(intOf, z.number().int().min(1)),
  shortlisted: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});

export const submitMilestoneSchema = z.strictObject({
  milestoneId: z.string().min(1).max(40).optional(),
  version: z.preprocess(intOf, z.number().int().min(1)),
  note: z.string().trim().min(2).max(5_000),
});

export const decideMilestoneSchema = z.strictObject({
  milestoneId: z.string().min(1).max(40).optional(),
  version: z.preprocess(intOf, z.number().int().min(1)),
  accept: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
  reason: optionalText(5_000),
});

export const paymentSchema = z.strictObject({
  milestoneId: z.string().min(1).max(40).optional(),
  version: z.preprocess(intOf, z.number().int().min(1)),
  amountCny: z.preprocess(intOf, z.number().int().min(1).max(MAX_CNY)),
});

export const outcomeSchema = z.strictObject({
  challengeId: z.string().min(1).max(40).optional(),
  monthsAfter: z.preprocess(intOf, z.union([z.literal(0), z.literal(12)])),
  indicatorsReached: z
    .array(z.strictObject({ key: z.string().min(1).max(40), measured: z.string().trim().max(200), reached: z.boolean() }))
    .max(20)
    .default([]),
  products: optionalText(2_000),
  patentsFiled: optionalInt(0, 10_000),
  revenueCny: optionalInt(0, MAX_CNY),
  followOnContracts: optionalInt(0, 10_000),
  contractRegistrationNo: optionalText(60),
  notes: optionalText(5_000),
});
export type OutcomeInput = z.output<typeof outcomeSchema>;

export const acceptNdaSchema = z.strictObject({
  challengeId: z.string().min(1).max(40).optional(),
  accept: z.preprocess((v) => v === "on" || v === "true" || v === true, z.literal(true, { error: "v.ndaAccept" })),
});

export const BOUNTY_BANDS = ["lt1m", "1m-5m", "5m-10m", "gte10m"] as const;
export type BountyBand = (typeof BOUNTY_BANDS)[number];
export const bountyBandRange: Record<BountyBand, { gte?: number; lt?: number }> = {
  lt1m: { lt: 1_000_000 },
  "1m-5m": { gte: 1_000_000, lt: 5_000_000 },
  "5m-10m": { gte: 5_000_000, lt: 10_000_000 },
  gte10m: { gte: 10_000_000 },
};

export const challengeListQuerySchema = z.strictObject({
  q: optionalText(100),
  chainId: optionalText(80),
  field: optionalText(100),
  region: optionalText(60),
  bounty: z.enum(BOUNTY_BANDS).optional(),
  /** Only calls whose application deadline is within this many days. */
  deadlineWithinDays: optionalInt(1, 3650),
  status: z.enum(["OPEN", "REVIEW", "AWARDED", "COMPLETED"]).optional(),
  page: optionalInt(1, 10_000),
});
export type ChallengeListQuery = z.output<typeof challengeListQuerySchema>;

/** PATCH body: the full challenge input plus the version it was read at. */
export const challengeUpdateSchema = challengeInputSchema.extend({ version: z.preprocess(intOf, z.number().int().min(1)) });
