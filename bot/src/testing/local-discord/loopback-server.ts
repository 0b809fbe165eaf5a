import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { LocalGateway, type GatewayHooks } from "./gateway.js";
import type { RestFaults } from "./rest-faults.js";
import type { RestCall, Route } from "./rest-router.js";
import { RestServer } from "./rest-server.js";

/** One loopback port serving both halves of Discord: REST under /api, the gateway as WebSocket upgrades. */
export class LoopbackServer {
  readonly gateway: LocalGateway;
  private readonly server: Server;

  constructor(routes: readonly Route[], faults: RestFaults, calls: RestCall[], hooks: GatewayHooks) {
    const rest = new RestServer(routes, faults, calls);
    this.server = createServer((request, response) => {
      rest.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ message: String(error), code: 0 }));
      });
    });
    this.gateway = new LocalGateway(this.server, hooks, () => this.wsUrl);
  }

  get url(): string {
    const address = this.server.address() as AddressInfo | null;
    if (address === null) throw new Error("LocalDiscord is not started");
    return `http://127.0.0.1:${address.port}`;
  }

  get wsUrl(): string {
    return this.url.replace("http", "ws");
  }

  async start(): Promise<void> {
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
  }

  async stop(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }
}
