-- CreateTable
CREATE TABLE "RollupPending" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "speakerKey" TEXT NOT NULL,
    "speakerCountry" TEXT,
    "target" TEXT,
    "date" TEXT NOT NULL
);

