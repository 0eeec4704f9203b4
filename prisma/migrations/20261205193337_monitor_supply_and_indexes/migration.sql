-- AlterTable
ALTER TABLE "MonitorMonthFact" ADD COLUMN     "instrumentsJoined" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "researchersJoined" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "MonitorSupplyFact" (
    "chainNodeId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "joinedAt" TIMESTAMP(3) NOT NULL,
    "region" TEXT NOT NULL DEFAULT '',
    "orgKind" "OrgKind" NOT NULL,

    CONSTRAINT "MonitorSupplyFact_pkey" PRIMARY KEY ("chainNodeId","kind","subjectId")
);

-- CreateIndex
CREATE INDEX "MonitorMonthFact_region_chainNodeId_month_idx" ON "MonitorMonthFact"("region", "chainNodeId", "month");

-- CreateIndex
CREATE INDEX "MonitorMonthFact_orgKind_chainNodeId_month_idx" ON "MonitorMonthFact"("orgKind", "chainNodeId", "month");

-- CreateIndex
CREATE INDEX "Result_chainNodeId_status_trl_idx" ON "Result"("chainNodeId", "status", "trl");
