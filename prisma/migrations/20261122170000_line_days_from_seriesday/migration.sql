-- A chart line's days are summed from SeriesDay when read (lib/rollup.ts lineRowsFromDays).
-- SeriesBucket's day rows repeated SeriesDay, and were most of its rows, its index entries and
-- the time its rebuild takes. Weeks and months are summed from SeriesDay too, with the values
-- they had, so only the day rows go.
DELETE FROM "SeriesBucket" WHERE "period" = 'day';

-- DropIndex
DROP INDEX "SeriesDay_date_speakerCountry_target_idx";

-- CreateIndex
CREATE INDEX "SeriesDay_dyad_idx" ON "SeriesDay"("speakerCountry", "target", "date", "statements", "scoreSum", "scoreMin", "scoreMax", "speakerKey", "speaker");

-- CreateIndex
CREATE INDEX "SeriesDay_date_idx" ON "SeriesDay"("date", "speakerCountry", "target", "speakerKey", "statements", "speaker");
