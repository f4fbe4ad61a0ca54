-- The line rollup keeps weeks (Monday to Sunday, dated by the Monday) besides days and months:
-- the chart's default view over a long span is weekly. Built from the day rows as the app does.
INSERT INTO "SeriesBucket" ("mode", "period", "key", "start", "speaker", "speakerKey", "speakers", "speakerCountry", "countries", "target", "targets", "statements", "scoreSum", "scoreMin", "scoreMax")
SELECT "mode", 'week', "key", TO_CHAR(DATE_TRUNC('week', CAST("start" AS DATE)), 'YYYY-MM-DD'),
  CASE WHEN MAX("mode") = 'speaker' OR (MAX("speakers") = 1 AND MIN("speakerKey") = MAX("speakerKey")) THEN MAX("speaker") END,
  CASE WHEN MAX("speakers") = 1 AND MIN("speakerKey") = MAX("speakerKey") THEN MAX("speakerKey") END,
  CASE WHEN MAX("speakers") = 0 THEN 0 WHEN MAX("speakers") = 1 AND MIN("speakerKey") = MAX("speakerKey") THEN 1 ELSE 2 END,
  CASE WHEN MAX("countries") = 1 AND MIN("speakerCountry") = MAX("speakerCountry") THEN MAX("speakerCountry") END,
  CASE WHEN MAX("countries") = 0 THEN 0 WHEN MAX("countries") = 1 AND MIN("speakerCountry") = MAX("speakerCountry") THEN 1 ELSE 2 END,
  CASE WHEN MAX("targets") = 1 AND MIN("target") = MAX("target") THEN MAX("target") END,
  CASE WHEN MAX("targets") = 0 THEN 0 WHEN MAX("targets") = 1 AND MIN("target") = MAX("target") THEN 1 ELSE 2 END,
  SUM("statements"), SUM("scoreSum"), MIN("scoreMin"), MAX("scoreMax")
FROM "SeriesBucket" WHERE "period" = 'day'
GROUP BY "mode", "key", TO_CHAR(DATE_TRUNC('week', CAST("start" AS DATE)), 'YYYY-MM-DD');
