-- People search, hand-written like the search index itself: one tsvector per text field instead of one weighted
-- vector for all three. A GIN index keeps lexemes without their weights, so a name search on the shared vector
-- fetched every person whose bio held the word and threw them away on recheck ("lea:*A" read each bio that says
-- "learn"), and the planner, estimating prefixes over all fields, walked the whole table instead. Per field, the
-- index answers exactly and the statistics are the field's own.
DROP INDEX IF EXISTS "search_person_tsv";
ALTER TABLE "search_person" DROP COLUMN "tsv";
ALTER TABLE "search_person" ADD COLUMN "name_tsv" TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', "name_words")) STORED;
ALTER TABLE "search_person" ADD COLUMN "handle_tsv" TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', "handle_words")) STORED;
ALTER TABLE "search_person" ADD COLUMN "bio_tsv" TSVECTOR GENERATED ALWAYS AS (to_tsvector('simple', "bio_words")) STORED;
CREATE INDEX "search_person_name_tsv" ON "search_person" USING GIN ("name_tsv");
CREATE INDEX "search_person_handle_tsv" ON "search_person" USING GIN ("handle_tsv");
CREATE INDEX "search_person_bio_tsv" ON "search_person" USING GIN ("bio_tsv");

-- The person's communities on the person row, space-separated: a search by a member of a community tests the
-- few hundred people its words find on their own rows, where checking search_member made the planner hash every
-- member of the viewer's communities first (tens of thousands). Filled by the rebuild that forgetting the feed
-- position starts (derived data, nothing is lost).
ALTER TABLE "search_person" ADD COLUMN "community_ids" TEXT NOT NULL DEFAULT '';
-- The person's coordinates on each skill row too: a search for a skill within a distance narrows the skill's
-- rows to the box before joining each to its person (thousands of people teach chess; a few dozen near Paris).
ALTER TABLE "search_skill" ADD COLUMN "latitude" DOUBLE PRECISION;
ALTER TABLE "search_skill" ADD COLUMN "longitude" DOUBLE PRECISION;
DELETE FROM "search_feed";

-- A skill belongs to one category: without knowing that, the planner multiplied the two conditions' estimates
-- and, for a skill and its category, expected a handful of rows where there are hundreds, sorting them all
-- instead of walking the skill's rank index and stopping after a page.
CREATE STATISTICS "search_skill_category_of_skill" (dependencies) ON "skill_id", "category_id" FROM "search_skill";
