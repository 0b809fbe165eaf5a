-- CreateTable
CREATE TABLE "PlatformSend" (
    "platform" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "externalId" TEXT,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "PlatformSend_pkey" PRIMARY KEY ("platform","key")
);

-- CreateIndex
CREATE INDEX "PlatformSend_startedAt_idx" ON "PlatformSend"("startedAt");
