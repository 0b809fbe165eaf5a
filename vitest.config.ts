import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    include: ["{core,cli,bot,dashboard,prisma,bench}/**/*.test.{ts,tsx}"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    // Each test file gets its own database; files run in parallel on the two cores.
    pool: "forks",
    testTimeout: 20_000,
    // A condition polled in a browser test (a page, its lazy chunk and its API call) can take seconds on a loaded
    // two-core machine; the default second fails there on nothing but load. Only a failing poll waits this long.
    expect: { poll: { timeout: 15_000 } },
    hookTimeout: 60_000,
  },
});
