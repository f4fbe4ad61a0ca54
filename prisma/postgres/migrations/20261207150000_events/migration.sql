-- Dated events an admin marks on the charts and lists on /methodology (lib/store/events.ts).
-- CreateTable
CREATE TABLE "Event" (
    "id" SERIAL NOT NULL,
    "day" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "url" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdBy" TEXT NOT NULL DEFAULT 'admin',

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Event_day_id_idx" ON "Event"("day", "id");

