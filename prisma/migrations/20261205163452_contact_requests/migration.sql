-- "I can help" / "I'm interested" contact requests (issue 14).
CREATE TYPE "ContactKind" AS ENUM ('NEED_OFFER', 'RESULT_INTEREST');
CREATE TYPE "ContactStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED');

CREATE TABLE "ContactRequest" (
    "id" TEXT NOT NULL,
    "kind" "ContactKind" NOT NULL,
    "needId" TEXT,
    "resultId" TEXT,
    "senderId" TEXT NOT NULL,
    "ownerOrganisationId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "status" "ContactStatus" NOT NULL DEFAULT 'PENDING',
    "declineReason" TEXT,
    "respondBy" TIMESTAMP(3) NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "decidedById" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "ContactRequest_pkey" PRIMARY KEY ("id"),
    -- exactly one target, matching the kind
    CONSTRAINT "ContactRequest_target_check" CHECK (
        ("kind" = 'NEED_OFFER' AND "needId" IS NOT NULL AND "resultId" IS NULL) OR
        ("kind" = 'RESULT_INTEREST' AND "resultId" IS NOT NULL AND "needId" IS NULL)
    )
);

CREATE UNIQUE INDEX "ContactRequest_senderId_needId_key" ON "ContactRequest"("senderId", "needId");
CREATE UNIQUE INDEX "ContactRequest_senderId_resultId_key" ON "ContactRequest"("senderId", "resultId");
CREATE INDEX "ContactRequest_ownerOrganisationId_status_idx" ON "ContactRequest"("ownerOrganisationId", "status");
CREATE INDEX "ContactRequest_status_respondBy_idx" ON "ContactRequest"("status", "respondBy");

ALTER TABLE "ContactRequest" ADD CONSTRAINT "ContactRequest_needId_fkey" FOREIGN KEY ("needId") REFERENCES "Need"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ContactRequest" ADD CONSTRAINT "ContactRequest_resultId_fkey" FOREIGN KEY ("resultId") REFERENCES "Result"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "ContactRequest" ADD CONSTRAINT "ContactRequest_senderId_fkey" FOREIGN KEY ("senderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Message" ADD COLUMN "contactId" TEXT;
CREATE INDEX "Message_contactId_createdAt_idx" ON "Message"("contactId", "createdAt");
ALTER TABLE "Message" ADD CONSTRAINT "Message_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "ContactRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
