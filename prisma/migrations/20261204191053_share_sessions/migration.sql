-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "handle" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "bio" TEXT NOT NULL DEFAULT '',
    "pronouns" TEXT NOT NULL DEFAULT '',
    "languages" TEXT NOT NULL DEFAULT '[]',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "locationId" TEXT,
    "meetingMode" TEXT NOT NULL DEFAULT 'either',
    "maxDistanceKm" INTEGER NOT NULL DEFAULT 50,
    "visibility" TEXT NOT NULL DEFAULT 'communities',
    "contactPreference" TEXT NOT NULL DEFAULT 'platform',
    "email" TEXT,
    "emailVerifiedAt" DATETIME,
    "passwordHash" TEXT,
    "avatarKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'active',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "lastActiveAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deletedAt" DATETIME,
    "shareSessions" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "User_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_User" ("avatarKey", "bio", "contactPreference", "createdAt", "deletedAt", "displayName", "email", "emailVerifiedAt", "handle", "id", "languages", "lastActiveAt", "locationId", "maxDistanceKm", "meetingMode", "passwordHash", "pronouns", "status", "timeZone", "updatedAt", "visibility") SELECT "avatarKey", "bio", "contactPreference", "createdAt", "deletedAt", "displayName", "email", "emailVerifiedAt", "handle", "id", "languages", "lastActiveAt", "locationId", "maxDistanceKm", "meetingMode", "passwordHash", "pronouns", "status", "timeZone", "updatedAt", "visibility" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE UNIQUE INDEX "User_handle_key" ON "User"("handle");
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE INDEX "User_status_lastActiveAt_idx" ON "User"("status", "lastActiveAt");
CREATE INDEX "User_locationId_idx" ON "User"("locationId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
