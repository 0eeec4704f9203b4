-- Chain monitor (issue 16): aggregates refreshed by the worker, public metrics, key project lists.

CREATE TABLE "MonitorNeedFact" (
    "needId" TEXT NOT NULL,
    "chainNodeId" TEXT NOT NULL DEFAULT '',
    "chainId" TEXT NOT NULL DEFAULT '',
    "region" TEXT NOT NULL DEFAULT '',
    "orgKind" "OrgKind" NOT NULL,
    "visibility" "Visibility" NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL,
    "trlTarget" INTEGER,
    "firstMatchAt" TIMESTAMP(3),
    "firstContactAt" TIMESTAMP(3),
    "introductions" INTEGER NOT NULL DEFAULT 0,
    "contractAt" TIMESTAMP(3),
    "contractValueCny" BIGINT NOT NULL DEFAULT 0,
    "endedAt" TIMESTAMP(3),
    "solved" BOOLEAN NOT NULL DEFAULT false,
    "leftUnmetAt" TIMESTAMP(3),
    "activeDeal" BOOLEAN NOT NULL DEFAULT false,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MonitorNeedFact_pkey" PRIMARY KEY ("needId")
);
CREATE INDEX "MonitorNeedFact_chainNodeId_idx" ON "MonitorNeedFact"("chainNodeId");
CREATE INDEX "MonitorNeedFact_chainId_postedAt_idx" ON "MonitorNeedFact"("chainId", "postedAt");

CREATE TABLE "MonitorMonthFact" (
    "month" TIMESTAMP(3) NOT NULL,
    "chainNodeId" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "orgKind" "OrgKind" NOT NULL,
    "posted" INTEGER NOT NULL DEFAULT 0,
    "matched" INTEGER NOT NULL DEFAULT 0,
    "contacted" INTEGER NOT NULL DEFAULT 0,
    "contracted" INTEGER NOT NULL DEFAULT 0,
    "solved" INTEGER NOT NULL DEFAULT 0,
    "expiredUnsolved" INTEGER NOT NULL DEFAULT 0,
    "leftUnmet" INTEGER NOT NULL DEFAULT 0,
    "resultsPublished" INTEGER NOT NULL DEFAULT 0,
    "contractValueCny" BIGINT NOT NULL DEFAULT 0,
    "matchDaysSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "matchDaysN" INTEGER NOT NULL DEFAULT 0,
    "contactDaysSum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "contactDaysN" INTEGER NOT NULL DEFAULT 0,
    "needTrlSum" INTEGER NOT NULL DEFAULT 0,
    "needTrlN" INTEGER NOT NULL DEFAULT 0,
    "resultTrlSum" INTEGER NOT NULL DEFAULT 0,
    "resultTrlN" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "MonitorMonthFact_pkey" PRIMARY KEY ("month","chainNodeId","region","orgKind")
);
CREATE INDEX "MonitorMonthFact_chainNodeId_month_idx" ON "MonitorMonthFact"("chainNodeId", "month");

CREATE TABLE "MonitorNodeHistogram" (
    "chainNodeId" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "bucket" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "MonitorNodeHistogram_pkey" PRIMARY KEY ("chainNodeId","dimension","bucket")
);

CREATE TABLE "MonitorRefreshState" (
    "key" TEXT NOT NULL,
    "watermark" TIMESTAMP(3) NOT NULL,
    "lastRunAt" TIMESTAMP(3) NOT NULL,
    "lastRunMs" INTEGER NOT NULL DEFAULT 0,
    "lastChanged" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "MonitorRefreshState_pkey" PRIMARY KEY ("key")
);

CREATE TABLE "PublishedMetric" (
    "chainId" TEXT NOT NULL,
    "quarter" TEXT NOT NULL,
    "needsPosted" INTEGER,
    "matchedWithin7dPct" DOUBLE PRECISION,
    "contactedPct" DOUBLE PRECISION,
    "introductions" INTEGER,
    "contracts" INTEGER,
    "contractValueCny" BIGINT,
    "medianDaysToContact" DOUBLE PRECISION,
    "medianDaysToContract" DOUBLE PRECISION,
    "computedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "PublishedMetric_pkey" PRIMARY KEY ("chainId","quarter")
);

CREATE TABLE "KeyProjectList" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "KeyProjectList_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "KeyProjectList_ownerId_idx" ON "KeyProjectList"("ownerId");
ALTER TABLE "KeyProjectList" ADD CONSTRAINT "KeyProjectList_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

CREATE TABLE "KeyProjectItem" (
    "id" TEXT NOT NULL,
    "listId" TEXT NOT NULL,
    "chainNodeId" TEXT NOT NULL,
    "needIds" TEXT[],
    "annotation" TEXT,
    "scoreAtAdd" DOUBLE PRECISION NOT NULL,
    "challengeDraftId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "KeyProjectItem_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "KeyProjectItem_listId_chainNodeId_key" ON "KeyProjectItem"("listId", "chainNodeId");
ALTER TABLE "KeyProjectItem" ADD CONSTRAINT "KeyProjectItem_listId_fkey" FOREIGN KEY ("listId") REFERENCES "KeyProjectList"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "KeyProjectItem" ADD CONSTRAINT "KeyProjectItem_chainNodeId_fkey" FOREIGN KEY ("chainNodeId") REFERENCES "ChainNode"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Incremental refresh: find needs and results changed since the watermark without a full scan.
CREATE INDEX "Need_updatedAt_idx" ON "Need"("updatedAt");
-- A node portrait lists and counts the open needs of one node.
CREATE INDEX "Need_chainNodeId_status_idx" ON "Need"("chainNodeId", "status");
CREATE INDEX "Result_updatedAt_idx" ON "Result"("updatedAt");
CREATE INDEX "Introduction_updatedAt_idx" ON "Introduction"("updatedAt");
