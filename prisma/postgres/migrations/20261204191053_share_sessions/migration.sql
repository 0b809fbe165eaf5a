-- AlterTable
ALTER TABLE "User" ADD COLUMN     "shareSessions" BOOLEAN NOT NULL DEFAULT false;
