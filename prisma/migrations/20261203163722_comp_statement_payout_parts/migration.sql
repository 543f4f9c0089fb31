-- AlterTable
ALTER TABLE "Survey" ADD COLUMN "answerRecordedAt" DATETIME;
-- Answers recorded before this column existed: the answer's own date is the best record there is.
UPDATE "Survey" SET "answerRecordedAt" = "respondedAt" WHERE "respondedAt" IS NOT NULL;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CompStatement" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "periodId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "detailJson" TEXT NOT NULL,
    "accuracy" REAL NOT NULL,
    "quiz" REAL,
    "satisfaction" REAL NOT NULL,
    "composite" REAL NOT NULL,
    "multiplier" REAL NOT NULL,
    "targetBonusCents" INTEGER NOT NULL,
    "periodPayoutCents" INTEGER NOT NULL,
    "adjustmentCents" INTEGER NOT NULL DEFAULT 0,
    "totalPayoutCents" INTEGER NOT NULL,
    "computedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CompStatement_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "CompPeriod" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "CompStatement_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
-- payoutCents held the period's own payout plus its adjustments: split it into the two parts and the total.
INSERT INTO "new_CompStatement" ("accuracy", "adjustmentCents", "composite", "computedAt", "detailJson", "id", "multiplier", "periodId", "quiz", "satisfaction", "targetBonusCents", "userId", "periodPayoutCents", "totalPayoutCents") SELECT "accuracy", "adjustmentCents", "composite", "computedAt", "detailJson", "id", "multiplier", "periodId", "quiz", "satisfaction", "targetBonusCents", "userId", "payoutCents" - "adjustmentCents", "payoutCents" FROM "CompStatement";
DROP TABLE "CompStatement";
ALTER TABLE "new_CompStatement" RENAME TO "CompStatement";
CREATE INDEX "CompStatement_userId_idx" ON "CompStatement"("userId");
CREATE UNIQUE INDEX "CompStatement_periodId_userId_key" ON "CompStatement"("periodId", "userId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
