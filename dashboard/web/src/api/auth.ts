import * as z from "zod/mini";
import { call, callForNothing } from "./client.js";

/** Who signed in: enough to greet them (the API's `SignedIn`). */
const signedIn = z.object({
  id: z.string(),
  handle: z.string(),
  displayName: z.string(),
  email: z.nullable(z.string()),
});
export type SignedIn = z.infer<typeof signedIn>;

const sessionStatus = z.object({
  signedIn: z.boolean(),
  person: z.nullable(signedIn),
  csrfToken: z.nullable(z.string()),
});
export type SessionStatus = z.infer<typeof sessionStatus>;

const providers = z.object({
  providers: z.array(z.object({ id: z.enum(["discord", "google"]), startUrl: z.string() })),
});
export type SignInProvider = z.infer<typeof providers>["providers"][number];

const demoPeople = z.object({
  people: z.array(
    z.object({
      handle: z.string(),
      displayName: z.string(),
      teaches: z.array(z.string()),
      learns: z.array(z.string()),
    }),
  ),
});
export type DemoPerson = z.infer<typeof demoPeople>["people"][number];

export interface SignUpInput {
  readonly email: string;
  readonly password: string;
  readonly displayName: string;
  readonly timeZone?: string;
}

export const sessionStatusNow = () => call("GET", "/auth/session", sessionStatus);
export const signInProviders = async () => (await call("GET", "/auth/providers", providers)).providers;
export const demoPeopleToTry = async () => (await call("GET", "/auth/demo-people", demoPeople)).people;
export const signUp = (input: SignUpInput) => call("POST", "/auth/signup", signedIn, input);
export const logIn = (input: { readonly email: string; readonly password: string }) =>
  call("POST", "/auth/login", signedIn, input);
export const tryAs = (handle: string) =>
  call("POST", `/auth/demo-people/${encodeURIComponent(handle)}/sign-in`, signedIn);
export const logOut = () => callForNothing("POST", "/auth/logout");
