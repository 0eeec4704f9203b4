-- CreateEnum
CREATE TYPE "InstrumentService" AS ENUM ('OPERATOR', 'SELF_OPERATED');

-- CreateEnum
CREATE TYPE "InstrumentStatus" AS ENUM ('ACTIVE', 'RETIRED');

-- CreateEnum
CREATE TYPE "PriceUnit" AS ENUM ('HOUR', 'SAMPLE');

-- CreateEnum
CREATE TYPE "PriceTier" AS ENUM ('INTERNAL', 'PARTNER', 'EXTERNAL');

-- CreateEnum
CREATE TYPE "BookingStatus" AS ENUM ('REQUESTED', 'PROPOSED', 'APPROVED', 'DECLINED', 'CANCELLED', 'COMPLETED', 'RATED', 'NO_SHOW');

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "bookingId" TEXT;

-- CreateTable
CREATE TABLE "Instrument" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "managerId" TEXT NOT NULL,
    "externalId" TEXT,
    "name" TEXT NOT NULL,
    "nameEn" TEXT,
    "categoryCode" TEXT NOT NULL,
    "maker" TEXT,
    "model" TEXT,
    "specs" TEXT,
    "capabilities" TEXT,
    "campus" TEXT,
    "building" TEXT,
    "room" TEXT,
    "region" TEXT,
    "services" "InstrumentService"[],
    "sampleRequirements" TEXT,
    "priceUnit" "PriceUnit" NOT NULL DEFAULT 'HOUR',
    "priceInternal" INTEGER NOT NULL DEFAULT 0,
    "pricePartner" INTEGER NOT NULL DEFAULT 0,
    "priceExternal" INTEGER NOT NULL DEFAULT 0,
    "partnerOrganisationIds" TEXT[],
    "operatorName" TEXT,
    "contactPhone" TEXT,
    "contactEmail" TEXT,
    "openDays" INTEGER[] DEFAULT ARRAY[1, 2, 3, 4, 5]::INTEGER[],
    "opensAt" TEXT NOT NULL DEFAULT '09:00',
    "closesAt" TEXT NOT NULL DEFAULT '18:00',
    "freeCancelHours" INTEGER NOT NULL DEFAULT 24,
    "status" "InstrumentStatus" NOT NULL DEFAULT 'ACTIVE',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Instrument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstrumentClosure" (
    "id" TEXT NOT NULL,
    "instrumentId" TEXT NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT,

    CONSTRAINT "InstrumentClosure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstrumentBooking" (
    "id" TEXT NOT NULL,
    "instrumentId" TEXT NOT NULL,
    "bookerId" TEXT NOT NULL,
    "organisationId" TEXT,
    "service" "InstrumentService" NOT NULL DEFAULT 'OPERATOR',
    "purpose" TEXT NOT NULL,
    "sample" TEXT,
    "sampleCount" INTEGER,
    "hazards" TEXT,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "status" "BookingStatus" NOT NULL DEFAULT 'REQUESTED',
    "tier" "PriceTier" NOT NULL,
    "declineReason" TEXT,
    "hoursUsed" DECIMAL(8,2),
    "fee" INTEGER,
    "rating" INTEGER,
    "ratingComment" TEXT,
    "approvedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InstrumentBooking_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InstrumentBookingEvent" (
    "id" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "fromStatus" "BookingStatus",
    "toStatus" "BookingStatus" NOT NULL,
    "actorId" TEXT,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstrumentBookingEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Instrument_organisationId_idx" ON "Instrument"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Instrument_organisationId_externalId_key" ON "Instrument"("organisationId", "externalId");

-- CreateIndex
CREATE INDEX "InstrumentClosure_instrumentId_startsAt_idx" ON "InstrumentClosure"("instrumentId", "startsAt");

-- CreateIndex
CREATE INDEX "InstrumentBooking_instrumentId_startsAt_idx" ON "InstrumentBooking"("instrumentId", "startsAt");

-- CreateIndex
CREATE INDEX "InstrumentBooking_bookerId_idx" ON "InstrumentBooking"("bookerId");

-- CreateIndex
CREATE INDEX "InstrumentBooking_status_startsAt_idx" ON "InstrumentBooking"("status", "startsAt");

-- CreateIndex
CREATE INDEX "InstrumentBookingEvent_bookingId_at_idx" ON "InstrumentBookingEvent"("bookingId", "at");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "InstrumentBooking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Instrument" ADD CONSTRAINT "Instrument_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Instrument" ADD CONSTRAINT "Instrument_managerId_fkey" FOREIGN KEY ("managerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentClosure" ADD CONSTRAINT "InstrumentClosure_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentBooking" ADD CONSTRAINT "InstrumentBooking_instrumentId_fkey" FOREIGN KEY ("instrumentId") REFERENCES "Instrument"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentBooking" ADD CONSTRAINT "InstrumentBooking_bookerId_fkey" FOREIGN KEY ("bookerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentBooking" ADD CONSTRAINT "InstrumentBooking_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentBookingEvent" ADD CONSTRAINT "InstrumentBookingEvent_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "InstrumentBooking"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InstrumentBookingEvent" ADD CONSTRAINT "InstrumentBookingEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written (Prisma does not model these): bookings of one instrument never overlap while they
-- hold their slot. The exclusion constraint is checked by PostgreSQL itself, so two transactions
-- booking overlapping slots at the same moment cannot both commit (the second waits for the
-- first and then fails with 23P01, mapped to AppError CONFLICT "bookingOverlap").
CREATE EXTENSION IF NOT EXISTS btree_gist;

ALTER TABLE "InstrumentBooking" ADD CONSTRAINT "InstrumentBooking_valid_range" CHECK ("endsAt" > "startsAt");
ALTER TABLE "InstrumentBooking" ADD CONSTRAINT "InstrumentBooking_rating_range" CHECK ("rating" IS NULL OR "rating" BETWEEN 1 AND 5);
ALTER TABLE "InstrumentClosure" ADD CONSTRAINT "InstrumentClosure_valid_range" CHECK ("endsAt" > "startsAt");

ALTER TABLE "InstrumentBooking" ADD CONSTRAINT "InstrumentBooking_no_overlap"
  EXCLUDE USING gist ("instrumentId" WITH =, tstzrange("startsAt", "endsAt", '[)') WITH &&)
  WHERE ("status" IN ('REQUESTED', 'PROPOSED', 'APPROVED', 'COMPLETED', 'RATED'));
