-- AlterTable
ALTER TABLE "SwapSession" ADD COLUMN "remindedAt" DATETIME;
