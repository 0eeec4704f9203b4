-- Partners move from each instrument (partnerOrganisationIds) to the institution (InstitutionPartner):
-- the lists instruments had are carried over (union per institution) before the column goes.

-- CreateTable
CREATE TABLE "InstitutionPartner" (
    "organisationId" TEXT NOT NULL,
    "partnerOrganisationId" TEXT NOT NULL,
    "addedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstitutionPartner_pkey" PRIMARY KEY ("organisationId","partnerOrganisationId")
);

-- CreateTable
CREATE TABLE "InstrumentPhoto" (
    "id" TEXT NOT NULL,
    "instrumentId" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "fileName" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "data" BYTEA NOT NULL,
    "thumb" BYTEA NOT NULL,
    "uploadedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstrumentPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "InstitutionPartner_partnerOrganisationId_idx" ON "InstitutionPartner"("partnerOrganisationId");

-- CreateIndex
CREATE INDEX "InstrumentPhoto_instrumentId_position_idx" ON "InstrumentPhoto"("instrumentId", "position");

-- AddForeignKey
ALTER TABLE "InstitutionPartner" ADD CONSTRAINT "InstitutionPartner_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstitutionPartner" ADD CONSTRAINT "InstitutionPartner_partnerOrganisationId_fkey" FOREIGN KEY ("partnerOrganisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentPhoto" ADD CONSTRAINT "InstrumentPhoto_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Carry over the per-instrument partner lists (organisations that still exist, never the institution itself).
INSERT INTO "InstitutionPartner" ("organisationId", "partnerOrganisationId")
SELECT DISTINCT i."organisationId", p.id
FROM "Instrument" i
CROSS JOIN LATERAL unnest(i."partnerOrganisationIds") AS u(pid)
JOIN "Organisation" p ON p.id = u.pid
WHERE p.id <> i."organisationId"
ON CONFLICT DO NOTHING;

-- AlterTable
ALTER TABLE "Instrument" DROP COLUMN "partnerOrganisationIds";
