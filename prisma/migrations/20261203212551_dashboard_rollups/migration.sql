-- DropIndex
DROP INDEX "Claim_salespersonId_madeAt_status_severity_matrixCheck_capabilityId_verifiedAt_createdAt_idx";

-- DropIndex
DROP INDEX "QuizAttempt_userId_submittedAt_idx";

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "verdictBin" INTEGER;

-- CreateTable
CREATE TABLE "MonthlyRollup" (
    "userId" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "claims" INTEGER NOT NULL DEFAULT 0,
    "pending" INTEGER NOT NULL DEFAULT 0,
    "overstated" INTEGER NOT NULL DEFAULT 0,
    "judgedWeight" INTEGER NOT NULL DEFAULT 0,
    "judgedCredit" REAL NOT NULL DEFAULT 0,
    "verdictTime0" INTEGER NOT NULL DEFAULT 0,
    "verdictTime1" INTEGER NOT NULL DEFAULT 0,
    "verdictTime2" INTEGER NOT NULL DEFAULT 0,
    "verdictTime3" INTEGER NOT NULL DEFAULT 0,
    "verdictTime4" INTEGER NOT NULL DEFAULT 0,
    "verdictTime5" INTEGER NOT NULL DEFAULT 0,
    "verdictTime6" INTEGER NOT NULL DEFAULT 0,
    "verdictTime7" INTEGER NOT NULL DEFAULT 0,
    "verdictTime8" INTEGER NOT NULL DEFAULT 0,
    "verdictTime9" INTEGER NOT NULL DEFAULT 0,
    "verdictTime10" INTEGER NOT NULL DEFAULT 0,
    "verdictTime11" INTEGER NOT NULL DEFAULT 0,
    "verdictTime12" INTEGER NOT NULL DEFAULT 0,
    "verdictTime13" INTEGER NOT NULL DEFAULT 0,
    "verdictTime14" INTEGER NOT NULL DEFAULT 0,
    "verdictTime15" INTEGER NOT NULL DEFAULT 0,
    "verdictTime16" INTEGER NOT NULL DEFAULT 0,
    "verdictTime17" INTEGER NOT NULL DEFAULT 0,
    "verdictTime18" INTEGER NOT NULL DEFAULT 0,
    "verdictTime19" INTEGER NOT NULL DEFAULT 0,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "attemptsPassed" INTEGER NOT NULL DEFAULT 0,
    "surveys" INTEGER NOT NULL DEFAULT 0,
    "surveysAnswered" INTEGER NOT NULL DEFAULT 0,
    "csatSum" INTEGER NOT NULL DEFAULT 0,
    "csatCount" INTEGER NOT NULL DEFAULT 0,
    "deliveredCount" INTEGER NOT NULL DEFAULT 0,
    "deliveredYes" INTEGER NOT NULL DEFAULT 0,
    "satisfactionSum" REAL NOT NULL DEFAULT 0,
    "satisfactionCount" INTEGER NOT NULL DEFAULT 0,
    "wonDeals" INTEGER NOT NULL DEFAULT 0,
    "coveredDeals" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("userId", "month")
);

-- CreateTable
CREATE TABLE "CapabilityMonthRollup" (
    "month" TEXT NOT NULL,
    "capabilityId" TEXT NOT NULL,
    "salespersonId" TEXT NOT NULL,
    "overstated" INTEGER NOT NULL DEFAULT 0,
    "inaccurate" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("month", "capabilityId", "salespersonId")
);

-- CreateIndex
CREATE INDEX "MonthlyRollup_month_userId_idx" ON "MonthlyRollup"("month", "userId");

-- CreateIndex
CREATE INDEX "Claim_salespersonId_madeAt_status_severity_matrixCheck_capabilityId_verifiedAt_createdAt_verdictBin_idx" ON "Claim"("salespersonId", "madeAt", "status", "severity", "matrixCheck", "capabilityId", "verifiedAt", "createdAt", "verdictBin");

-- CreateIndex
CREATE INDEX "Claim_verdictBin_madeAt_salespersonId_verifiedAt_createdAt_idx" ON "Claim"("verdictBin", "madeAt", "salespersonId", "verifiedAt", "createdAt");

-- CreateIndex
CREATE INDEX "Claim_verifiedAt_createdAt_madeAt_salespersonId_verdictBin_idx" ON "Claim"("verifiedAt", "createdAt", "madeAt", "salespersonId", "verdictBin");

-- CreateIndex
CREATE INDEX "QuizAttempt_userId_submittedAt_quizId_score_idx" ON "QuizAttempt"("userId", "submittedAt", "quizId", "score");

-- Backfill (ADR 019): each claim's verdict bin and both rollup tables from the rows already stored,
-- the same statements as `npm run rollups:rebuild` (app/models/rollups.server.ts rebuildRollupsSql).
UPDATE "Claim" AS c SET "verdictBin" = (SELECT CASE WHEN v.days IS NULL THEN NULL WHEN v.days < 0.041666666666666664 THEN 0 WHEN v.days < 0.125 THEN 1 WHEN v.days < 0.25 THEN 2 WHEN v.days < 0.5 THEN 3 WHEN v.days < 1 THEN 4 WHEN v.days < 1.5 THEN 5 WHEN v.days < 2 THEN 6 WHEN v.days < 2.5 THEN 7 WHEN v.days < 3 THEN 8 WHEN v.days < 3.5 THEN 9 WHEN v.days < 4 THEN 10 WHEN v.days < 5 THEN 11 WHEN v.days < 6 THEN 12 WHEN v.days < 7 THEN 13 WHEN v.days < 10 THEN 14 WHEN v.days < 14 THEN 15 WHEN v.days < 21 THEN 16 WHEN v.days < 30 THEN 17 WHEN v.days < 60 THEN 18 ELSE 19 END FROM (SELECT (julianday(c."verifiedAt") - julianday(c."createdAt")) AS days) v) WHERE c."verdictBin" IS NOT (SELECT CASE WHEN v.days IS NULL THEN NULL WHEN v.days < 0.041666666666666664 THEN 0 WHEN v.days < 0.125 THEN 1 WHEN v.days < 0.25 THEN 2 WHEN v.days < 0.5 THEN 3 WHEN v.days < 1 THEN 4 WHEN v.days < 1.5 THEN 5 WHEN v.days < 2 THEN 6 WHEN v.days < 2.5 THEN 7 WHEN v.days < 3 THEN 8 WHEN v.days < 3.5 THEN 9 WHEN v.days < 4 THEN 10 WHEN v.days < 5 THEN 11 WHEN v.days < 6 THEN 12 WHEN v.days < 7 THEN 13 WHEN v.days < 10 THEN 14 WHEN v.days < 14 THEN 15 WHEN v.days < 21 THEN 16 WHEN v.days < 30 THEN 17 WHEN v.days < 60 THEN 18 ELSE 19 END FROM (SELECT (julianday(c."verifiedAt") - julianday(c."createdAt")) AS days) v);

DELETE FROM "MonthlyRollup";

INSERT INTO "MonthlyRollup" ("userId", "month", "claims", "pending", "overstated", "judgedWeight", "judgedCredit", "verdictTime0", "verdictTime1", "verdictTime2", "verdictTime3", "verdictTime4", "verdictTime5", "verdictTime6", "verdictTime7", "verdictTime8", "verdictTime9", "verdictTime10", "verdictTime11", "verdictTime12", "verdictTime13", "verdictTime14", "verdictTime15", "verdictTime16", "verdictTime17", "verdictTime18", "verdictTime19", "attempts", "attemptsPassed", "surveys", "surveysAnswered", "csatSum", "csatCount", "deliveredCount", "deliveredYes", "satisfactionSum", "satisfactionCount", "wonDeals", "coveredDeals") SELECT x."userId", x."month", COALESCE(SUM(x."claims"), 0) AS "claims", COALESCE(SUM(x."pending"), 0) AS "pending", COALESCE(SUM(x."overstated"), 0) AS "overstated", COALESCE(SUM(x."judgedWeight"), 0) AS "judgedWeight", COALESCE(SUM(x."judgedCredit"), 0) AS "judgedCredit", COALESCE(SUM(x."verdictTime0"), 0) AS "verdictTime0", COALESCE(SUM(x."verdictTime1"), 0) AS "verdictTime1", COALESCE(SUM(x."verdictTime2"), 0) AS "verdictTime2", COALESCE(SUM(x."verdictTime3"), 0) AS "verdictTime3", COALESCE(SUM(x."verdictTime4"), 0) AS "verdictTime4", COALESCE(SUM(x."verdictTime5"), 0) AS "verdictTime5", COALESCE(SUM(x."verdictTime6"), 0) AS "verdictTime6", COALESCE(SUM(x."verdictTime7"), 0) AS "verdictTime7", COALESCE(SUM(x."verdictTime8"), 0) AS "verdictTime8", COALESCE(SUM(x."verdictTime9"), 0) AS "verdictTime9", COALESCE(SUM(x."verdictTime10"), 0) AS "verdictTime10", COALESCE(SUM(x."verdictTime11"), 0) AS "verdictTime11", COALESCE(SUM(x."verdictTime12"), 0) AS "verdictTime12", COALESCE(SUM(x."verdictTime13"), 0) AS "verdictTime13", COALESCE(SUM(x."verdictTime14"), 0) AS "verdictTime14", COALESCE(SUM(x."verdictTime15"), 0) AS "verdictTime15", COALESCE(SUM(x."verdictTime16"), 0) AS "verdictTime16", COALESCE(SUM(x."verdictTime17"), 0) AS "verdictTime17", COALESCE(SUM(x."verdictTime18"), 0) AS "verdictTime18", COALESCE(SUM(x."verdictTime19"), 0) AS "verdictTime19", COALESCE(SUM(x."attempts"), 0) AS "attempts", COALESCE(SUM(x."attemptsPassed"), 0) AS "attemptsPassed", COALESCE(SUM(x."surveys"), 0) AS "surveys", COALESCE(SUM(x."surveysAnswered"), 0) AS "surveysAnswered", COALESCE(SUM(x."csatSum"), 0) AS "csatSum", COALESCE(SUM(x."csatCount"), 0) AS "csatCount", COALESCE(SUM(x."deliveredCount"), 0) AS "deliveredCount", COALESCE(SUM(x."deliveredYes"), 0) AS "deliveredYes", COALESCE(SUM(x."satisfactionSum"), 0) AS "satisfactionSum", COALESCE(SUM(x."satisfactionCount"), 0) AS "satisfactionCount", COALESCE(SUM(x."wonDeals"), 0) AS "wonDeals", COALESCE(SUM(x."coveredDeals"), 0) AS "coveredDeals" FROM (SELECT c."salespersonId" AS "userId", substr(c."madeAt", 1, 7) AS "month", COUNT(*) AS "claims", SUM(CASE WHEN c."status" = 'PENDING' THEN 1 ELSE 0 END) AS "pending", SUM(CASE WHEN c."matrixCheck" = 'OVERSTATES' THEN 1 ELSE 0 END) AS "overstated", SUM((CASE WHEN c."status" IN ('ACCURATE','PARTIALLY_ACCURATE','INACCURATE') THEN (CASE c."severity" WHEN 'LOW' THEN 1 WHEN 'HIGH' THEN 4 ELSE 2 END) ELSE 0 END)) AS "judgedWeight", SUM(((CASE WHEN c."status" IN ('ACCURATE','PARTIALLY_ACCURATE','INACCURATE') THEN (CASE c."severity" WHEN 'LOW' THEN 1 WHEN 'HIGH' THEN 4 ELSE 2 END) ELSE 0 END) * (CASE c."status" WHEN 'ACCURATE' THEN 1.0 WHEN 'PARTIALLY_ACCURATE' THEN 0.5 WHEN 'INACCURATE' THEN 0.0 ELSE 0.0 END))) AS "judgedCredit", 0 AS "verdictTime0", 0 AS "verdictTime1", 0 AS "verdictTime2", 0 AS "verdictTime3", 0 AS "verdictTime4", 0 AS "verdictTime5", 0 AS "verdictTime6", 0 AS "verdictTime7", 0 AS "verdictTime8", 0 AS "verdictTime9", 0 AS "verdictTime10", 0 AS "verdictTime11", 0 AS "verdictTime12", 0 AS "verdictTime13", 0 AS "verdictTime14", 0 AS "verdictTime15", 0 AS "verdictTime16", 0 AS "verdictTime17", 0 AS "verdictTime18", 0 AS "verdictTime19", 0 AS "attempts", 0 AS "attemptsPassed", 0 AS "surveys", 0 AS "surveysAnswered", 0 AS "csatSum", 0 AS "csatCount", 0 AS "deliveredCount", 0 AS "deliveredYes", 0 AS "satisfactionSum", 0 AS "satisfactionCount", 0 AS "wonDeals", 0 AS "coveredDeals" FROM "Claim" c WHERE 1 GROUP BY c."salespersonId", substr(c."madeAt", 1, 7) UNION ALL SELECT c."salespersonId" AS "userId", substr(c."madeAt", 1, 7) AS "month", 0 AS "claims", 0 AS "pending", 0 AS "overstated", 0 AS "judgedWeight", 0 AS "judgedCredit", SUM(CASE WHEN c."verdictBin" = 0 THEN 1 ELSE 0 END) AS "verdictTime0", SUM(CASE WHEN c."verdictBin" = 1 THEN 1 ELSE 0 END) AS "verdictTime1", SUM(CASE WHEN c."verdictBin" = 2 THEN 1 ELSE 0 END) AS "verdictTime2", SUM(CASE WHEN c."verdictBin" = 3 THEN 1 ELSE 0 END) AS "verdictTime3", SUM(CASE WHEN c."verdictBin" = 4 THEN 1 ELSE 0 END) AS "verdictTime4", SUM(CASE WHEN c."verdictBin" = 5 THEN 1 ELSE 0 END) AS "verdictTime5", SUM(CASE WHEN c."verdictBin" = 6 THEN 1 ELSE 0 END) AS "verdictTime6", SUM(CASE WHEN c."verdictBin" = 7 THEN 1 ELSE 0 END) AS "verdictTime7", SUM(CASE WHEN c."verdictBin" = 8 THEN 1 ELSE 0 END) AS "verdictTime8", SUM(CASE WHEN c."verdictBin" = 9 THEN 1 ELSE 0 END) AS "verdictTime9", SUM(CASE WHEN c."verdictBin" = 10 THEN 1 ELSE 0 END) AS "verdictTime10", SUM(CASE WHEN c."verdictBin" = 11 THEN 1 ELSE 0 END) AS "verdictTime11", SUM(CASE WHEN c."verdictBin" = 12 THEN 1 ELSE 0 END) AS "verdictTime12", SUM(CASE WHEN c."verdictBin" = 13 THEN 1 ELSE 0 END) AS "verdictTime13", SUM(CASE WHEN c."verdictBin" = 14 THEN 1 ELSE 0 END) AS "verdictTime14", SUM(CASE WHEN c."verdictBin" = 15 THEN 1 ELSE 0 END) AS "verdictTime15", SUM(CASE WHEN c."verdictBin" = 16 THEN 1 ELSE 0 END) AS "verdictTime16", SUM(CASE WHEN c."verdictBin" = 17 THEN 1 ELSE 0 END) AS "verdictTime17", SUM(CASE WHEN c."verdictBin" = 18 THEN 1 ELSE 0 END) AS "verdictTime18", SUM(CASE WHEN c."verdictBin" = 19 THEN 1 ELSE 0 END) AS "verdictTime19", 0 AS "attempts", 0 AS "attemptsPassed", 0 AS "surveys", 0 AS "surveysAnswered", 0 AS "csatSum", 0 AS "csatCount", 0 AS "deliveredCount", 0 AS "deliveredYes", 0 AS "satisfactionSum", 0 AS "satisfactionCount", 0 AS "wonDeals", 0 AS "coveredDeals" FROM "Claim" c WHERE c."verdictBin" IN (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19) GROUP BY c."salespersonId", substr(c."madeAt", 1, 7) UNION ALL SELECT a."userId" AS "userId", substr(a."submittedAt", 1, 7) AS "month", 0 AS "claims", 0 AS "pending", 0 AS "overstated", 0 AS "judgedWeight", 0 AS "judgedCredit", 0 AS "verdictTime0", 0 AS "verdictTime1", 0 AS "verdictTime2", 0 AS "verdictTime3", 0 AS "verdictTime4", 0 AS "verdictTime5", 0 AS "verdictTime6", 0 AS "verdictTime7", 0 AS "verdictTime8", 0 AS "verdictTime9", 0 AS "verdictTime10", 0 AS "verdictTime11", 0 AS "verdictTime12", 0 AS "verdictTime13", 0 AS "verdictTime14", 0 AS "verdictTime15", 0 AS "verdictTime16", 0 AS "verdictTime17", 0 AS "verdictTime18", 0 AS "verdictTime19", COUNT(*) AS "attempts", SUM(CASE WHEN a."passed" = 1 THEN 1 ELSE 0 END) AS "attemptsPassed", 0 AS "surveys", 0 AS "surveysAnswered", 0 AS "csatSum", 0 AS "csatCount", 0 AS "deliveredCount", 0 AS "deliveredYes", 0 AS "satisfactionSum", 0 AS "satisfactionCount", 0 AS "wonDeals", 0 AS "coveredDeals" FROM "QuizAttempt" a WHERE a."submittedAt" IS NOT NULL GROUP BY a."userId", substr(a."submittedAt", 1, 7) UNION ALL SELECT s."salespersonId" AS "userId", substr(s."dueAt", 1, 7) AS "month", 0 AS "claims", 0 AS "pending", 0 AS "overstated", 0 AS "judgedWeight", 0 AS "judgedCredit", 0 AS "verdictTime0", 0 AS "verdictTime1", 0 AS "verdictTime2", 0 AS "verdictTime3", 0 AS "verdictTime4", 0 AS "verdictTime5", 0 AS "verdictTime6", 0 AS "verdictTime7", 0 AS "verdictTime8", 0 AS "verdictTime9", 0 AS "verdictTime10", 0 AS "verdictTime11", 0 AS "verdictTime12", 0 AS "verdictTime13", 0 AS "verdictTime14", 0 AS "verdictTime15", 0 AS "verdictTime16", 0 AS "verdictTime17", 0 AS "verdictTime18", 0 AS "verdictTime19", 0 AS "attempts", 0 AS "attemptsPassed", COUNT(*) AS "surveys", SUM(CASE WHEN s."respondedAt" IS NOT NULL THEN 1 ELSE 0 END) AS "surveysAnswered", COALESCE(SUM(CASE WHEN s."respondedAt" IS NOT NULL THEN s."csat" END), 0) AS "csatSum", SUM(CASE WHEN s."respondedAt" IS NOT NULL AND s."csat" IS NOT NULL THEN 1 ELSE 0 END) AS "csatCount", SUM(CASE WHEN s."respondedAt" IS NOT NULL AND (CASE WHEN s."deliveredAsPromised" IS NULL THEN NULL WHEN s."deliveredAsPromised" = 'YES' THEN 1.0 ELSE 0.0 END) IS NOT NULL THEN 1 ELSE 0 END) AS "deliveredCount", SUM(CASE WHEN s."respondedAt" IS NOT NULL AND (CASE WHEN s."deliveredAsPromised" IS NULL THEN NULL WHEN s."deliveredAsPromised" = 'YES' THEN 1.0 ELSE 0.0 END) = 1.0 THEN 1 ELSE 0 END) AS "deliveredYes", COALESCE(SUM(CASE WHEN s."respondedAt" IS NOT NULL THEN (CASE WHEN s."csat" IS NULL THEN (CASE s."deliveredAsPromised" WHEN 'YES' THEN 1.0 WHEN 'PARTLY' THEN 0.5 WHEN 'NO' THEN 0.0 END) WHEN s."deliveredAsPromised" IS NULL THEN ((s."csat" - 1) / 4.0) ELSE (((s."csat" - 1) / 4.0) + (CASE s."deliveredAsPromised" WHEN 'YES' THEN 1.0 WHEN 'PARTLY' THEN 0.5 WHEN 'NO' THEN 0.0 END)) / 2.0 END) END), 0.0) AS "satisfactionSum", SUM(CASE WHEN s."respondedAt" IS NOT NULL AND (CASE WHEN s."csat" IS NULL THEN (CASE s."deliveredAsPromised" WHEN 'YES' THEN 1.0 WHEN 'PARTLY' THEN 0.5 WHEN 'NO' THEN 0.0 END) WHEN s."deliveredAsPromised" IS NULL THEN ((s."csat" - 1) / 4.0) ELSE (((s."csat" - 1) / 4.0) + (CASE s."deliveredAsPromised" WHEN 'YES' THEN 1.0 WHEN 'PARTLY' THEN 0.5 WHEN 'NO' THEN 0.0 END)) / 2.0 END) IS NOT NULL THEN 1 ELSE 0 END) AS "satisfactionCount", 0 AS "wonDeals", 0 AS "coveredDeals" FROM "Survey" s WHERE 1 GROUP BY s."salespersonId", substr(s."dueAt", 1, 7) UNION ALL SELECT d."ownerId" AS "userId", substr(d."closedAt", 1, 7) AS "month", 0 AS "claims", 0 AS "pending", 0 AS "overstated", 0 AS "judgedWeight", 0 AS "judgedCredit", 0 AS "verdictTime0", 0 AS "verdictTime1", 0 AS "verdictTime2", 0 AS "verdictTime3", 0 AS "verdictTime4", 0 AS "verdictTime5", 0 AS "verdictTime6", 0 AS "verdictTime7", 0 AS "verdictTime8", 0 AS "verdictTime9", 0 AS "verdictTime10", 0 AS "verdictTime11", 0 AS "verdictTime12", 0 AS "verdictTime13", 0 AS "verdictTime14", 0 AS "verdictTime15", 0 AS "verdictTime16", 0 AS "verdictTime17", 0 AS "verdictTime18", 0 AS "verdictTime19", 0 AS "attempts", 0 AS "attemptsPassed", 0 AS "surveys", 0 AS "surveysAnswered", 0 AS "csatSum", 0 AS "csatCount", 0 AS "deliveredCount", 0 AS "deliveredYes", 0 AS "satisfactionSum", 0 AS "satisfactionCount", COUNT(*) AS "wonDeals", SUM(CASE WHEN EXISTS (SELECT 1 FROM "Claim" x WHERE x."dealId" = d."id") THEN 1 ELSE 0 END) AS "coveredDeals" FROM "Deal" d WHERE d."status" = 'WON' AND d."closedAt" IS NOT NULL GROUP BY d."ownerId", substr(d."closedAt", 1, 7)) x GROUP BY x."userId", x."month";

DELETE FROM "CapabilityMonthRollup";

INSERT INTO "CapabilityMonthRollup" ("month", "capabilityId", "salespersonId", "overstated", "inaccurate") SELECT substr(c."madeAt", 1, 7) AS "month", c."capabilityId", c."salespersonId", SUM(CASE WHEN c."matrixCheck" = 'OVERSTATES' THEN 1 ELSE 0 END) AS "overstated", SUM(CASE WHEN c."status" = 'INACCURATE' THEN 1 ELSE 0 END) AS "inaccurate"
      FROM "Claim" c
     WHERE c."capabilityId" IS NOT NULL
     GROUP BY substr(c."madeAt", 1, 7), c."capabilityId", c."salespersonId"
    HAVING SUM(CASE WHEN c."matrixCheck" = 'OVERSTATES' THEN 1 ELSE 0 END) + SUM(CASE WHEN c."status" = 'INACCURATE' THEN 1 ELSE 0 END) > 0;

