-- CreateIndex
CREATE INDEX "Statement_speakerKey_dateTo_idx" ON "Statement"("speakerKey", "dateTo");

