import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { editableProfileNow, type EditableProfile } from "../api/profile.js";
import type { MySkill } from "../api/skills.js";
import { announceOn } from "../components/flash-notice.js";
import { Failure, Loading } from "../components/load-state.js";
import { SignedInOnly, failureText } from "../components/signed-in-only.js";
import { NameStep, PlaceStep, SkillsStep } from "../components/welcome-steps.js";
import { welcomeHref, welcomeSteps, type WelcomeStep } from "../onboarding.js";
import { usePageTitle } from "../page-title.js";
import "./skills.css";
import "../welcome.css";

const title = "Welcome to SkillSwap";

const stepTitles: Record<WelcomeStep, string> = {
  name: "Your name",
  place: "Where and when",
  skills: "What you teach and learn",
};

const isStep = (value: string | undefined): value is WelcomeStep => welcomeSteps.some((step) => step === value);

/** The steps as a list of links: where I am, and a way back to any of them. */
function Progress({ current }: { current: WelcomeStep }) {
  return (
    <nav aria-label="Onboarding steps">
      <ol class="welcome-progress">
        {welcomeSteps.map((step, index) => (
          <li key={step}>
            <a href={welcomeHref(step)} aria-current={step === current ? "step" : undefined}>
              {index + 1}. {stepTitles[step]}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Onboarding() {
  const { query, route } = useLocation();
  const step: WelcomeStep = isStep(query.step) ? query.step : "name";
  const index = welcomeSteps.indexOf(step);
  usePageTitle(`${title}, step ${index + 1} of ${welcomeSteps.length}`);
  const [profile, setProfile] = useState<EditableProfile | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    editableProfileNow().then(setProfile, (error: unknown) =>
      setFailure(failureText(error, "Your profile could not be loaded.")),
    );
  }, []);

  const next = welcomeSteps[index + 1];
  const previous = welcomeSteps[index - 1];
  const saved = (updated: EditableProfile) => {
    setProfile(updated);
    if (next !== undefined) route(welcomeHref(next));
  };
  // Matches are made from skills: without any, finding people is the more useful first page.
  const land = (skills: readonly MySkill[], sentence: string) => {
    const where = skills.length > 0 ? "/matches" : "/people";
    announceOn(where, sentence);
    route(where);
  };
  const name = profile?.displayName ?? "";
  const finish = (skills: readonly MySkill[]) =>
    land(
      skills,
      skills.length > 0
        ? `Welcome to SkillSwap, ${name}! Your profile is ready: here are people who match your skills.`
        : `Welcome to SkillSwap, ${name}! Add skills any time from the Skills page to get matches.`,
    );
  const skip = () =>
    land([], "Welcome to SkillSwap! You can finish your profile any time from Edit profile and Skills.");

  return (
    <>
      <h1>{title}</h1>
      <p class="lead">Three short steps so people can find you. Every one can be changed later.</p>
      <Progress current={step} />
      <section aria-labelledby="step-title" class="welcome-step">
        <h2 id="step-title">
          Step {index + 1} of {welcomeSteps.length}: {stepTitles[step]}
        </h2>
        {failure !== null && <Failure>{failure} Reload the page to try again.</Failure>}
        {failure === null && profile === null && <Loading>Loading your profile…</Loading>}
        {profile !== null && step === "name" && <NameStep key="name" profile={profile} onSaved={saved} />}
        {profile !== null && step === "place" && <PlaceStep key="place" profile={profile} onSaved={saved} />}
        {profile !== null && step === "skills" && <SkillsStep onDone={finish} />}
      </section>
      <div class="welcome-moves">
        {previous !== undefined && (
          <a class="button" href={welcomeHref(previous)}>
            Back
          </a>
        )}
        <button type="button" class="button" onClick={skip}>
          Skip for now
        </button>
      </div>
    </>
  );
}

/** /welcome: onboarding after the first sign-in (see onboarding.ts for who is led here). */
export function Welcome() {
  return (
    <SignedInOnly title={title} what="set up your profile">
      {(handle) => <Onboarding key={handle} />}
    </SignedInOnly>
  );
}
