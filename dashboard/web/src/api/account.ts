import * as z from "zod/mini";
import { call, callForNothing } from "./client.js";

const webSessions = z.array(
  z.object({
    id: z.string(),
    current: z.boolean(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string(),
    ip: z.string(),
  }),
);
export type WebSession = z.infer<typeof webSessions>[number];

const linkedIdentities = z.array(z.object({ provider: z.string(), username: z.string(), linkedAt: z.string() }));
export type LinkedIdentity = z.infer<typeof linkedIdentities>[number];

export const mySessions = () => call("GET", "/auth/sessions", webSessions);
export const endSession = (id: string) => callForNothing("DELETE", `/auth/sessions/${encodeURIComponent(id)}`);
export const endOtherSessions = async () =>
  (await call("POST", "/auth/sessions/revoke-all", z.object({ ended: z.number() }))).ended;

export const myLinkedAccounts = () => call("GET", "/auth/identities", linkedIdentities);
/** Unlinks every account of one provider from mine; refused (409) when it is my last way to sign in. */
export const unlinkAccount = (provider: string) =>
  callForNothing("DELETE", `/auth/identities/${encodeURIComponent(provider)}`);

/** A real link, not a fetch: the browser downloads it under the name the API gives (content-disposition). */
export const dataExportAddress = "/api/v1/me/export";

export const deleteMyAccount = (confirmHandle: string) => callForNothing("DELETE", "/me", { confirmHandle });
