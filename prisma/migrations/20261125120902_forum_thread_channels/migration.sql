-- CreateTable
CREATE TABLE "ForumThreadChannel" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "threadId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "parentChannelId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ForumThreadChannel_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "ForumThread" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ForumThreadChannel_platform_channelId_key" ON "ForumThreadChannel"("platform", "channelId");

-- CreateIndex
CREATE UNIQUE INDEX "ForumThreadChannel_threadId_platform_parentChannelId_key" ON "ForumThreadChannel"("threadId", "platform", "parentChannelId");
