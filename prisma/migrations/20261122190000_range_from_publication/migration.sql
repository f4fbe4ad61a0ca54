-- Statements no report dates: the day before the earliest report's publication through that day,
-- marked so that merging still treats them as undated. Existing ones get the range from their
-- sources' articles.
-- AlterTable
ALTER TABLE "Statement" ADD COLUMN "rangeFromPublication" BOOLEAN NOT NULL DEFAULT false;

UPDATE "Statement"
SET "dateFrom" = date(p."day", '-1 day'), "dateTo" = p."day", "sortDay" = p."day", "rangeFromPublication" = true
FROM (
  SELECT s."statementId" AS "id", MIN(a."published") AS "day"
  FROM "StatementSource" s JOIN "Article" a ON a."id" = s."articleId"
  WHERE a."published" IS NOT NULL
  GROUP BY s."statementId"
) p
WHERE "Statement"."id" = p."id" AND "Statement"."dateFrom" IS NULL AND "Statement"."date" IS NULL;
