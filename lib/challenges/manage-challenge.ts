import "server-only";
import { recordAudit } from "@/lib/access/record-audit";
import { prisma } from "@/lib/db";
import { AppError, forbidden } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { authorize, can, type Actor } from "@/lib/policy";
import { liveGrantWhere } from "@/lib/staff/effective-role";
import { writeTransition } from "./apply-transition";
import { challengeConflict, challengeInvalid, guardFailed } from "./errors";
import { loadChallenge, permit } from "./load";
import { notifyAll, sponsorRecipients } from "./notices";
import { challengeDraftSeedSchema, type ChallengeDraftSeed, type ChallengeInput, type ChallengeMoveInput } from "./schemas";

type Tx = Prisma.TransactionClient;

/** The sponsor organisation of a new challenge: the company's own, or (staff) the one named. */
async function sponsorOrganisationFor(tx: Tx, actor: Actor, requested: string | undefined): Promise<string> {
  if (actor.role === "COMPANY") {
    if (requested && requested !== actor.organisationId) throw challengeInvalid("sponsorNotYours", "sponsorOrganisationId");
    return actor.organisationId!;
  }
  if (!requested) throw challengeInvalid("sponsorRequired", "sponsorOrganisationId");
  const org = await tx.organisation.findUnique({ where: { id: requested }, select: { kind: true } });
  // A broker drafts for a company; an admin also runs government / park programmes.
  if (!org || (org.kind !== "COMPANY" && !(actor.role === "ADMIN" && org.kind === "GOVERNMENT")))
    throw challengeInvalid("sponsorKind", "sponsorOrganisationId");
  return requested;
}

/** The needs a challenge is made from must be the sponsor's own. */
async function checkNeeds(tx: Tx, organisationId: string, needIds: readonly string[]): Promise<void> {
  if (!needIds.length) return;
  const own = await tx.need.count({ where: { id: { in: [...needIds] }, organisationId } });
  if (own !== new Set(needIds).size) throw challengeInvalid("needsNotSponsors", "needIds");
}

function dataOf(input: ChallengeInput) {
  return {
    title: input.title,
    teaser: input.teaser,
    problem: input.problem,
    field: input.field,
    keywords: input.keywords,
    region: input.region ?? null,
    chainNodeId: input.chainNodeId ?? null,
    needIds: input.needIds,
    indicators: input.indicators,
    bountyTotalCny: input.bountyTotalCny,
    milestoneSplit: input.milestoneSplit,
    applicationDeadline: input.applicationDeadline,
    durationMonths: input.durationMonths,
    eligibility: input.eligibility,
    visibility: input.visibility,
    criteria: input.criteria,
    blindReview: input.blindReview,
  };
}

/** A new challenge, as a DRAFT: the sponsor publishes it (a broker's draft waits for that approval). */
export async function createChallenge(actor: Actor, input: ChallengeInput): Promise<{ id: string; version: number }> {
  authorize(actor, "challenge.create");
  return prisma.$transaction(async (tx) => {
    const organisationId = await sponsorOrganisationFor(tx, actor, input.sponsorOrganisationId);
    await checkNeeds(tx, organisationId, input.needIds);
    const row = await tx.challenge.create({
      data: { ...dataOf(input), organisationId, createdById: actor.id, draftedByBrokerId: actor.role === "BROKER" ? actor.id : null },
      select: { id: true, version: true },
    });
    await tx.challengeEvent.create({
      data: { challengeId: row.id, machine: "challenge", subjectId: row.id, fromState: null, toState: "DRAFT", actorId: actor.id },
    });
    return row;
  });
}

/**
 * A draft started from elsewhere (the chain monitor's "turn a key-project item into a challenge",
 * a need): title and problem, optionally a chain node and the sponsor's needs. Everything else gets
 * placeholders the sponsor completes before publishing. Staff name the sponsor organisation.
 */
export async function createChallengeDraft(
  actor: Actor,
  seed: ChallengeDraftSeed & { sponsorOrganisationId?: string },
): Promise<{ id: string; version: number }> {
  authorize(actor, "challenge.create");
  const s = challengeDraftSeedSchema.parse({ title: seed.title, problem: seed.problem, chainNodeId: seed.chainNodeId, needIds: seed.needIds });
  return prisma.$transaction(async (tx) => {
    const organisationId = await sponsorOrganisationFor(tx, actor, seed.sponsorOrganisationId);
    await checkNeeds(tx, organisationId, s.needIds ?? []);
    return insertDraft(tx, actor, organisationId, s);
  });
}

/**
 * A DRAFT for a government / park programme started from a chain-monitor key project item
 * ("monitor.challengeDraft": the programme's analyst, or an admin). The sponsor is the
 * programme's GOVERNMENT organisation (the analyst's own unless an admin names one); the draft
 * names no needs (they belong to companies, not to the programme). It stays a DRAFT: completing and
 * publishing it is the sponsor side's ("challenge.edit", "challenge.manage").
 */
export async function createProgrammeDraft(
  actor: Actor,
  seed: Omit<ChallengeDraftSeed, "needIds"> & { sponsorOrganisationId?: string },
): Promise<{ id: string; version: number }> {
  const s = challengeDraftSeedSchema.parse({ title: seed.title, problem: seed.problem, chainNodeId: seed.chainNodeId });
  return prisma.$transaction(async (tx) => {
    const sponsorOrganisationId = seed.sponsorOrganisationId ?? actor.organisationId;
    const org = sponsorOrganisationId ? await tx.organisation.findUnique({ where: { id: sponsorOrganisationId }, select: { id: true, kind: true } }) : null;
    if (!can(actor, "monitor.challengeDraft", { sponsorOrganisationId: org?.id ?? null, sponsorKind: org?.kind ?? null }))
      throw forbidden("monitor.noProgramme");
    const draft = await insertDraft(tx, actor, org!.id, s);
    // A government/park programme has no member roles: the platform's admins complete and publish
    // its drafts, so they are told one is waiting (never the analyst who made it).
    const now = new Date();
    const admins = await tx.user.findMany({ where: { staffGrants: { some: { role: "ADMIN", ...liveGrantWhere(now) } } }, select: { id: true } });
    await notifyAll(
      tx,
      admins.map((a) => a.id),
      "programmeDraft",
      { title: s.title },
      `/challenges/${draft.id}/manage`,
      `challenge:${draft.id}:programmeDraft`,
      actor.id,
    );
    return draft;
  });
}

async function insertDraft(tx: Tx, actor: Actor, organisationId: string, s: ReturnType<typeof challengeDraftSeedSchema.parse>) {
  const firstNeed = s.needIds?.length
    ? await tx.need.findFirst({ where: { id: s.needIds[0] }, select: { field: true, region: true, chainNodeId: true } })
    : null;
  const row = await tx.challenge.create({
    data: {
      organisationId,
      createdById: actor.id,
      draftedByBrokerId: actor.role === "BROKER" ? actor.id : null,
      title: s.title,
      teaser: s.title,
      problem: s.problem,
      field: firstNeed?.field ?? "",
      region: firstNeed?.region ?? null,
      chainNodeId: s.chainNodeId ?? firstNeed?.chainNodeId ?? null,
      needIds: s.needIds ?? [],
      bountyTotalCny: 1,
      applicationDeadline: new Date(Date.now() + 60 * 24 * 3600 * 1000),
      durationMonths: 12,
    },
    select: { id: true, version: true },
  });
  await tx.challengeEvent.create({
    data: { challengeId: row.id, machine: "challenge", subjectId: row.id, fromState: null, toState: "DRAFT", actorId: actor.id },
  });
  return row;
}

/** Edits a DRAFT (sponsor or the drafting broker). Version-checked through the write point. */
export async function updateChallenge(actor: Actor, id: string, version: number, input: ChallengeInput): Promise<{ version: number }> {
  return prisma.$transaction(async (tx) => {
    const { row, facts } = await loadChallenge(tx, actor, id);
    permit(actor, "challenge.edit", facts);
    await checkNeeds(tx, row.organisationId, input.needIds);
    const next = await writeTransition(tx, actor, "challenge", { id, challengeId: id, status: row.status, version: row.version }, version, {
      data: dataOf(input),
    });
    return { version: next };
  });
}

/** Is a draft complete enough to publish? (Drafts from createChallengeDraft have placeholders.) */
function publishable(row: { field: string; indicators: unknown; criteria: unknown; milestoneSplit: unknown; bountyTotalCny: number }): string | null {
  if (!row.field) return "field";
  if (!Array.isArray(row.indicators) || row.indicators.length === 0) return "indicators";
  if (!Array.isArray(row.criteria) || row.criteria.length === 0) return "criteria";
  if (!Array.isArray(row.milestoneSplit) || row.milestoneSplit.length === 0) return "milestoneSplit";
  if (row.bountyTotalCny < 1000) return "bountyTotalCny";
  return null;
}

/**
 * Publish (the sponsor's approval), close the call early, or cancel. Publishing needs a future
 * deadline and a complete draft; cancelling needs a reason and tells the applicants.
 */
export async function moveChallenge(actor: Actor, id: string, input: ChallengeMoveInput, now = new Date()): Promise<{ status: string; version: number }> {
  return prisma.$transaction(async (tx) => {
    const { row, facts } = await loadChallenge(tx, actor, id);
    permit(actor, "challenge.manage", facts);
    const met: ("beforeDeadline" | "reason")[] = [];
    if (input.to === "OPEN") {
      if (row.applicationDeadline <= now) throw guardFailed("beforeDeadline", "applicationDeadline");
      const missing = publishable(row);
      if (missing) throw challengeInvalid("incomplete", missing);
      met.push("beforeDeadline");
    }
    if (input.to === "CANCELLED") {
      if (!input.reason) throw guardFailed("reason");
      met.push("reason");
    }
    const stamp = input.to === "OPEN" ? { publishedAt: now } : input.to === "REVIEW" ? { closedAt: now } : { cancelledAt: now };
    const version = await writeTransition(tx, actor, "challenge", { id, challengeId: id, status: row.status, version: row.version }, input.version, {
      to: input.to,
      met,
      note: input.reason,
      data: stamp,
    });
    await enqueueJob(tx, "index-challenge", { challengeId: id }, { jobKey: `index-challenge:${id}` });
    // Close the call at its deadline (the 10-minute cron is the safety net).
    if (input.to === "OPEN") await enqueueJob(tx, "challenge-deadlines", {}, { jobKey: `challenge-close:${id}`, runAt: row.applicationDeadline });
    // Match the call to results and researchers, and tell the matched ones (lib/challenges/matches.ts).
    if (input.to === "OPEN") await enqueueJob(tx, "match-challenge", { challengeId: id, notify: true }, { jobKey: `match-challenge:notify:${id}` });
    await announceMove(tx, actor, row, input.to);
    return { status: input.to, version };
  });
}

/** Tells the people concerned that a challenge moved (publication, close of the call, cancellation). */
export async function announceMove(
  tx: Tx,
  actor: Actor | null,
  row: { id: string; title: string; organisationId: string; createdById: string; draftedByBrokerId: string | null },
  to: "OPEN" | "REVIEW" | "CANCELLED",
): Promise<void> {
  const link = `/challenges/${row.id}`;
  const sponsor = await sponsorRecipients(tx, row);
  const applicants = await tx.challengeApplication.findMany({
    where: { challengeId: row.id, status: { in: ["SUBMITTED", "SHORTLISTED"] } },
    select: { applicantId: true, team: { select: { userId: true } } },
  });
  const solverIds = applicants.flatMap((a) => [a.applicantId, ...a.team.map((t) => t.userId)]);
  if (to === "OPEN") await notifyAll(tx, sponsor, "published", { title: row.title }, link, `challenge:${row.id}:published`, actor?.id);
  if (to === "REVIEW") {
    await notifyAll(tx, sponsor, "callClosed", { title: row.title }, `${link}/manage`, `challenge:${row.id}:closed`);
    await notifyAll(tx, solverIds, "callClosed", { title: row.title }, link, `challenge:${row.id}:closed`);
    const panel = await tx.challengePanelMember.findMany({ where: { challengeId: row.id }, select: { userId: true } });
    await notifyAll(
      tx,
      panel.map((p) => p.userId),
      "reviewOpen",
      { title: row.title },
      `${link}/review`,
      `challenge:${row.id}:review`,
    );
  }
  if (to === "CANCELLED") await notifyAll(tx, solverIds, "cancelled", { title: row.title }, link, `challenge:${row.id}:cancelled`, actor?.id);
}

/** Adds a platform user to the review panel (they are told). Not an applicant or team member. */
export async function addPanelMember(actor: Actor, challengeId: string, email: string): Promise<{ id: string }> {
  return prisma.$transaction(async (tx) => {
    const { row, facts } = await loadChallenge(tx, actor, challengeId);
    permit(actor, "challenge.manage", facts);
    if (row.status === "COMPLETED" || row.status === "CANCELLED") throw challengeConflict("closed");
    const user = await tx.user.findUnique({ where: { email: email.toLowerCase() }, select: { id: true } });
    if (!user) throw challengeInvalid("noSuchUser", "email");
    const applies = await tx.challengeApplication.count({ where: { challengeId, OR: [{ applicantId: user.id }, { team: { some: { userId: user.id } } }] } });
    if (applies) throw challengeInvalid("expertApplied", "email");
    const existing = await tx.challengePanelMember.findUnique({ where: { challengeId_userId: { challengeId, userId: user.id } }, select: { id: true } });
    if (existing) return existing;
    const seat = await tx.challengePanelMember.create({ data: { challengeId, userId: user.id, addedById: actor.id }, select: { id: true } });
    await notifyAll(tx, [user.id], "panelInvited", { title: row.title }, `/challenges/${challengeId}/review`, `challenge:${challengeId}:panel`);
    return seat;
  });
}

/** States in which the sponsor may still change the panel (before the award). */
const PANEL_EDITABLE = new Set(["DRAFT", "OPEN", "REVIEW"]);

/**
 * The sponsor takes an expert off the panel, before the award. An expert who has scored an
 * application stays: their scores are part of the aggregate the award rests on, and silently
 * dropping (or keeping orphaned) scores would change a ranking others have already seen; the
 * sponsor is told to keep them (409 challenges.panelMemberScored). Their conflict declarations go
 * with the seat. The expert is told.
 */
export async function removePanelMember(actor: Actor, challengeId: string, panelMemberId: string): Promise<{ removed: true }> {
  return prisma.$transaction(async (tx) => {
    const { row, facts } = await loadChallenge(tx, actor, challengeId);
    permit(actor, "challenge.manage", facts);
    const seat = await tx.challengePanelMember.findFirst({
      where: { id: panelMemberId, challengeId },
      select: { id: true, userId: true, _count: { select: { scores: true } } },
    });
    if (!seat) throw new AppError("NOT_FOUND");
    if (!PANEL_EDITABLE.has(row.status)) throw challengeConflict("panelLocked");
    if (seat._count.scores > 0) throw challengeConflict("panelMemberScored");
    await tx.challengePanelMember.delete({ where: { id: seat.id } });
    await recordAudit(tx, { actorId: actor.id, action: "challenge.panelRemove", subject: `challenge:${challengeId}`, detail: { userId: seat.userId } });
    await notifyAll(tx, [seat.userId], "panelRemoved", { title: row.title }, `/challenges/${challengeId}`, `challenge:${challengeId}:panel-removed:${seat.id}`);
    return { removed: true as const };
  });
}

/** The sponsor's challenges (console), newest first. */
export async function listSponsorChallenges(actor: Actor) {
  if (!actor.organisationId && actor.role !== "ADMIN" && actor.role !== "BROKER") return [];
  const where: Prisma.ChallengeWhereInput =
    actor.role === "ADMIN" ? {} : actor.role === "BROKER" ? { draftedByBrokerId: actor.id } : { organisationId: actor.organisationId! };
  if (actor.role !== "ADMIN" && actor.role !== "BROKER" && actor.role !== "COMPANY") return [];
  const rows = await prisma.challenge.findMany({
    where,
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      title: true,
      status: true,
      applicationDeadline: true,
      bountyTotalCny: true,
      organisation: { select: { name: true } },
      _count: { select: { applications: { where: { status: { not: "WITHDRAWN" } } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    applicationDeadline: r.applicationDeadline.toISOString(),
    bountyTotalCny: r.bountyTotalCny,
    sponsorName: r.organisation.name,
    applications: r._count.applications,
  }));
}

export function assertFound<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new AppError("NOT_FOUND");
  return value;
}
