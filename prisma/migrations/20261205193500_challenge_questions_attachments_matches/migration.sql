-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "challengeApplicationId" TEXT,
ADD COLUMN     "challengeMilestoneId" TEXT;

-- CreateTable
CREATE TABLE "ChallengeQuestion" (
    "id" TEXT NOT NULL,
    "applicationId" TEXT NOT NULL,
    "askedById" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT,
    "answeredById" TEXT,
    "askedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "answeredAt" TIMESTAMP(3),

    CONSTRAINT "ChallengeQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChallengeMatchSnapshot" (
    "challengeId" TEXT NOT NULL,
    "challengeVersion" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "matches" JSONB NOT NULL DEFAULT '[]',
    "researchers" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "ChallengeMatchSnapshot_pkey" PRIMARY KEY ("challengeId")
);

-- CreateIndex
CREATE INDEX "ChallengeQuestion_applicationId_askedAt_idx" ON "ChallengeQuestion"("applicationId", "askedAt");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_challengeApplicationId_fkey" FOREIGN KEY ("challengeApplicationId") REFERENCES "ChallengeApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_challengeMilestoneId_fkey" FOREIGN KEY ("challengeMilestoneId") REFERENCES "ChallengeMilestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeQuestion" ADD CONSTRAINT "ChallengeQuestion_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "ChallengeApplication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeQuestion" ADD CONSTRAINT "ChallengeQuestion_askedById_fkey" FOREIGN KEY ("askedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeQuestion" ADD CONSTRAINT "ChallengeQuestion_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ChallengeMatchSnapshot" ADD CONSTRAINT "ChallengeMatchSnapshot_challengeId_fkey" FOREIGN KEY ("challengeId") REFERENCES "Challenge"("id") ON DELETE CASCADE ON UPDATE CASCADE;
