import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    include: ["{core,cli,bot,dashboard,prisma}/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    // Each test file gets its own database; files run in parallel on the two cores.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
