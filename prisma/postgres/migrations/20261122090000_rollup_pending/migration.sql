-- CreateTable
CREATE TABLE "RollupPending" (
    "id" SERIAL NOT NULL,
    "speakerKey" TEXT NOT NULL,
    "speakerCountry" TEXT,
    "target" TEXT,
    "date" TEXT NOT NULL,

    CONSTRAINT "RollupPending_pkey" PRIMARY KEY ("id")
);

