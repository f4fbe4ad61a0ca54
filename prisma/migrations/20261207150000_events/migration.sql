-- Dated events an admin marks on the charts and lists on /methodology (lib/store/events.ts).
-- CreateTable
CREATE TABLE "Event" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "day" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "url" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL DEFAULT 'admin'
);

-- CreateIndex
CREATE INDEX "Event_day_id_idx" ON "Event"("day", "id");

