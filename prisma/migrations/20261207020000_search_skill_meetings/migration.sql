-- People search, hand-written like the search index itself: a skill's own meeting mode and weekly slots.
-- search_skill.mode is the mode that skill can be had in (its own, else the person's); own_week says whether the
-- skill has slots of its own. search_slot rows carry the skill and direction they belong to ('' for general).
ALTER TABLE "search_skill" ADD COLUMN "mode" TEXT NOT NULL DEFAULT 'either';
ALTER TABLE "search_skill" ADD COLUMN "own_week" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "search_slot" ADD COLUMN "skill_id" TEXT NOT NULL DEFAULT '';
ALTER TABLE "search_slot" ADD COLUMN "direction" TEXT NOT NULL DEFAULT '';
-- The rows above lack what people set per skill: forgetting the feed position makes the next search rebuild
-- the index from the database (derived data, nothing is lost).
DELETE FROM "search_feed";
