-- CreateTable
CREATE TABLE "PlatformSend" (
    "platform" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "externalId" TEXT,
    "startedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,

    PRIMARY KEY ("platform", "key")
);

-- CreateIndex
CREATE INDEX "PlatformSend_startedAt_idx" ON "PlatformSend"("startedAt");
