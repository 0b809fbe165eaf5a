export { createServer, type ServerCore, type ServerOptions } from "./server/create-server.js";
export type { DiscordEndpoint } from "./server/routes/discord-interactions.js";
export { SESSION_COOKIE } from "./server/routes/login-link.js";
