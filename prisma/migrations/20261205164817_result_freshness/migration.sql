-- Research results get the needs' freshness rule (issue 14): a published result must be
-- re-confirmed every 90 days or it expires and leaves the catalogue.
ALTER TYPE "ResultStatus" ADD VALUE 'EXPIRED';

ALTER TABLE "Result" ADD COLUMN "reconfirmBy" TIMESTAMP(3) DEFAULT (now() + interval '90 days');

-- Results published before this rule: 90 days from their last change, but never sooner than the
-- first reminder (14 days), so that no owner loses a result without being told first.
UPDATE "Result" SET "reconfirmBy" = GREATEST("updatedAt" + interval '90 days', now() + interval '15 days');

CREATE INDEX "Result_status_reconfirmBy_idx" ON "Result"("status", "reconfirmBy");
