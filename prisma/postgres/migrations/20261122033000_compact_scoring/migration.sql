-- AlterTable
ALTER TABLE "Statement" DROP COLUMN "contributions",
ADD COLUMN     "lexicon" DOUBLE PRECISION NOT NULL DEFAULT 0,
ADD COLUMN     "ruleValues" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Statement_scoring_idx" ON "Statement"("date", "speakerKey", "speakerCountry", "target", "score", "speaker", "dateFrom", "dateTo", "label", "lexicon", "ruleValues", "id");


-- Backfill (data, not schema): scoring's narrow columns from the stored features.
UPDATE "Statement" SET
  "lexicon" = COALESCE(("features"->>'lexicon')::float8, 0),
  "ruleValues" = COALESCE((SELECT string_agg((h->>'rule') || '=' || (h->>'value'), chr(59)) FROM jsonb_array_elements("features"->'hits') h), '');
