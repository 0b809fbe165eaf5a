import { execFile } from "node:child_process";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer as createTcpServer, type Server as TcpServer } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The probe docker-compose.yml runs inside the app's containers, run here the same way: a process of its own
// against real servers on loopback.
const probe = fileURLToPath(new URL("../../bin/healthcheck.js", import.meta.url));

function runProbe(...targets: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [probe, ...targets], (error, _stdout, stderr) =>
      resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : -1, stderr }),
    );
  });
}

function portOf(server: HttpServer | TcpServer): number {
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the server is not listening on TCP");
  return address.port;
}
const listening = <T extends HttpServer | TcpServer>(server: T) =>
  new Promise<T>((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
const closed = (server: HttpServer | TcpServer) => new Promise<void>((resolve) => server.close(() => resolve()));

let web: HttpServer;
let database: TcpServer;
let refusedPort: number;

beforeAll(async () => {
  web = await listening(
    createHttpServer((request, response) => {
      response.statusCode = request.url === "/ready" ? 200 : 503;
      response.end(JSON.stringify({ ready: request.url === "/ready" }));
    }),
  );
  database = await listening(createTcpServer((socket) => socket.end()));
  // A port that was just free and is closed again: nothing accepts connections there.
  const gone = await listening(createTcpServer());
  refusedPort = portOf(gone);
  await closed(gone);
});

afterAll(async () => {
  await closed(web);
  await closed(database);
});

describe("the container health probe", () => {
  it("passes when the web role says it is ready", async () => {
    expect(await runProbe(`http://127.0.0.1:${portOf(web)}/ready`)).toEqual({ code: 0, stderr: "" });
  });

  it("fails, saying why, when the web role answers 503", async () => {
    const result = await runProbe(`http://127.0.0.1:${portOf(web)}/not-ready`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("answered 503");
  });

  it("passes when every service a role needs accepts connections, and fails when one does not", async () => {
    const reachable = `tcp://127.0.0.1:${portOf(database)}`;
    expect((await runProbe(reachable)).code).toBe(0);
    const result = await runProbe(reachable, `tcp://127.0.0.1:${refusedPort}`);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`tcp://127.0.0.1:${refusedPort}`);
  });

  it("refuses an address it cannot probe", async () => {
    expect((await runProbe("ftp://127.0.0.1:21")).code).toBe(1);
    expect((await runProbe()).code).toBe(2);
  });
});
