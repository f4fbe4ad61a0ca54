-- DropIndex
DROP INDEX "SeriesDay_date_idx";

-- CreateTable
CREATE TABLE "SeriesBucket" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "mode" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "start" TEXT NOT NULL,
    "speaker" TEXT,
    "speakerKey" TEXT,
    "speakers" INTEGER NOT NULL,
    "speakerCountry" TEXT,
    "countries" INTEGER NOT NULL,
    "target" TEXT,
    "targets" INTEGER NOT NULL,
    "statements" INTEGER NOT NULL,
    "scoreSum" REAL NOT NULL,
    "scoreMin" REAL NOT NULL,
    "scoreMax" REAL NOT NULL
);

-- CreateIndex
CREATE INDEX "SeriesBucket_chart_idx" ON "SeriesBucket"("mode", "period", "key", "start", "statements", "scoreSum", "scoreMin", "scoreMax", "speaker", "speakerKey", "speakers", "speakerCountry", "countries", "target", "targets");

-- CreateIndex
CREATE INDEX "SeriesBucket_range_idx" ON "SeriesBucket"("mode", "period", "start", "key", "statements", "speaker");

-- CreateIndex
CREATE INDEX "SeriesDay_date_speakerCountry_target_idx" ON "SeriesDay"("date", "speakerCountry", "target");


-- Backfill (data, not schema): the chart's lines, as lib/rollup.ts rebuildRollups builds them.
INSERT INTO "SeriesBucket" ("mode", "period", "key", "start", "speaker", "speakerKey", "speakers", "speakerCountry", "countries", "target", "targets", "statements", "scoreSum", "scoreMin", "scoreMax")
SELECT 'speaker', 'day', "speakerKey", "date", MAX("speaker"), "speakerKey", 1,
  CASE WHEN MIN("speakerCountry") = MAX("speakerCountry") THEN MIN("speakerCountry") END, CASE WHEN MIN("speakerCountry") IS NULL THEN 0 WHEN MIN("speakerCountry") = MAX("speakerCountry") THEN 1 ELSE 2 END,
  CASE WHEN MIN("target") = MAX("target") THEN MIN("target") END, CASE WHEN MIN("target") IS NULL THEN 0 WHEN MIN("target") = MAX("target") THEN 1 ELSE 2 END,
  SUM("statements"), SUM("scoreSum"), MIN("scoreMin"), MAX("scoreMax")
FROM "SeriesDay" WHERE "speakerKey" <> ''
GROUP BY "speakerKey", "date";
INSERT INTO "SeriesBucket" ("mode", "period", "key", "start", "speaker", "speakerKey", "speakers", "speakerCountry", "countries", "target", "targets", "statements", "scoreSum", "scoreMin", "scoreMax")
SELECT 'dyad', 'day', "speakerCountry" || '>' || "target", "date",
  CASE WHEN MIN("speakerKey") = MAX("speakerKey") THEN MAX("speaker") END,
  CASE WHEN MIN("speakerKey") = MAX("speakerKey") THEN MIN("speakerKey") END, CASE WHEN MIN("speakerKey") IS NULL THEN 0 WHEN MIN("speakerKey") = MAX("speakerKey") THEN 1 ELSE 2 END,
  MAX("speakerCountry"), 1, MAX("target"), 1,
  SUM("statements"), SUM("scoreSum"), MIN("scoreMin"), MAX("scoreMax")
FROM "SeriesDay" WHERE "speakerCountry" IS NOT NULL AND "target" IS NOT NULL
GROUP BY "date", "speakerCountry", "target";
INSERT INTO "SeriesBucket" ("mode", "period", "key", "start", "speaker", "speakerKey", "speakers", "speakerCountry", "countries", "target", "targets", "statements", "scoreSum", "scoreMin", "scoreMax")
SELECT "mode", 'month', "key", SUBSTR("start", 1, 7) || '-01',
  CASE WHEN MAX("mode") = 'speaker' OR (MAX("speakers") = 1 AND MIN("speakerKey") = MAX("speakerKey")) THEN MAX("speaker") END,
  CASE WHEN MAX("speakers") = 1 AND MIN("speakerKey") = MAX("speakerKey") THEN MAX("speakerKey") END,
  CASE WHEN MAX("speakers") = 0 THEN 0 WHEN MAX("speakers") = 1 AND MIN("speakerKey") = MAX("speakerKey") THEN 1 ELSE 2 END,
  CASE WHEN MAX("countries") = 1 AND MIN("speakerCountry") = MAX("speakerCountry") THEN MAX("speakerCountry") END,
  CASE WHEN MAX("countries") = 0 THEN 0 WHEN MAX("countries") = 1 AND MIN("speakerCountry") = MAX("speakerCountry") THEN 1 ELSE 2 END,
  CASE WHEN MAX("targets") = 1 AND MIN("target") = MAX("target") THEN MAX("target") END,
  CASE WHEN MAX("targets") = 0 THEN 0 WHEN MAX("targets") = 1 AND MIN("target") = MAX("target") THEN 1 ELSE 2 END,
  SUM("statements"), SUM("scoreSum"), MIN("scoreMin"), MAX("scoreMax")
FROM "SeriesBucket" WHERE "period" = 'day'
GROUP BY "mode", "key", SUBSTR("start", 1, 7) || '-01';
