import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Long enough to read Slack's consent screen and pick a workspace; an older install starts again. */
export const INSTALL_STATE_LIFETIME_MS = 10 * 60 * 1000;

/** What leaves for Slack (`state`) and what stays in the browser that left (the cookie's nonce). */
export interface IssuedInstallState {
  readonly state: string;
  readonly nonce: string;
  /** The state's id, claimed once when it comes back. */
  readonly id: string;
}

/** Why a state that came back is refused; "ok" names the id to claim. */
export type InstallStateCheck =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly reason: "missing" | "forged" | "expired" };

const encode = (bytes: Buffer) => bytes.toString("base64url");

function macOf(secret: string, issuedAt: string, id: string, nonce: string): Buffer {
  return createHmac("sha256", secret).update(`slack-install:${issuedAt}.${id}.${nonce}`).digest();
}

/**
 * The OAuth `state` of an "Add to Slack" install: `<issued at>.<id>.<HMAC>`, the HMAC keyed by
 * SLACK_STATE_SECRET over the time, the id and a nonce kept in the installing browser's cookie. A state is
 * therefore only good in the browser that started the install (a link sent to an admin cannot install into
 * the sender's SkillSwap), for ten minutes, and any process sharing the secret can check it without storage;
 * the caller claims the id so that it is good once.
 */
export function issueInstallState(secret: string, now: Date): IssuedInstallState {
  const issuedAt = String(Math.floor(now.getTime() / 1000));
  const id = encode(randomBytes(16));
  const nonce = encode(randomBytes(24));
  return { state: `${issuedAt}.${id}.${encode(macOf(secret, issuedAt, id, nonce))}`, nonce, id };
}

export function checkInstallState(
  secret: string,
  state: string | undefined,
  nonce: string | undefined,
  now: Date,
): InstallStateCheck {
  if (state === undefined || state === "" || nonce === undefined || nonce === "")
    return { ok: false, reason: "missing" };
  const [issuedAt = "", id = "", mac = "", ...rest] = state.split(".");
  if (rest.length > 0 || !/^\d{1,12}$/.test(issuedAt) || id === "") return { ok: false, reason: "forged" };
  const expected = macOf(secret, issuedAt, id, nonce);
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "forged" };
  const ageMs = now.getTime() - Number(issuedAt) * 1000;
  // A minute of tolerance the other way: another process's clock may be a little ahead.
  if (ageMs > INSTALL_STATE_LIFETIME_MS || ageMs < -60_000) return { ok: false, reason: "expired" };
  return { ok: true, id };
}
