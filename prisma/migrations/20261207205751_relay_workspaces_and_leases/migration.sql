-- AlterTable
ALTER TABLE "ConversationChannel" ADD COLUMN "tenantId" TEXT;

-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN "claimedBy" TEXT;
ALTER TABLE "OutboxEvent" ADD COLUMN "claimedUntil" DATETIME;

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);
