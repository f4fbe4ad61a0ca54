-- Each chart line's whole history (period 'all', dated by its first month), from its month
-- rows as the app builds it: ranking the lines without a date range reads one row per line.
INSERT INTO "SeriesBucket" ("mode", "period", "key", "start", "speaker", "speakerKey", "speakers", "speakerCountry", "countries", "target", "targets", "statements", "scoreSum", "scoreMin", "scoreMax")
SELECT "mode", 'all', "key", MIN("start"),
  CASE WHEN MAX("mode") = 'speaker' OR (MAX("speakers") = 1 AND MIN("speakerKey") = MAX("speakerKey")) THEN MAX("speaker") END,
  CASE WHEN MAX("speakers") = 1 AND MIN("speakerKey") = MAX("speakerKey") THEN MAX("speakerKey") END,
  CASE WHEN MAX("speakers") = 0 THEN 0 WHEN MAX("speakers") = 1 AND MIN("speakerKey") = MAX("speakerKey") THEN 1 ELSE 2 END,
  CASE WHEN MAX("countries") = 1 AND MIN("speakerCountry") = MAX("speakerCountry") THEN MAX("speakerCountry") END,
  CASE WHEN MAX("countries") = 0 THEN 0 WHEN MAX("countries") = 1 AND MIN("speakerCountry") = MAX("speakerCountry") THEN 1 ELSE 2 END,
  CASE WHEN MAX("targets") = 1 AND MIN("target") = MAX("target") THEN MAX("target") END,
  CASE WHEN MAX("targets") = 0 THEN 0 WHEN MAX("targets") = 1 AND MIN("target") = MAX("target") THEN 1 ELSE 2 END,
  SUM("statements"), SUM("scoreSum"), MIN("scoreMin"), MAX("scoreMax")
FROM "SeriesBucket" WHERE "period" = 'month'
GROUP BY "mode", "key";
