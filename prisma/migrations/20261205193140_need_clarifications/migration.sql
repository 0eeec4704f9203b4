-- CreateTable
CREATE TABLE "NeedClarification" (
    "id" TEXT NOT NULL,
    "needId" TEXT NOT NULL,
    "askedById" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "answer" TEXT,
    "answeredById" TEXT,
    "answeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NeedClarification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "NeedClarification_needId_createdAt_idx" ON "NeedClarification"("needId", "createdAt");

-- AddForeignKey
ALTER TABLE "NeedClarification" ADD CONSTRAINT "NeedClarification_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedClarification" ADD CONSTRAINT "NeedClarification_askedById_fkey" FOREIGN KEY ("askedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NeedClarification" ADD CONSTRAINT "NeedClarification_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
