export { buildApp, type AppOptions, type ServerCore } from "./server/app.js";
export { builtDashboard } from "./server/routes/dashboard-app.js";
export type { DiscordEndpoint } from "./server/routes/discord-interactions.js";
export { sessionCookieFor, type SessionCookie } from "./server/plugins/app/session.js";
