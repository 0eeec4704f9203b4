-- The catalogue lists newest first (home page, /needs, /results, API lists): without an index on
-- createdAt each list sorted every row in the viewer's scope (a sequential scan and sort of
-- ~30,000 rows at 100,000 records: ~200 ms of database CPU per list, issue 18).
CREATE INDEX "Need_createdAt_idx" ON "Need"("createdAt");

CREATE INDEX "Result_createdAt_idx" ON "Result"("createdAt");

-- The broker's candidates queue lists published needs newest first, then unpublished ones
-- (lib/recommend/broker-candidates.ts): a sort of the broker's whole scope per view (~210 ms)
-- without it.
CREATE INDEX "Need_publishedAt_createdAt_idx" ON "Need"("publishedAt" DESC, "createdAt" DESC);
