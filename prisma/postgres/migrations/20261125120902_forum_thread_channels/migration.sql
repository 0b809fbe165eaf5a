-- CreateTable
CREATE TABLE "ForumThreadChannel" (
    "id" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "parentChannelId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForumThreadChannel_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ForumThreadChannel_platform_channelId_key" ON "ForumThreadChannel"("platform", "channelId");

-- CreateIndex
CREATE UNIQUE INDEX "ForumThreadChannel_threadId_platform_parentChannelId_key" ON "ForumThreadChannel"("threadId", "platform", "parentChannelId");

-- AddForeignKey
ALTER TABLE "ForumThreadChannel" ADD CONSTRAINT "ForumThreadChannel_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "ForumThread"("id") ON DELETE CASCADE ON UPDATE CASCADE;
