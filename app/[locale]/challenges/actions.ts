"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { memberAction } from "@/lib/actions/action-client";
import { applyToChallenge, shortlistApplication, withdrawApplication } from "@/lib/challenges/applications";
import { awardChallenge } from "@/lib/challenges/award";
import { addApplicationAttachments } from "@/lib/challenges/attachments";
import { addPanelMember, createChallenge, moveChallenge, removePanelMember } from "@/lib/challenges/manage-challenge";
import { decideMilestone, recordMilestonePayment, submitMilestone } from "@/lib/challenges/milestones";
import { acceptChallengeNda } from "@/lib/challenges/nda";
import { recordChallengeOutcome } from "@/lib/challenges/outcome";
import { answerQuestion, askQuestion } from "@/lib/challenges/questions";
import { declareConflict, scoreApplication } from "@/lib/challenges/review";
import {
  acceptNdaSchema,
  answerSchema,
  applySchema,
  awardSchema,
  challengeFormSchema,
  challengeMoveSchema,
  conflictSchema,
  decideMilestoneSchema,
  outcomeSchema,
  panelMemberSchema,
  paymentSchema,
  questionSchema,
  removePanelMemberSchema,
  scoreSchema,
  shortlistSchema,
  submitMilestoneSchema,
  versionSchema,
} from "@/lib/challenges/schemas";
import { fileBytes, uploadedFilesSchema } from "@/lib/forms/form-files";
import { clientIpFrom } from "@/lib/http/client-ip";
import { parseOrThrow } from "@/lib/validation/parse-input";

// Every challenge action goes through the one action client (lib/actions/action-client.ts); the
// services authorize against the rows. Ids travel in hidden inputs and are parsed by the schemas.

const idOf = (v: string | undefined) => v ?? "";
const challengePath = (i: { challengeId?: string }) => `/challenges/${idOf(i.challengeId)}`;

export const createChallengeAction = memberAction
  .schema(challengeFormSchema)
  .authorize("challenge.create")
  .action(async ({ actor, input, locale }) => {
    const { challengeId: _c, version: _v, ...rest } = input;
    void _c;
    void _v;
    const { id } = await createChallenge(actor, rest);
    redirect(`/${locale}/challenges/${id}/manage`);
  });

export const moveChallengeAction = memberAction
  .schema(challengeMoveSchema)
  .revalidate(challengePath)
  .success("challenges.saved")
  .action(async ({ actor, input }) => {
    await moveChallenge(actor, idOf(input.challengeId), input);
  });

export const acceptChallengeNdaAction = memberAction
  .schema(acceptNdaSchema)
  .revalidate(challengePath)
  .action(async ({ actor, input }) => {
    await acceptChallengeNda(actor, idOf(input.challengeId), clientIpFrom(await headers()));
  });

export const addPanelMemberAction = memberAction
  .schema(panelMemberSchema)
  .revalidate((i) => `${challengePath(i)}/manage`)
  .success("challenges.saved")
  .action(async ({ actor, input }) => {
    await addPanelMember(actor, idOf(input.challengeId), input.email);
  });

export const removePanelMemberAction = memberAction
  .schema(removePanelMemberSchema)
  .revalidate((i) => `${challengePath(i)}/manage`)
  .success("challenges.saved")
  .action(async ({ actor, input }) => {
    await removePanelMember(actor, idOf(input.challengeId), input.panelMemberId);
  });

export const applyAction = memberAction
  .schema(applySchema.safeExtend({ attachments: uploadedFilesSchema }))
  .revalidate("/challenges")
  .action(async ({ actor, input: { attachments, ...input }, locale }) => {
    const { id } = await applyToChallenge(actor, idOf(input.challengeId), input, new Date(), await fileBytes(attachments));
    redirect(`/${locale}/challenges/applications/${id}`);
  });

const applicationPath = (i: { applicationId?: string }) => `/challenges/applications/${idOf(i.applicationId)}`;

export const addApplicationFilesAction = memberAction
  .schema(z.strictObject({ applicationId: z.string().min(1).max(40).optional(), attachments: uploadedFilesSchema }))
  .revalidate(applicationPath)
  .success("challenges.filesAdded")
  .action(async ({ actor, input }) => {
    await addApplicationAttachments(actor, idOf(input.applicationId), await fileBytes(input.attachments));
  });

export const askQuestionAction = memberAction
  .schema(questionSchema)
  .revalidate(applicationPath)
  .success("challenges.questionSent")
  .action(async ({ actor, input }) => {
    await askQuestion(actor, idOf(input.applicationId), input.question);
  });

export const answerQuestionAction = memberAction
  .schema(answerSchema.safeExtend({ applicationId: z.string().min(1).max(40).optional() }))
  .revalidate(applicationPath)
  .success("challenges.answerSent")
  .action(async ({ actor, input }) => {
    await answerQuestion(actor, idOf(input.questionId), input.answer);
  });

export const withdrawApplicationAction = memberAction
  .schema(versionSchema)
  .revalidate((i) => `/challenges/applications/${idOf(i.applicationId)}`)
  .success("challenges.saved")
  .action(async ({ actor, input }) => {
    await withdrawApplication(actor, idOf(input.applicationId), input.version);
  });

export const shortlistAction = memberAction
  .schema(shortlistSchema)
  .revalidate("/challenges")
  .success("challenges.saved")
  .action(async ({ actor, input }) => {
    await shortlistApplication(actor, idOf(input.applicationId), input.version, input.shortlisted);
  });

export const declareConflictAction = memberAction
  .schema(conflictSchema)
  .revalidate("/challenges")
  .success("challenges.conflictDeclared")
  .action(async ({ actor, input }) => {
    await declareConflict(actor, idOf(input.applicationId), input.note);
  });

// Score sheets post one "score.<criterion>" and "comment.<criterion>" field per criterion.
export const scoreAction = memberAction
  .revalidate("/challenges")
  .success("challenges.scoresSaved")
  .action(async ({ actor, input }) => {
    const raw = input as Record<string, unknown>;
    const scores = Object.keys(raw)
      .filter((k) => k.startsWith("score.") && raw[k] !== "")
      .map((k) => ({ criterionKey: k.slice(6), score: raw[k], comment: raw[`comment.${k.slice(6)}`] }));
    const parsed = parseOrThrow(scoreSchema, { applicationId: raw.applicationId, scores });
    await scoreApplication(actor, idOf(parsed.applicationId), parsed);
  });

// The award form: a checkbox "award" per application and a "reason.<applicationId>" for each.
export const awardAction = memberAction
  .revalidate("/challenges")
  .success("challenges.awardedMessage")
  .action(async ({ actor, input }) => {
    const raw = input as Record<string, unknown>;
    const chosen = new Set(
      String(raw.award ?? "")
        .split(",")
        .filter(Boolean),
    );
    const ids = Object.keys(raw)
      .filter((k) => k.startsWith("reason."))
      .map((k) => k.slice(7));
    const entry = (id: string) => ({ applicationId: id, reason: String(raw[`reason.${id}`] ?? "") });
    const parsed = parseOrThrow(awardSchema, {
      challengeId: raw.challengeId,
      version: raw.version,
      awards: ids.filter((id) => chosen.has(id)).map(entry),
      others: ids.filter((id) => !chosen.has(id)).map(entry),
    });
    await awardChallenge(actor, idOf(parsed.challengeId), parsed);
  });

export const submitMilestoneAction = memberAction
  .schema(submitMilestoneSchema.safeExtend({ deliverables: uploadedFilesSchema }))
  .revalidate("/challenges")
  .success("challenges.saved")
  .action(async ({ actor, input }) => {
    await submitMilestone(actor, idOf(input.milestoneId), input.version, input.note, new Date(), await fileBytes(input.deliverables));
  });

export const decideMilestoneAction = memberAction
  .schema(decideMilestoneSchema)
  .revalidate("/challenges")
  .success("challenges.saved")
  .action(async ({ actor, input }) => {
    await decideMilestone(actor, idOf(input.milestoneId), input);
  });

export const paymentAction = memberAction
  .schema(paymentSchema)
  .revalidate("/challenges")
  .success("challenges.saved")
  .action(async ({ actor, input }) => {
    await recordMilestonePayment(actor, idOf(input.milestoneId), input);
  });

// The outcome form: "measured.<indicator>" and a "reached.<indicator>" checkbox per indicator.
const keysOf = (raw: Record<string, unknown>, prefix: string) =>
  Object.keys(raw)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));
export const outcomeAction = memberAction
  .revalidate("/challenges")
  .success("challenges.saved")
  .action(async ({ actor, input }) => {
    const raw = input as Record<string, unknown>;
    const indicatorsReached = keysOf(raw, "measured.").map((key) => ({
      key,
      measured: String(raw[`measured.${key}`] ?? ""),
      reached: raw[`reached.${key}`] === "on",
    }));
    const { challengeId, monthsAfter, products, patentsFiled, revenueCny, followOnContracts, contractRegistrationNo, notes } = z
      .record(z.string(), z.unknown())
      .parse(raw);
    const parsed = parseOrThrow(outcomeSchema, {
      challengeId,
      monthsAfter,
      indicatorsReached,
      products,
      patentsFiled,
      revenueCny,
      followOnContracts,
      contractRegistrationNo,
      notes,
    });
    await recordChallengeOutcome(actor, idOf(parsed.challengeId), parsed);
  });
