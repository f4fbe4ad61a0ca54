-- CreateTable
CREATE TABLE "Article" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "contentHash" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "source" TEXT,
    "url" TEXT,
    "published" TEXT,
    "publishedFrom" TEXT NOT NULL,
    "paragraphs" JSONB NOT NULL,
    "ingestedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Statement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "speaker" TEXT,
    "speakerKey" TEXT NOT NULL DEFAULT '',
    "speakerCountry" TEXT,
    "target" TEXT,
    "date" TEXT,
    "dateFrom" TEXT,
    "dateTo" TEXT,
    "text" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "features" JSONB NOT NULL,
    "score" REAL NOT NULL,
    "label" TEXT NOT NULL,
    "cameo" TEXT,
    "contributions" JSONB NOT NULL,
    "weightVersion" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Statement_weightVersion_fkey" FOREIGN KEY ("weightVersion") REFERENCES "WeightSet" ("version") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StatementSource" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "statementId" TEXT NOT NULL,
    "articleId" INTEGER NOT NULL,
    "quote" TEXT NOT NULL,
    "context" TEXT NOT NULL,
    "dateFrom" TEXT,
    "dateTo" TEXT,
    CONSTRAINT "StatementSource_statementId_fkey" FOREIGN KEY ("statementId") REFERENCES "Statement" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StatementSource_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WeightSet" (
    "version" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "weights" JSONB NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "note" TEXT NOT NULL DEFAULT '',
    "createdBy" TEXT NOT NULL DEFAULT 'system',
    "active" BOOLEAN NOT NULL DEFAULT false
);

-- CreateIndex
CREATE UNIQUE INDEX "Article_contentHash_key" ON "Article"("contentHash");

-- CreateIndex
CREATE INDEX "Article_published_idx" ON "Article"("published");

-- CreateIndex
CREATE INDEX "Statement_date_idx" ON "Statement"("date");

-- CreateIndex
CREATE INDEX "Statement_speakerKey_date_idx" ON "Statement"("speakerKey", "date");

-- CreateIndex
CREATE INDEX "Statement_label_idx" ON "Statement"("label");

-- CreateIndex
CREATE INDEX "Statement_weightVersion_idx" ON "Statement"("weightVersion");

-- CreateIndex
CREATE INDEX "StatementSource_articleId_idx" ON "StatementSource"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "StatementSource_statementId_articleId_quote_key" ON "StatementSource"("statementId", "articleId", "quote");

-- CreateIndex
CREATE INDEX "WeightSet_active_idx" ON "WeightSet"("active");

