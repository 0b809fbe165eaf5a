import { useEffect, useState } from "preact/hooks";
import { myLinkedAccounts, type LinkedIdentity } from "../api/account.js";
import { signInProviders, type SignInProvider } from "../api/auth.js";
import { ApiError } from "../api/client.js";
import { Failure } from "./load-state.js";

const providerNames: Record<string, string> = { discord: "Discord", slack: "Slack", google: "Google", email: "Email" };
const shownProviders = ["discord", "slack", "google", "email"];

function LinkAction({ provider, startUrl }: { provider: string; startUrl: string | undefined }) {
  if (startUrl !== undefined)
    // A real navigation: the server's OAuth start links the account that comes back, then returns here.
    return (
      <a class="button" href={startUrl}>
        Link {providerNames[provider]}
      </a>
    );
  return <span class="muted">Not linked.</span>;
}

/** The accounts linked to mine, and a "link" button for each provider this server can link. */
export function LinkedAccounts() {
  const [identities, setIdentities] = useState<readonly LinkedIdentity[] | null>(null);
  const [providers, setProviders] = useState<readonly SignInProvider[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    myLinkedAccounts().then(setIdentities, (error: unknown) =>
      setFailure(error instanceof ApiError ? error.message : "Your linked accounts could not be loaded."),
    );
    // Only the buttons depend on it: without the list, the accounts are still shown.
    signInProviders().then(setProviders, () => setProviders([]));
  }, []);

  return (
    <section aria-labelledby="linked-title">
      <h2 id="linked-title">Linked accounts</h2>
      {failure !== null && <Failure>{failure}</Failure>}
      {identities === null && failure === null && <p class="muted">Loading your linked accounts…</p>}
      {identities !== null && (
        <ul class="linked-accounts">
          {shownProviders.map((provider) => {
            const linked = identities.filter((identity) => identity.provider === provider);
            return (
              <li key={provider}>
                <strong>{providerNames[provider]}</strong>{" "}
                {linked.length > 0 ? (
                  linked.map((identity) => (
                    <span key={identity.username}>
                      {identity.username === "" ? "Linked" : identity.username}
                      <span class="muted"> · since {new Date(identity.linkedAt).toLocaleDateString()}</span>
                    </span>
                  ))
                ) : (
                  <LinkAction
                    provider={provider}
                    startUrl={providers.find((candidate) => candidate.id === provider)?.startUrl}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
