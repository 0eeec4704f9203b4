-- CreateEnum
CREATE TYPE "TriageStatus" AS ENUM ('NEW', 'CLARIFICATION_REQUESTED', 'READY');

-- CreateEnum
CREATE TYPE "ProposalStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "Need" ADD COLUMN     "triageStatus" "TriageStatus" NOT NULL DEFAULT 'NEW',
ADD COLUMN     "triagedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "NeedEditProposal" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "note" TEXT,
    "status" "ProposalStatus" NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NeedEditProposal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NeedEditProposal_needId_status_idx" ON "NeedEditProposal"("needId", "status");

-- AddForeignKey
ALTER TABLE "NeedEditProposal" ADD CONSTRAINT "NeedEditProposal_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedEditProposal" ADD CONSTRAINT "NeedEditProposal_proposedById_fkey" FOREIGN KEY ("proposedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
