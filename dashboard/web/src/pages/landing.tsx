import { useEffect, useState } from "preact/hooks";
import { demoPeopleToTry, signInProviders, type DemoPerson, type SignInProvider } from "../api/auth.js";
import { LogInForm, SignUpForm } from "../components/auth-forms.js";
import { TryAs } from "../components/try-as.js";
import { usePageTitle } from "../page-title.js";
import { useSession } from "../session.js";
import { Loading } from "../components/load-state.js";

const providerNames: Record<SignInProvider["id"], string> = { discord: "Discord", google: "Google" };

/** "Continue with …" for the OAuth providers the server has credentials for; none when it has none. */
function ProviderButtons({ providers }: { providers: readonly SignInProvider[] }) {
  if (providers.length === 0) return null;
  return (
    <section aria-labelledby="providers-title">
      <h2 id="providers-title">Or continue with</h2>
      <ul class="providers">
        {providers.map((provider) => (
          <li key={provider.id}>
            <a class="button" href={provider.startUrl}>
              Continue with {providerNames[provider.id]}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the signed-out landing page offers: demo people, providers. Neither is needed to sign up, so a failure shows none. */
function useSignInOptions() {
  const [people, setPeople] = useState<readonly DemoPerson[]>([]);
  const [providers, setProviders] = useState<readonly SignInProvider[]>([]);
  useEffect(() => {
    demoPeopleToTry().then(setPeople, () => setPeople([]));
    signInProviders().then(setProviders, () => setProviders([]));
  }, []);
  return { people, providers };
}

function SignedOutOptions() {
  const { people, providers } = useSignInOptions();
  return (
    <>
      <TryAs people={people} />
      <div class="forms">
        <SignUpForm />
        <LogInForm />
      </div>
      <ProviderButtons providers={providers} />
    </>
  );
}

export function Landing() {
  usePageTitle("");
  const { session } = useSession();
  return (
    <>
      <section class="intro" aria-labelledby="landing-title">
        <h1 id="landing-title">Trade what you know for what you want to learn</h1>
        <p class="lead">
          SkillSwap finds people in your Discord servers and Slack workspaces who can teach you a skill and want to
          learn one of yours. Agree on a swap, meet online or nearby, and review each other afterwards.
        </p>
        <ul class="steps">
          <li>List what you can teach and what you want to learn.</li>
          <li>See who matches, and why: skills, levels, time zones and distance.</li>
          <li>Request a swap, talk it through, schedule your sessions.</li>
        </ul>
      </section>
      {session.state === "loading" && <Loading>Checking whether you are signed in…</Loading>}
      {session.state === "signed-in" && (
        <section aria-labelledby="welcome-back">
          <h2 id="welcome-back">Welcome back, {session.person.displayName}</h2>
          <p>
            <a class="button primary" href="/me">
              Go to your profile
            </a>
          </p>
        </section>
      )}
      {session.state === "signed-out" && <SignedOutOptions />}
    </>
  );
}
