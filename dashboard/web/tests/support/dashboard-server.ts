import { createServer } from "node:net";
import { seedDemo } from "@skillswap/core";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import { buildApp } from "@skillswap/dashboard";
import type { FastifyInstance } from "fastify";

export interface DashboardServer {
  readonly url: string;
  readonly core: TestCore;
  close(): Promise<void>;
}

/** A port nobody listens on: PUBLIC_URL must name it before the server starts (its origin is trusted). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address !== null ? resolve(address.port) : reject(new Error("no free port")),
      );
    });
  });
}

/** The real web server over a fresh SQLite core with the demo community, serving the built dashboard. */
export async function startDashboardServer(dashboard: string): Promise<DashboardServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const core = await createTestCore("sqlite", {}, { PUBLIC_URL: url, SKILLSWAP_DEMO_DATA: "true" });
  let app: FastifyInstance | undefined;
  try {
    await seedDemo(core);
    app = await buildApp(core, {
      dashboard,
      // A browser test signs up and in a few times from one address; the real limits are tested elsewhere.
      attemptLimits: { perIp: { max: 1000, windowMs: 60_000 }, perEmail: { max: 1000, windowMs: 60_000 } },
    });
    await app.listen({ port, host: "127.0.0.1" });
  } catch (error) {
    await app?.close();
    await core.close();
    throw error;
  }
  const started = app;
  return {
    url,
    core,
    async close() {
      await started.close();
      await core.close();
    },
  };
}
