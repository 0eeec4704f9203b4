-- The catalogue lists newest first (home page, /needs, /results, API lists): without an index on
-- createdAt each list sorted every row in the viewer's scope (a sequential scan and sort of
-- ~30,000 rows at 100,000 records: ~200 ms of database CPU per list, issue 18).
CREATE INDEX "Need_createdAt_idx" ON "Need"("createdAt");

CREATE INDEX "Result_createdAt_idx" ON "Result"("createdAt");
