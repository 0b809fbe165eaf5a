-- People search, hand-written like the search index itself: the key of each person's picture, so a result
-- shows it without a read per hit (an avatar change is a profile.updated event, which reindexes the person).
ALTER TABLE "search_person" ADD COLUMN "avatar_key" TEXT;
-- The rows above lack the key: forgetting the feed position makes the next search rebuild the index from the
-- database (derived data, nothing is lost).
DELETE FROM "search_feed";
