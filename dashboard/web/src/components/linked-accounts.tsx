import { useEffect, useState } from "preact/hooks";
import { myLinkedAccounts, unlinkAccount, type LinkedIdentity } from "../api/account.js";
import { signInProviders, type SignInProvider } from "../api/auth.js";
import { ApiError } from "../api/client.js";
import { Failure } from "./load-state.js";

const providerNames: Record<string, string> = { discord: "Discord", slack: "Slack", google: "Google", email: "Email" };
const shownProviders = ["discord", "slack", "google", "email"];

/** What unlinking takes away, said before it is done. */
const unlinkWarnings: Record<string, string> = {
  email: "You will no longer sign in with your email and password; your password is removed.",
  slack: "SkillSwap in Slack will no longer know it is you.",
};
const warningOf = (provider: string) =>
  unlinkWarnings[provider] ?? `You will no longer sign in with ${providerNames[provider]}.`;

const sentenceOf = (error: unknown, otherwise: string) => (error instanceof ApiError ? error.message : otherwise);

function LinkAction({ provider, startUrl }: { provider: string; startUrl: string | undefined }) {
  if (startUrl !== undefined)
    // A real navigation: the server's OAuth start links the account that comes back, then returns here.
    return (
      <a class="button" href={startUrl}>
        Link {providerNames[provider]}
      </a>
    );
  // Slack has no web sign-in: the Slack app's login link is what will link it, rather than a button that cannot.
  if (provider === "slack")
    return (
      <span class="muted">
        Not linked. With the SkillSwap Slack app (coming soon), <code>/skillswap login</code> in Slack sends you a link
        that links your Slack account here.
      </span>
    );
  return <span class="muted">Not linked.</span>;
}

interface UnlinkProps {
  readonly provider: string;
  readonly busy: boolean;
  readonly onUnlink: (provider: string) => void;
}

/** "Unlink Discord", then a confirmation that says what it takes away. */
function UnlinkAction({ provider, busy, onUnlink }: UnlinkProps) {
  const [confirming, setConfirming] = useState(false);
  const name = providerNames[provider] ?? provider;
  if (!confirming)
    return (
      <button type="button" class="button" disabled={busy} onClick={() => setConfirming(true)}>
        Unlink {name}
      </button>
    );
  return (
    <span class="action-row">
      <span>{warningOf(provider)}</span>
      <button
        type="button"
        class="button danger"
        disabled={busy}
        // The button appeared in place of the one just pressed: keyboard focus follows it.
        autoFocus
        onClick={() => {
          setConfirming(false);
          onUnlink(provider);
        }}
      >
        Yes, unlink {name}
      </button>
      <button type="button" class="button" disabled={busy} onClick={() => setConfirming(false)}>
        Keep it
      </button>
    </span>
  );
}

/** The accounts linked to mine, "unlink" for each, and a "link" button for each provider this server can link. */
export function LinkedAccounts() {
  const [identities, setIdentities] = useState<readonly LinkedIdentity[] | null>(null);
  const [providers, setProviders] = useState<readonly SignInProvider[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    myLinkedAccounts().then(setIdentities, (error: unknown) =>
      setFailure(sentenceOf(error, "Your linked accounts could not be loaded.")),
    );
    // Only the buttons depend on it: without the list, the accounts are still shown.
    signInProviders().then(setProviders, () => setProviders([]));
  }, []);

  const unlink = (provider: string) => {
    setBusy(true);
    setFailure(null);
    setConfirmation("");
    unlinkAccount(provider)
      .then(async () => {
        setIdentities(await myLinkedAccounts());
        setConfirmation(`${providerNames[provider]} is unlinked from your account.`);
      })
      // A refusal (the last way to sign in) is the API's own sentence: it says what to do first.
      .catch((error: unknown) => setFailure(sentenceOf(error, "That account could not be unlinked.")))
      .finally(() => setBusy(false));
  };

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
                  <>
                    {linked.map((identity) => (
                      <span key={identity.username}>
                        {identity.username === "" ? "Linked" : identity.username}
                        <span class="muted"> · since {new Date(identity.linkedAt).toLocaleDateString()}</span>{" "}
                      </span>
                    ))}
                    <UnlinkAction provider={provider} busy={busy} onUnlink={unlink} />
                  </>
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
      <p role="status" class="status-line">
        {confirmation}
      </p>
    </section>
  );
}
