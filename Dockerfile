# syntax=docker/dockerfile:1
# One image for every SkillSwap process: `skillswap start --roles web|worker|discord|slack` and the one-shot
# `skillswap migrate` (docker-compose.yml picks with the command). Three stages:
#   build — every dependency (TypeScript, Vite and the Prisma CLI are dev dependencies), then the Prisma clients,
#           the compiled workspaces (tsc -b) and the dashboard's pages (Vite);
#   deps  — production dependencies only, native modules built for this Node;
#   app   — slim Node with the two combined, running as the unprivileged `node` user.

# Node 24 (LTS) ships npm 11, the npm the lockfile is written with.
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm AS build
WORKDIR /app
# The manifests first, so the dependency layer is reused until package-lock.json changes.
COPY package.json package-lock.json ./
COPY core/package.json core/
COPY bot/package.json bot/
COPY dashboard/package.json dashboard/
COPY cli/package.json cli/
# Scripts off: the root postinstall needs the sources, copied below. The dependencies' own install steps that
# matter (better-sqlite3's native module, esbuild's binary check) run through `npm rebuild`.
RUN npm ci --no-audit --no-fund --ignore-scripts && npm rebuild better-sqlite3 esbuild
COPY . .
# What the root postinstall does, but failing loudly: the clients, then `tsc -b` and the dashboard's build.
RUN node prisma/scripts/generate.mjs && npm run build

FROM node:${NODE_VERSION}-bookworm AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY core/package.json core/
COPY bot/package.json bot/
COPY dashboard/package.json dashboard/
COPY cli/package.json cli/
# --ignore-scripts: the root postinstall generates the Prisma clients with the Prisma CLI, a dev dependency left
# out here (the clients come compiled from the build stage). The full image (compilers, python) builds
# better-sqlite3 from source should its prebuilt binary be unavailable. Every workspace gets a node_modules
# folder, so the app stage can copy them whether or not npm nested anything there.
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts \
  && npm rebuild better-sqlite3 esbuild \
  && mkdir -p core/node_modules bot/node_modules dashboard/node_modules cli/node_modules \
  && npm cache clean --force

FROM node:${NODE_VERSION}-bookworm-slim AS app
ENV NODE_ENV=production \
  HOST=0.0.0.0 \
  PORT=3000
WORKDIR /app
# Owned by root and not writable by the process: only /app/data (mail files without SMTP, uploads without S3) is.
COPY --from=deps /app/package.json /app/package-lock.json ./
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/prisma/migrations ./prisma/migrations
COPY --from=build /app/prisma/postgres/migrations ./prisma/postgres/migrations
COPY --from=build /app/cli/bin ./cli/bin
# Each workspace: its manifest, dependencies, compiled code and its sources. The sources stay because the core
# reads data files beside them at run time (the gazetteer's alternate names, the common-passwords list) and the
# `skillswap` launcher compares them with the build to decide it may run the compiled code.
COPY --from=deps /app/core/package.json /app/core/
COPY --from=deps /app/core/node_modules ./core/node_modules
COPY --from=build /app/core/src ./core/src
COPY --from=build /app/core/dist ./core/dist
COPY --from=build /app/core/tsconfig.tsbuildinfo ./core/
COPY --from=deps /app/bot/package.json /app/bot/
COPY --from=deps /app/bot/node_modules ./bot/node_modules
COPY --from=build /app/bot/src ./bot/src
COPY --from=build /app/bot/dist ./bot/dist
COPY --from=build /app/bot/tsconfig.tsbuildinfo ./bot/
COPY --from=deps /app/dashboard/package.json /app/dashboard/
COPY --from=deps /app/dashboard/node_modules ./dashboard/node_modules
COPY --from=build /app/dashboard/src ./dashboard/src
COPY --from=build /app/dashboard/dist ./dashboard/dist
COPY --from=build /app/dashboard/tsconfig.tsbuildinfo ./dashboard/
COPY --from=build /app/dashboard/web/dist ./dashboard/web/dist
COPY --from=deps /app/cli/package.json /app/cli/
COPY --from=deps /app/cli/node_modules ./cli/node_modules
COPY --from=build /app/cli/src ./cli/src
COPY --from=build /app/cli/dist ./cli/dist
COPY --from=build /app/cli/tsconfig.tsbuildinfo ./cli/
# The launcher runs the compiled build only when each tsbuildinfo is newer than every source (cli/bin/skillswap.js);
# otherwise it would compile TypeScript at every start through tsx. Touched last, so copies cannot reorder times.
RUN touch core/tsconfig.tsbuildinfo bot/tsconfig.tsbuildinfo dashboard/tsconfig.tsbuildinfo cli/tsconfig.tsbuildinfo \
  && mkdir -p data \
  && chown node:node data
USER node
EXPOSE 3000
ENTRYPOINT ["node", "cli/bin/skillswap.js"]
CMD ["start", "--roles", "web"]
