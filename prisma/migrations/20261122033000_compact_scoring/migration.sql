-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Statement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "speaker" TEXT,
    "speakerKey" TEXT NOT NULL DEFAULT '',
    "speakerCountry" TEXT,
    "target" TEXT,
    "date" TEXT,
    "dateFrom" TEXT,
    "dateTo" TEXT,
    "sortDay" TEXT NOT NULL DEFAULT '',
    "text" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "features" JSONB NOT NULL,
    "lexicon" REAL NOT NULL DEFAULT 0,
    "ruleValues" TEXT NOT NULL DEFAULT '',
    "score" REAL NOT NULL,
    "label" TEXT NOT NULL,
    "cameo" TEXT,
    "weightVersion" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Statement_weightVersion_fkey" FOREIGN KEY ("weightVersion") REFERENCES "WeightSet" ("version") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Statement" ("cameo", "context", "createdAt", "date", "dateFrom", "dateTo", "features", "id", "label", "score", "sortDay", "speaker", "speakerCountry", "speakerKey", "target", "text", "updatedAt", "weightVersion") SELECT "cameo", "context", "createdAt", "date", "dateFrom", "dateTo", "features", "id", "label", "score", "sortDay", "speaker", "speakerCountry", "speakerKey", "target", "text", "updatedAt", "weightVersion" FROM "Statement";
DROP TABLE "Statement";
ALTER TABLE "new_Statement" RENAME TO "Statement";
CREATE INDEX "Statement_date_idx" ON "Statement"("date");
CREATE INDEX "Statement_speakerKey_date_idx" ON "Statement"("speakerKey", "date");
CREATE INDEX "Statement_label_idx" ON "Statement"("label");
CREATE INDEX "Statement_weightVersion_idx" ON "Statement"("weightVersion");
CREATE INDEX "Statement_sortDay_id_idx" ON "Statement"("sortDay", "id");
CREATE INDEX "Statement_score_id_idx" ON "Statement"("score", "id");
CREATE INDEX "Statement_scoring_idx" ON "Statement"("date", "speakerKey", "speakerCountry", "target", "score", "speaker", "dateFrom", "dateTo", "label", "lexicon", "ruleValues", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill (data, not schema): scoring's narrow columns from the stored features.
UPDATE "Statement" SET
  "lexicon" = COALESCE(json_extract("features", '$.lexicon'), 0),
  "ruleValues" = COALESCE((SELECT group_concat(json_extract(h.value, '$.rule') || '=' || json_extract(h.value, '$.value'), char(59)) FROM json_each("features", '$.hits') h), '');
