-- CreateIndex
CREATE INDEX "OutboxEvent_createdAt_idx" ON "OutboxEvent"("createdAt");

-- People search (hand-written: tsvector and trigram indexes are outside what schema.prisma describes; these
-- tables are derived data owned by core/src/infra/postgres-search and rebuilt by `skillswap reindex`).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "search_person" (
    "doc" BIGINT NOT NULL PRIMARY KEY,
    "user_id" TEXT NOT NULL UNIQUE,
    "handle" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "name_words" TEXT NOT NULL,
    "handle_words" TEXT NOT NULL,
    "bio_words" TEXT NOT NULL,
    "tsv" TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', "name_words"), 'A') ||
        setweight(to_tsvector('simple', "handle_words"), 'B') ||
        setweight(to_tsvector('simple', "bio_words"), 'C')
    ) STORED,
    "visibility" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "location_name" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "trust" DOUBLE PRECISION NOT NULL,
    "trust_key" INTEGER NOT NULL,
    "rating_count" INTEGER NOT NULL,
    "rating_key" BIGINT NOT NULL,
    "active_at" BIGINT NOT NULL
);
CREATE INDEX "search_person_tsv" ON "search_person" USING GIN ("tsv");
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
    "doc" BIGINT NOT NULL,
    "user_id" TEXT NOT NULL,
    "category_id" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "rank_key" BIGINT NOT NULL,
    "is_best" INTEGER NOT NULL,
    PRIMARY KEY ("skill_id", "direction", "doc")
);
CREATE INDEX "search_skill_doc" ON "search_skill"("doc");
CREATE INDEX "search_skill_category" ON "search_skill"("category_id", "direction", "level");
CREATE INDEX "search_skill_best_rank" ON "search_skill"("skill_id", "is_best", "rank_key" DESC, "user_id");
CREATE INDEX "search_skill_direction_rank" ON "search_skill"("skill_id", "direction", "rank_key" DESC, "user_id");
CREATE INDEX "search_skill_rank" ON "search_skill"("skill_id", "rank_key" DESC, "user_id");

CREATE TABLE "search_slot" (
    "doc" BIGINT NOT NULL,
    "start_minute" INTEGER NOT NULL,
    "end_minute" INTEGER NOT NULL
);
CREATE INDEX "search_slot_doc" ON "search_slot"("doc");

CREATE TABLE "search_member" (
    "community_id" TEXT NOT NULL,
    "doc" BIGINT NOT NULL,
    PRIMARY KEY ("community_id", "doc")
);
CREATE INDEX "search_member_doc" ON "search_member"("doc");

-- Every indexed word of four letters or more: typo tolerance finds words by trigram similarity, then keeps
-- those within the edit budget.
CREATE TABLE "search_word" ("term" TEXT NOT NULL PRIMARY KEY);
CREATE INDEX "search_word_trigrams" ON "search_word" USING GIN ("term" gin_trgm_ops);

-- The last outbox event the index has applied.
CREATE TABLE "search_feed" (
    "id" INTEGER NOT NULL PRIMARY KEY CHECK ("id" = 1),
    "event_id" TEXT NOT NULL,
    "created_at" BIGINT NOT NULL
);

-- Great-circle distance, the same formula and earth radius as core/src/infra/gazetteer/distance.ts.
CREATE FUNCTION "search_distance_km"(lat1 DOUBLE PRECISION, lon1 DOUBLE PRECISION, lat2 DOUBLE PRECISION, lon2 DOUBLE PRECISION)
RETURNS DOUBLE PRECISION LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT 2 * 6371.0088 * asin(least(1, sqrt(
        power(sin(radians(lat2 - lat1) / 2), 2) +
        cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2)
    )))
$$;
