-- CreateTable
CREATE TABLE "SeriesDay" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "speakerKey" TEXT NOT NULL,
    "speaker" TEXT,
    "speakerCountry" TEXT,
    "target" TEXT,
    "date" TEXT NOT NULL,
    "statements" INTEGER NOT NULL,
    "scoreSum" REAL NOT NULL,
    "scoreMin" REAL NOT NULL,
    "scoreMax" REAL NOT NULL
);

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
    "score" REAL NOT NULL,
    "label" TEXT NOT NULL,
    "cameo" TEXT,
    "contributions" JSONB NOT NULL,
    "weightVersion" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Statement_weightVersion_fkey" FOREIGN KEY ("weightVersion") REFERENCES "WeightSet" ("version") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Statement" ("cameo", "context", "contributions", "createdAt", "date", "dateFrom", "dateTo", "features", "id", "label", "score", "speaker", "speakerCountry", "speakerKey", "target", "text", "updatedAt", "weightVersion") SELECT "cameo", "context", "contributions", "createdAt", "date", "dateFrom", "dateTo", "features", "id", "label", "score", "speaker", "speakerCountry", "speakerKey", "target", "text", "updatedAt", "weightVersion" FROM "Statement";
DROP TABLE "Statement";
ALTER TABLE "new_Statement" RENAME TO "Statement";
CREATE INDEX "Statement_date_idx" ON "Statement"("date");
CREATE INDEX "Statement_speakerKey_date_idx" ON "Statement"("speakerKey", "date");
CREATE INDEX "Statement_label_idx" ON "Statement"("label");
CREATE INDEX "Statement_weightVersion_idx" ON "Statement"("weightVersion");
CREATE INDEX "Statement_sortDay_id_idx" ON "Statement"("sortDay", "id");
CREATE INDEX "Statement_score_id_idx" ON "Statement"("score", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SeriesDay_speakerKey_date_statements_scoreSum_scoreMin_scoreMax_speaker_speakerCountry_target_idx" ON "SeriesDay"("speakerKey", "date", "statements", "scoreSum", "scoreMin", "scoreMax", "speaker", "speakerCountry", "target");

-- CreateIndex
CREATE INDEX "SeriesDay_date_idx" ON "SeriesDay"("date");


-- Backfill (data, not schema): the sort day of stored statements and the chart's rollup.
UPDATE "Statement" SET "sortDay" = COALESCE("date", "dateTo", '');
INSERT INTO "SeriesDay" ("speakerKey", "speaker", "speakerCountry", "target", "date", "statements", "scoreSum", "scoreMin", "scoreMax")
SELECT "speakerKey", MAX("speaker"), "speakerCountry", "target", "date", COUNT(*), SUM("score"), MIN("score"), MAX("score")
FROM "Statement" WHERE "date" IS NOT NULL
GROUP BY "speakerKey", "speakerCountry", "target", "date";
