export { buildApp, type AppOptions, type ServerCore } from "./server/app.js";
export type { DiscordEndpoint } from "./server/routes/discord-interactions.js";
export { SESSION_COOKIE } from "./server/routes/login-link.js";
