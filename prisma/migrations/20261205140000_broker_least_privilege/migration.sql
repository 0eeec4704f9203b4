-- AlterTable
ALTER TABLE "Need" ADD COLUMN     "brokerHelpAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "BrokerPortfolio" (
    "userId" TEXT NOT NULL,
    "regions" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "chainIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "setById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BrokerPortfolio_pkey" PRIMARY KEY ("userId")
);

-- AddForeignKey
ALTER TABLE "BrokerPortfolio" ADD CONSTRAINT "BrokerPortfolio_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
