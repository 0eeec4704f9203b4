-- CreateTable
CREATE TABLE "NeedMatchSnapshot" (
    "needId" TEXT NOT NULL,
    "needVersion" INTEGER NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,
    "matches" JSONB NOT NULL,
    "researchers" JSONB NOT NULL,

    CONSTRAINT "NeedMatchSnapshot_pkey" PRIMARY KEY ("needId")
);

-- AddForeignKey
ALTER TABLE "NeedMatchSnapshot" ADD CONSTRAINT "NeedMatchSnapshot_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;
