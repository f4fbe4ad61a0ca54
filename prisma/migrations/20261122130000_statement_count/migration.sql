-- The statement table's unfiltered total, kept by triggers so that showing it never counts
-- every row. SQLite admits one writer at a time: one shard suffices.
CREATE TABLE "StatementCount" (
    "shard" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "statements" INTEGER NOT NULL DEFAULT 0
);

INSERT INTO "StatementCount" ("shard", "statements") SELECT 0, COUNT(*) FROM "Statement";

CREATE TRIGGER "Statement_counted_on_insert" AFTER INSERT ON "Statement"
BEGIN
    UPDATE "StatementCount" SET "statements" = "statements" + 1 WHERE "shard" = 0;
END;

CREATE TRIGGER "Statement_counted_on_delete" AFTER DELETE ON "Statement"
BEGIN
    UPDATE "StatementCount" SET "statements" = "statements" - 1 WHERE "shard" = 0;
END;
