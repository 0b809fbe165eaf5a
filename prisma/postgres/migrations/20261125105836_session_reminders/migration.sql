-- AlterTable
ALTER TABLE "SwapSession" ADD COLUMN     "remindedAt" TIMESTAMP(3);
