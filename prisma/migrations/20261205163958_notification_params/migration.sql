-- Notifications store a message key (kind) and its parameters, worded when read in the reader's
-- language; title and body remain for rows written before.
ALTER TABLE "Notification" ADD COLUMN "params" JSONB;
ALTER TABLE "Notification" ALTER COLUMN "title" DROP NOT NULL;
ALTER TABLE "Notification" ALTER COLUMN "body" DROP NOT NULL;
