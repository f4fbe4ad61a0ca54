-- Scores move from the statements to the distinct pairs of lexicon value and rule hits that
-- they are a function of (model Scoring). A re-score then rewrites a few hundred or thousand
-- pair rows instead of every statement and its score indexes.
CREATE TABLE "Scoring" (
    "scoringId" SERIAL NOT NULL,
    "lexicon" DOUBLE PRECISION NOT NULL,
    "ruleValues" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "label" TEXT NOT NULL,
    "cameo" TEXT,
    "weightVersion" INTEGER NOT NULL,

    CONSTRAINT "Scoring_pkey" PRIMARY KEY ("scoringId")
);

-- A pair whose statements were scored by different versions takes the newest version's score,
-- and a later re-score of the pairs not scored by the active version brings it up to date.
INSERT INTO "Scoring" ("lexicon", "ruleValues", "score", "label", "cameo", "weightVersion")
SELECT DISTINCT ON ("lexicon", "ruleValues") "lexicon", "ruleValues", "score", "label", "cameo", "weightVersion"
FROM "Statement" ORDER BY "lexicon", "ruleValues", "weightVersion" DESC;

CREATE UNIQUE INDEX "Scoring_lexicon_ruleValues_key" ON "Scoring"("lexicon", "ruleValues");

CREATE INDEX "Scoring_score_scoringId_idx" ON "Scoring"("score", "scoringId");

ALTER TABLE "Scoring" ADD CONSTRAINT "Scoring_weightVersion_fkey" FOREIGN KEY ("weightVersion") REFERENCES "WeightSet"("version") ON DELETE RESTRICT ON UPDATE CASCADE;

ALTER TABLE "Statement" ADD COLUMN "scoringId" INTEGER;

UPDATE "Statement" s SET "scoringId" = p."scoringId" FROM "Scoring" p WHERE p."lexicon" = s."lexicon" AND p."ruleValues" = s."ruleValues";

ALTER TABLE "Statement" ALTER COLUMN "scoringId" SET NOT NULL;

ALTER TABLE "Statement" DROP CONSTRAINT "Statement_weightVersion_fkey";

DROP INDEX "Statement_label_idx";

DROP INDEX "Statement_score_id_idx";

DROP INDEX "Statement_scoring_idx";

ALTER TABLE "Statement" DROP COLUMN "cameo",
DROP COLUMN "label",
DROP COLUMN "lexicon",
DROP COLUMN "ruleValues",
DROP COLUMN "score",
DROP COLUMN "weightVersion";

CREATE INDEX "Statement_scoringId_id_idx" ON "Statement"("scoringId", "id");

CREATE INDEX "Statement_scoring_idx" ON "Statement"("date", "speakerKey", "speakerCountry", "target", "scoringId", "speaker", "dateFrom", "dateTo", "id");

ALTER TABLE "Statement" ADD CONSTRAINT "Statement_scoringId_fkey" FOREIGN KEY ("scoringId") REFERENCES "Scoring"("scoringId") ON DELETE RESTRICT ON UPDATE CASCADE;
