-- AlterTable
ALTER TABLE "ClaimDispute" ADD COLUMN "disputedSeverity" TEXT;
ALTER TABLE "ClaimDispute" ADD COLUMN "overturnedSeverity" TEXT;
ALTER TABLE "ClaimDispute" ADD COLUMN "overturnedStatus" TEXT;
