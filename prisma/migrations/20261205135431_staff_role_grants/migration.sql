-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'ANALYST';

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "registrationCode" TEXT,
ADD COLUMN     "verifiedAt" TIMESTAMP(3),
ADD COLUMN     "verifiedById" TEXT;

-- CreateTable
CREATE TABLE "StaffRoleGrant" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "grantedById" TEXT,
    "reason" TEXT NOT NULL,
    "certificateNo" TEXT,
    "certificateIssuer" TEXT,
    "validUntil" TIMESTAMP(3),
    "previousRole" "Role",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),
    "revokedById" TEXT,
    "revokeReason" TEXT,

    CONSTRAINT "StaffRoleGrant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StaffRoleGrant_userId_idx" ON "StaffRoleGrant"("userId");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_verifiedById_fkey" FOREIGN KEY ("verifiedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRoleGrant" ADD CONSTRAINT "StaffRoleGrant_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRoleGrant" ADD CONSTRAINT "StaffRoleGrant_grantedById_fkey" FOREIGN KEY ("grantedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StaffRoleGrant" ADD CONSTRAINT "StaffRoleGrant_revokedById_fkey" FOREIGN KEY ("revokedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Data: staff users from before grants were recorded get one grant each, so that they keep
-- acting as staff. Nobody recorded a broker's accreditation then: those grants carry
-- "UNRECORDED" and lapse 90 days after this migration unless a platform admin grants the role
-- again with the real certificate (npm run admin -- grant-role ... --cert-no --cert-issuer --valid-until).
INSERT INTO "StaffRoleGrant" ("id", "userId", "role", "grantedById", "reason", "certificateNo", "certificateIssuer", "validUntil", "createdAt")
SELECT 'migrated-' || u."id", u."id", u."role", NULL,
       'migrated: held this staff role before grants were recorded',
       CASE WHEN u."role" = 'BROKER' THEN 'UNRECORDED' END,
       CASE WHEN u."role" = 'BROKER' THEN 'UNRECORDED' END,
       CASE WHEN u."role" = 'BROKER' THEN CURRENT_TIMESTAMP + INTERVAL '90 days' END,
       CURRENT_TIMESTAMP
FROM "User" u
WHERE u."role" IN ('BROKER', 'ADMIN');
