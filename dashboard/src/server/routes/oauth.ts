import { Authenticator } from "@fastify/passport";
import { isDomainError, translate, type Config, type Services } from "@skillswap/core";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { randomBytes } from "node:crypto";
import { FlowCookieCodec, type FlowData } from "../oauth/flow-cookie.js";
import { configuredStrategies, type OAuthProvider, type ProviderIdentity } from "../oauth/providers.js";
import { statusOf } from "../errors/error-handler.js";
import { sendSentencesPage } from "../pages.js";
import { signIn } from "../plugins/app/session.js";

declare module "fastify" {
  interface FastifyRequest {
    /**
     * The OAuth flow's memory, only on /auth/* routes: passport's state store reads and writes it as a plain
     * object (its PKCE store does `req.session[key] = …`); it round-trips in the sealed flow cookie.
     */
    session: FlowData | null;
  }
}

const flowCookie = "skillswap_oauth";
// Long enough to pick an account at the provider; a link older than this starts again.
const flowMinutes = 10;
const linkIntent = "skillswapLinkTo";

/** A page that says what went wrong with a sign-in, and that nothing changed: the browser came here by link. */
function refusal(reply: FastifyReply, status: number, sentence: string): FastifyReply {
  return sendSentencesPage(reply, status, [sentence, "Nothing was changed. Start again from the sign-in page."]);
}

/**
 * Sign in (or link an account) with Discord and Google: `GET /auth/:provider` leaves for the provider with
 * `state` and a PKCE challenge, `GET /auth/:provider/callback` comes back, exchanges the code, and signs the
 * browser in — or, when the person was signed in when they left, links that identity to their account.
 * Only providers whose credentials are configured exist; the redirect URI is exactly PUBLIC_URL's.
 */
export function oauthRoutes(config: Config, accounts: Services["accounts"]) {
  return async function register(app: FastifyInstance): Promise<void> {
    const strategies = configuredStrategies(config);
    if (strategies.size === 0) return;
    // Without SESSION_SECRET a process seals with a key of its own: a flow started on one process then ends
    // on another as "could not be verified" — the same limit as sessions, and the same cure (set the secret).
    const codec = new FlowCookieCodec(config.SESSION_SECRET ?? randomBytes(32).toString("hex"));
    const secure = new URL(config.PUBLIC_URL).protocol === "https:";
    const passport = new Authenticator({ key: "skillswap-oauth", userProperty: "oauthIdentity" });
    for (const [name, strategy] of strategies) passport.use(name, strategy);

    app.decorateRequest("session", null);
    await app.register(passport.initialize());

    const loadFlow = (request: FastifyRequest): void => {
      request.session = codec.open(request.cookies[flowCookie], new Date()) ?? {};
    };
    // What passport wrote is sealed into the cookie when the answer leaves; an emptied flow clears it.
    app.addHook("onSend", async (request, reply) => {
      if (request.session === null) return;
      if (Object.keys(request.session).length === 0) {
        reply.clearCookie(flowCookie, { path: "/auth" });
        return;
      }
      reply.setCookie(flowCookie, codec.seal(request.session, new Date(Date.now() + flowMinutes * 60_000)), {
        path: "/auth",
        httpOnly: true,
        // Lax: the cookie must come back on the provider's top-level redirect to the callback.
        sameSite: "lax",
        secure,
        maxAge: flowMinutes * 60,
      });
    });

    for (const provider of strategies.keys()) {
      app.get(
        `/auth/${provider}`,
        {
          schema: { hide: true },
          preValidation: [
            (request, _reply, done) => {
              request.session = {};
              // Signed in when leaving: the identity that comes back is linked to this account, not signed in.
              if (request.actor !== null) request.session[linkIntent] = request.actor.userId;
              done();
            },
            passport.authenticate(provider, { session: false }),
          ],
        },
        // Passport has already answered with the redirect to the provider.
        async (_request, reply) => reply,
      );

      app.get(
        `/auth/${provider}/callback`,
        {
          schema: { hide: true },
          preValidation: [
            (request, _reply, done) => {
              loadFlow(request);
              done();
            },
            passport.authenticate(provider, { session: false }, async (request, reply, error, identity) => {
              const linkTo = request.session?.[linkIntent];
              // One flow, one callback: whatever happens next, the flow's memory is spent.
              request.session = {};
              reply.header("referrer-policy", "no-referrer");
              if (error !== null && error !== undefined) {
                request.log.warn({ err: error, provider }, "OAuth sign-in failed at the provider");
                return refusal(
                  reply,
                  400,
                  `${providerName(provider)} did not confirm this sign-in; it may have been used already.`,
                );
              }
              if (identity === false || identity === undefined || identity === null) {
                return refusal(
                  reply,
                  403,
                  "This sign-in could not be verified: it expired, or began in another browser.",
                );
              }
              return finish(
                request,
                reply,
                provider,
                identity as ProviderIdentity,
                typeof linkTo === "string" ? linkTo : null,
              );
            }),
          ],
        },
        async (_request, reply) => reply,
      );
    }

    async function finish(
      request: FastifyRequest,
      reply: FastifyReply,
      provider: OAuthProvider,
      identity: ProviderIdentity,
      linkTo: string | null,
    ): Promise<FastifyReply> {
      const linking = linkTo === null ? null : request.actor;
      if (linkTo !== null && linking?.userId !== linkTo)
        return refusal(reply, 403, "You were signed in as someone else when this began; sign in again and retry.");
      try {
        if (linking !== null) {
          await accounts.linkIdentity(linking, identity);
        } else {
          const account = await accounts.signInWithIdentity(identity);
          await signIn(request, reply, account.userId, provider);
        }
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return refusal(reply, statusOf(error.kind), translate(error.messageKey, error.params));
      }
      // 303: the browser follows with a GET, and reloading the page does not replay the spent code.
      return reply.redirect(linkTo === null ? "/" : "/account", 303);
    }
  };
}

function providerName(provider: OAuthProvider): string {
  return provider === "discord" ? "Discord" : "Google";
}
