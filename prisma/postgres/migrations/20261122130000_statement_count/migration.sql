-- The statement table's unfiltered total, kept by triggers so that showing it never counts
-- every row. Each INSERT or DELETE statement adds its rows to the shard of its connection:
-- concurrent ingest transactions update different rows instead of queueing on one until
-- the first commits. The total is the sum of the shards.
CREATE TABLE "StatementCount" (
    "shard" INTEGER NOT NULL,
    "statements" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StatementCount_pkey" PRIMARY KEY ("shard")
);

INSERT INTO "StatementCount" ("shard", "statements") SELECT "shard", 0 FROM generate_series(0, 15) AS "shard";
UPDATE "StatementCount" SET "statements" = (SELECT COUNT(*) FROM "Statement") WHERE "shard" = 0;

-- Prisma's schema engine splits a migration at every semicolon, dollar quotes included: the
-- function's own semicolons are written as the escape \073.
CREATE FUNCTION "Statement_count_rows"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN IF TG_OP = ''INSERT'' THEN UPDATE "StatementCount" SET "statements" = "statements" + (SELECT COUNT(*) FROM "inserted") WHERE "shard" = pg_backend_pid() % 16\073 ELSE UPDATE "StatementCount" SET "statements" = "statements" - (SELECT COUNT(*) FROM "deleted") WHERE "shard" = pg_backend_pid() % 16\073 END IF\073 RETURN NULL\073 END';

CREATE TRIGGER "Statement_counted_on_insert" AFTER INSERT ON "Statement"
    REFERENCING NEW TABLE AS "inserted" FOR EACH STATEMENT EXECUTE FUNCTION "Statement_count_rows"();

CREATE TRIGGER "Statement_counted_on_delete" AFTER DELETE ON "Statement"
    REFERENCING OLD TABLE AS "deleted" FOR EACH STATEMENT EXECUTE FUNCTION "Statement_count_rows"();
