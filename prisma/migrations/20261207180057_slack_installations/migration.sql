-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CommunityInstallation" (
    "communityId" TEXT NOT NULL PRIMARY KEY,
    "appId" TEXT NOT NULL DEFAULT '',
    "botId" TEXT NOT NULL DEFAULT '',
    "botUserId" TEXT NOT NULL DEFAULT '',
    "botToken" TEXT NOT NULL DEFAULT '',
    "botScopes" TEXT NOT NULL DEFAULT '',
    "tokenType" TEXT NOT NULL DEFAULT 'bot',
    "enterpriseId" TEXT,
    "isEnterpriseInstall" BOOLEAN NOT NULL DEFAULT false,
    "installedBy" TEXT NOT NULL DEFAULT '',
    "installedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deactivatedAt" DATETIME,
    "deactivatedReason" TEXT,
    CONSTRAINT "CommunityInstallation_communityId_fkey" FOREIGN KEY ("communityId") REFERENCES "Community" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_CommunityInstallation" ("botToken", "botUserId", "communityId", "installedAt") SELECT "botToken", "botUserId", "communityId", "installedAt" FROM "CommunityInstallation";
DROP TABLE "CommunityInstallation";
ALTER TABLE "new_CommunityInstallation" RENAME TO "CommunityInstallation";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
