-- The person's communities on the person row, space-separated, written for both databases by the one SQL
-- search index; PostgreSQL tests membership on it (see that migration of the same name), SQLite keeps asking
-- search_member, which its planner reads well. Filled by the rebuild that forgetting the feed position starts.
ALTER TABLE "search_person" ADD COLUMN "community_ids" TEXT NOT NULL DEFAULT '';
-- The person's coordinates on each skill row too: a search for a skill within a distance narrows the skill's
-- rows to the box before joining each to its person (thousands of people teach chess; a few dozen near Paris).
ALTER TABLE "search_skill" ADD COLUMN "latitude" REAL;
ALTER TABLE "search_skill" ADD COLUMN "longitude" REAL;
DELETE FROM "search_feed";
-- PostgreSQL's search index also moved to one tsvector per text field; SQLite's FTS5 table already keeps the
-- three fields in columns of their own.
