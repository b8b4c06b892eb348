-- Hand-written (no schema change): search drugs by any word of their name, generic name or strength at once,
-- e.g. "amox 500", through one trigram index over the three, which the search query repeats exactly.
DROP INDEX IF EXISTS "Drug_name_trgm";
DROP INDEX IF EXISTS "Drug_genericName_trgm";
CREATE INDEX "Drug_search_trgm" ON "Drug" USING GIN (("name" || ' ' || "genericName" || ' ' || "strength") gin_trgm_ops);
