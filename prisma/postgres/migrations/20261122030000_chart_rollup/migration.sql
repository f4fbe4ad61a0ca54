-- AlterTable
ALTER TABLE "Statement" ADD COLUMN     "sortDay" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "SeriesDay" (
    "id" SERIAL NOT NULL,
    "speakerKey" TEXT NOT NULL,
    "speaker" TEXT,
    "speakerCountry" TEXT,
    "target" TEXT,
    "date" TEXT NOT NULL,
    "statements" INTEGER NOT NULL,
    "scoreSum" DOUBLE PRECISION NOT NULL,
    "scoreMin" DOUBLE PRECISION NOT NULL,
    "scoreMax" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "SeriesDay_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SeriesDay_speakerKey_date_statements_scoreSum_scoreMin_scor_idx" ON "SeriesDay"("speakerKey", "date", "statements", "scoreSum", "scoreMin", "scoreMax", "speaker", "speakerCountry", "target");

-- CreateIndex
CREATE INDEX "SeriesDay_date_idx" ON "SeriesDay"("date");

-- CreateIndex
CREATE INDEX "Statement_sortDay_id_idx" ON "Statement"("sortDay", "id");

-- CreateIndex
CREATE INDEX "Statement_score_id_idx" ON "Statement"("score", "id");


-- Backfill (data, not schema): the sort day of stored statements and the chart's rollup.
UPDATE "Statement" SET "sortDay" = COALESCE("date", "dateTo", '');
INSERT INTO "SeriesDay" ("speakerKey", "speaker", "speakerCountry", "target", "date", "statements", "scoreSum", "scoreMin", "scoreMax")
SELECT "speakerKey", MAX("speaker"), "speakerCountry", "target", "date", COUNT(*), SUM("score"), MIN("score"), MAX("score")
FROM "Statement" WHERE "date" IS NOT NULL
GROUP BY "speakerKey", "speakerCountry", "target", "date";
