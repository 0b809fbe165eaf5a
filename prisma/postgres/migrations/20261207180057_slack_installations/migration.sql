-- AlterTable
ALTER TABLE "CommunityInstallation" DROP COLUMN "installedById",
DROP COLUMN "scopes",
ADD COLUMN     "appId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "botId" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "botScopes" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "deactivatedAt" TIMESTAMP(3),
ADD COLUMN     "deactivatedReason" TEXT,
ADD COLUMN     "enterpriseId" TEXT,
ADD COLUMN     "installedBy" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "isEnterpriseInstall" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tokenType" TEXT NOT NULL DEFAULT 'bot',
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL;
