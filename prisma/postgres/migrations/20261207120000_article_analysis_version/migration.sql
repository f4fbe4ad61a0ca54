-- Which analysis made each article's statements (lib/ingest/analysis-version.ts). Stored articles get
-- none: they were analysed before versions were recorded, and npm run reanalyze brings them up to date.
-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "analysisVersion" TEXT;

-- CreateIndex
CREATE INDEX "Article_analysisVersion_id_idx" ON "Article"("analysisVersion", "id");

