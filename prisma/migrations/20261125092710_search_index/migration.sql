-- CreateIndex
CREATE INDEX "OutboxEvent_createdAt_idx" ON "OutboxEvent"("createdAt");

-- People search (hand-written: FTS5 is outside what schema.prisma describes; these tables are derived data
-- owned by core/src/infra/sqlite-fts and rebuilt by `skillswap reindex`).
CREATE TABLE "search_person" (
    "doc" INTEGER NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL UNIQUE,
    "handle" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "name_words" TEXT NOT NULL,
    "handle_words" TEXT NOT NULL,
    "bio_words" TEXT NOT NULL,
    "visibility" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "location_name" TEXT,
    "latitude" REAL,
    "longitude" REAL,
    "trust" REAL NOT NULL,
    "trust_key" INTEGER NOT NULL,
    "rating_count" INTEGER NOT NULL,
    "rating_key" INTEGER NOT NULL,
    "active_at" INTEGER NOT NULL
);
CREATE INDEX "search_person_latitude" ON "search_person"("latitude");
CREATE INDEX "search_person_rating" ON "search_person"("rating_key");
CREATE INDEX "search_person_active" ON "search_person"("active_at");

-- One row per person, skill and direction. rank_key is the relevance sort key of a match on this row
-- (skill weight with the teaching bonus, × 1000, + the person's trust): single-skill searches walk the
-- (skill, rank_key, user_id) indexes in order and stop after a page. is_best marks the better of a person's
-- two rows for one skill, for searches in either direction.
CREATE TABLE "search_skill" (
    "skill_id" TEXT NOT NULL,
    "direction" TEXT NOT NULL,
    "doc" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "category_id" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "rank_key" INTEGER NOT NULL,
    "is_best" INTEGER NOT NULL,
    PRIMARY KEY ("skill_id", "direction", "doc")
) WITHOUT ROWID;
CREATE INDEX "search_skill_doc" ON "search_skill"("doc");
CREATE INDEX "search_skill_category" ON "search_skill"("category_id", "direction", "level");
CREATE INDEX "search_skill_best_rank" ON "search_skill"("skill_id", "is_best", "rank_key" DESC, "user_id");
CREATE INDEX "search_skill_direction_rank" ON "search_skill"("skill_id", "direction", "rank_key" DESC, "user_id");
CREATE INDEX "search_skill_rank" ON "search_skill"("skill_id", "rank_key" DESC, "user_id");

CREATE TABLE "search_slot" (
    "doc" INTEGER NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "end_minute" INTEGER NOT NULL
);
CREATE INDEX "search_slot_doc" ON "search_slot"("doc");

CREATE TABLE "search_member" (
    "community_id" TEXT NOT NULL,
    "doc" INTEGER NOT NULL,
    PRIMARY KEY ("community_id", "doc")
) WITHOUT ROWID;
CREATE INDEX "search_member_doc" ON "search_member"("doc");

-- Names, handles and bios as normalised words, one column each so a match says which field it came from.
CREATE VIRTUAL TABLE "search_text" USING fts5("name_words", "handle_words", "bio_words", tokenize = 'unicode61');

-- Every indexed word of four letters or more, and its trigrams: typo tolerance looks words up by shared
-- trigrams, then keeps those within the edit budget.
CREATE TABLE "search_word" ("term" TEXT NOT NULL PRIMARY KEY);
CREATE VIRTUAL TABLE "search_term" USING fts5("term", tokenize = 'trigram');
CREATE TRIGGER "search_word_added" AFTER INSERT ON "search_word" BEGIN
    INSERT INTO "search_term"("rowid", "term") VALUES (new."rowid", new."term");
END;

-- The last outbox event the index has applied.
CREATE TABLE "search_feed" (
    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
    "event_id" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);
