-- Scores move from the statements to the distinct pairs of lexicon value and rule hits that
-- they are a function of (model Scoring). A re-score then rewrites a few hundred or thousand
-- pair rows instead of every statement and its score indexes.
CREATE TABLE "Scoring" (
    "scoringId" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "lexicon" REAL NOT NULL,
    "ruleValues" TEXT NOT NULL,
    "score" REAL NOT NULL,
    "label" TEXT NOT NULL,
    "cameo" TEXT,
    "weightVersion" INTEGER NOT NULL,
    CONSTRAINT "Scoring_weightVersion_fkey" FOREIGN KEY ("weightVersion") REFERENCES "WeightSet" ("version") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- A pair whose statements were scored by different versions takes the newest version's score
-- (SQLite gives the other columns of the row holding the MAX), and a later re-score of the
-- pairs not scored by the active version brings it up to date.
INSERT INTO "Scoring" ("lexicon", "ruleValues", "score", "label", "cameo", "weightVersion")
SELECT "lexicon", "ruleValues", "score", "label", "cameo", MAX("weightVersion") FROM "Statement" GROUP BY "lexicon", "ruleValues";

CREATE UNIQUE INDEX "Scoring_lexicon_ruleValues_key" ON "Scoring"("lexicon", "ruleValues");

CREATE INDEX "Scoring_score_scoringId_idx" ON "Scoring"("score", "scoringId");

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
    "scoringId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Statement_scoringId_fkey" FOREIGN KEY ("scoringId") REFERENCES "Scoring" ("scoringId") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Statement" ("context", "createdAt", "date", "dateFrom", "dateTo", "features", "id", "sortDay", "speaker", "speakerCountry", "speakerKey", "target", "text", "updatedAt", "scoringId")
SELECT s."context", s."createdAt", s."date", s."dateFrom", s."dateTo", s."features", s."id", s."sortDay", s."speaker", s."speakerCountry", s."speakerKey", s."target", s."text", s."updatedAt", p."scoringId"
FROM "Statement" s JOIN "Scoring" p ON p."lexicon" = s."lexicon" AND p."ruleValues" = s."ruleValues";
DROP TABLE "Statement";
ALTER TABLE "new_Statement" RENAME TO "Statement";
CREATE INDEX "Statement_date_idx" ON "Statement"("date");
CREATE INDEX "Statement_speakerKey_date_idx" ON "Statement"("speakerKey", "date");
CREATE INDEX "Statement_sortDay_id_idx" ON "Statement"("sortDay", "id");
CREATE INDEX "Statement_scoringId_id_idx" ON "Statement"("scoringId", "id");
CREATE INDEX "Statement_speakerKey_dateTo_idx" ON "Statement"("speakerKey", "dateTo");
CREATE INDEX "Statement_scoring_idx" ON "Statement"("date", "speakerKey", "speakerCountry", "target", "scoringId", "speaker", "dateFrom", "dateTo", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Dropping the old table dropped its triggers (see statement_count): the same again.
CREATE TRIGGER "Statement_counted_on_insert" AFTER INSERT ON "Statement"
BEGIN
    UPDATE "StatementCount" SET "statements" = "statements" + 1 WHERE "shard" = 0;
END;

CREATE TRIGGER "Statement_counted_on_delete" AFTER DELETE ON "Statement"
BEGIN
    UPDATE "StatementCount" SET "statements" = "statements" - 1 WHERE "shard" = 0;
END;
