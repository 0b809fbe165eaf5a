-- CreateTable
CREATE TABLE "InboundEvent" (
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("platform", "externalId")
);

-- CreateIndex
CREATE INDEX "InboundEvent_receivedAt_idx" ON "InboundEvent"("receivedAt");
