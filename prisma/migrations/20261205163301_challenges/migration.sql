-- CreateEnum
CREATE TYPE "ChallengeStatus" AS ENUM ('DRAFT', 'OPEN', 'REVIEW', 'AWARDED', 'COMPLETED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "ChallengeApplicationStatus" AS ENUM ('SUBMITTED', 'SHORTLISTED', 'AWARDED', 'NOT_SELECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "ChallengeMilestoneStatus" AS ENUM ('PENDING', 'SUBMITTED', 'ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "Challenge" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "draftedByBrokerId" TEXT,
    "needIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "title" TEXT NOT NULL,
    "teaser" TEXT NOT NULL,
    "problem" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "keywords" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "region" TEXT,
    "chainNodeId" TEXT,
    "indicators" JSONB NOT NULL DEFAULT '[]',
    "bountyTotalCny" INTEGER NOT NULL,
    "milestoneSplit" JSONB NOT NULL DEFAULT '[]',
    "applicationDeadline" TIMESTAMP(3) NOT NULL,
    "durationMonths" INTEGER NOT NULL,
    "eligibility" JSONB NOT NULL DEFAULT '{}',
    "visibility" "Visibility" NOT NULL DEFAULT 'PUBLIC',
    "criteria" JSONB NOT NULL DEFAULT '[]',
    "blindReview" BOOLEAN NOT NULL DEFAULT false,
    "status" "ChallengeStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "publishedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "awardedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Challenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeNdaAcceptance" (
    "id" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "textSha256" TEXT NOT NULL,
    "ip" TEXT,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChallengeNdaAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeApplication" (
    "id" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "applicantId" TEXT NOT NULL,
    "organisationId" TEXT,
    "approach" TEXT NOT NULL,
    "resultIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "planMilestones" JSONB NOT NULL DEFAULT '[]',
    "budgetCny" INTEGER NOT NULL,
    "status" "ChallengeApplicationStatus" NOT NULL DEFAULT 'SUBMITTED',
    "decisionReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChallengeApplication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeTeamMember" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT,

    CONSTRAINT "ChallengeTeamMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengePanelMember" (
    "id" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChallengePanelMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeConflict" (
    "id" TEXT NOT NULL,
    "panelMemberId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "note" TEXT,
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChallengeConflict_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeScore" (
    "id" TEXT NOT NULL,
    "panelMemberId" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "criterionKey" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChallengeScore_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeMilestone" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "deliverables" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "amountCny" INTEGER NOT NULL,
    "status" "ChallengeMilestoneStatus" NOT NULL DEFAULT 'PENDING',
    "submissionNote" TEXT,
    "submittedAt" TIMESTAMP(3),
    "decisionReason" TEXT,
    "decidedAt" TIMESTAMP(3),
    "paidAmountCny" INTEGER,
    "paidAt" TIMESTAMP(3),
    "lateFlaggedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ChallengeMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeOutcome" (
    "id" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "monthsAfter" INTEGER NOT NULL,
    "indicatorsReached" JSONB NOT NULL DEFAULT '[]',
    "products" TEXT,
    "patentsFiled" INTEGER,
    "revenueCny" INTEGER,
    "followOnContracts" INTEGER,
    "contractRegistrationNo" TEXT,
    "notes" TEXT,
    "recordedById" TEXT NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChallengeOutcome_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeEvent" (
    "id" TEXT NOT NULL,
    "challengeId" TEXT NOT NULL,
    "machine" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "fromState" TEXT,
    "toState" TEXT NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChallengeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Challenge_status_applicationDeadline_idx" ON "Challenge"("status", "applicationDeadline");

-- CreateIndex
CREATE INDEX "Challenge_organisationId_idx" ON "Challenge"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeNdaAcceptance_challengeId_userId_key" ON "ChallengeNdaAcceptance"("challengeId", "userId");

-- CreateIndex
CREATE INDEX "ChallengeApplication_applicantId_idx" ON "ChallengeApplication"("applicantId");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeApplication_challengeId_applicantId_key" ON "ChallengeApplication"("challengeId", "applicantId");

-- CreateIndex
CREATE INDEX "ChallengeTeamMember_userId_idx" ON "ChallengeTeamMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeTeamMember_applicationId_userId_key" ON "ChallengeTeamMember"("applicationId", "userId");

-- CreateIndex
CREATE INDEX "ChallengePanelMember_userId_idx" ON "ChallengePanelMember"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengePanelMember_challengeId_userId_key" ON "ChallengePanelMember"("challengeId", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeConflict_panelMemberId_applicationId_key" ON "ChallengeConflict"("panelMemberId", "applicationId");

-- CreateIndex
CREATE INDEX "ChallengeScore_applicationId_idx" ON "ChallengeScore"("applicationId");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeScore_panelMemberId_applicationId_criterionKey_key" ON "ChallengeScore"("panelMemberId", "applicationId", "criterionKey");

-- CreateIndex
CREATE INDEX "ChallengeMilestone_status_dueAt_idx" ON "ChallengeMilestone"("status", "dueAt");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeMilestone_applicationId_seq_key" ON "ChallengeMilestone"("applicationId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "ChallengeOutcome_challengeId_monthsAfter_key" ON "ChallengeOutcome"("challengeId", "monthsAfter");

-- CreateIndex
CREATE INDEX "ChallengeEvent_challengeId_at_idx" ON "ChallengeEvent"("challengeId", "at");

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Challenge" ADD CONSTRAINT "Challenge_chainNodeId_fkey" FOREIGN KEY ("chainNodeId") REFERENCES "ChainNode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeNdaAcceptance" ADD CONSTRAINT "ChallengeNdaAcceptance_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeNdaAcceptance" ADD CONSTRAINT "ChallengeNdaAcceptance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeApplication" ADD CONSTRAINT "ChallengeApplication_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeApplication" ADD CONSTRAINT "ChallengeApplication_applicantId_fkey" FOREIGN KEY ("applicantId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeApplication" ADD CONSTRAINT "ChallengeApplication_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeTeamMember" ADD CONSTRAINT "ChallengeTeamMember_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "ChallengeApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeTeamMember" ADD CONSTRAINT "ChallengeTeamMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengePanelMember" ADD CONSTRAINT "ChallengePanelMember_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengePanelMember" ADD CONSTRAINT "ChallengePanelMember_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeConflict" ADD CONSTRAINT "ChallengeConflict_panelMemberId_fkey" FOREIGN KEY ("panelMemberId") REFERENCES "ChallengePanelMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeConflict" ADD CONSTRAINT "ChallengeConflict_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "ChallengeApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeScore" ADD CONSTRAINT "ChallengeScore_panelMemberId_fkey" FOREIGN KEY ("panelMemberId") REFERENCES "ChallengePanelMember"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeScore" ADD CONSTRAINT "ChallengeScore_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "ChallengeApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeMilestone" ADD CONSTRAINT "ChallengeMilestone_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "ChallengeApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeOutcome" ADD CONSTRAINT "ChallengeOutcome_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeEvent" ADD CONSTRAINT "ChallengeEvent_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeEvent" ADD CONSTRAINT "ChallengeEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
