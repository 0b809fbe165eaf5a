import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { logOut } from "../api/auth.js";
import { ApiError } from "../api/client.js";
import { myProfile, type OwnProfile } from "../api/me.js";
import { usePageTitle } from "../page-title.js";
import { useSession } from "../session.js";

const levels = ["", "beginner", "basics", "intermediate", "advanced", "expert"];

function SkillList({ title, skills }: { title: string; skills: OwnProfile["skills"] }) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {skills.length === 0 ? (
        <p class="muted">None yet.</p>
      ) : (
        <ul class="skills">
          {skills.map((skill) => (
            <li key={skill.id}>
              {skill.name} <span class="muted">({levels[skill.level] ?? `level ${skill.level}`})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LogOutButton() {
  const { refresh } = useSession();
  const { route } = useLocation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const leave = () => {
    setBusy(true);
    logOut()
      .then(refresh)
      .then(() => route("/"))
      .catch((error: unknown) => {
        setFailure(error instanceof ApiError ? error.message : "Logging out did not work.");
        setBusy(false);
      });
  };
  return (
    <>
      <button type="button" class="button" onClick={leave} disabled={busy}>
        {busy ? "Logging out…" : "Log out"}
      </button>
      {failure !== null && (
        <p class="form-message" role="alert">
          {failure}
        </p>
      )}
    </>
  );
}

function Profile({ profile }: { profile: OwnProfile }) {
  const place = profile.location === null ? null : `${profile.location.name}, ${profile.location.country}`;
  return (
    <>
      <div class="profile-head">
        {profile.avatarSmallUrl !== null && <img class="avatar" src={profile.avatarSmallUrl} alt="" />}
        <div>
          <h1 id="me-title">{profile.displayName}</h1>
          <p class="muted">
            @{profile.handle}
            {profile.pronouns === "" ? "" : ` · ${profile.pronouns}`}
          </p>
        </div>
      </div>
      <dl class="facts">
        <dt>Lives in</dt>
        <dd>{place ?? "Not said"}</dd>
        <dt>Time zone</dt>
        <dd>{profile.timeZone}</dd>
        <dt>Email</dt>
        <dd>{profile.email ?? "None"}</dd>
        <dt>Profile seen by</dt>
        <dd>
          {profile.visibility === "communities"
            ? "your communities"
            : profile.visibility === "public"
              ? "everyone"
              : "only you"}
        </dd>
        <dt>Reviews</dt>
        <dd>
          {profile.rating.count === 0
            ? "None yet"
            : `${profile.rating.average?.toFixed(1) ?? "–"} out of 5, from ${profile.rating.count}`}
        </dd>
      </dl>
      {profile.bio !== "" && <p class="bio">{profile.bio}</p>}
      <div class="columns">
        <SkillList title="Teaches" skills={profile.skills.filter((s) => s.direction === "teach")} />
        <SkillList title="Wants to learn" skills={profile.skills.filter((s) => s.direction === "learn")} />
      </div>
      <LogOutButton />
    </>
  );
}

/** The signed-in person's own page: their profile as they set it, and logging out. */
function MyProfile() {
  const [profile, setProfile] = useState<OwnProfile | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    myProfile().then(setProfile, (error: unknown) =>
      setFailure(error instanceof ApiError ? error.message : "Your profile could not be loaded."),
    );
  }, []);
  usePageTitle(profile?.displayName ?? "Your profile");
  if (failure !== null)
    return (
      <>
        <h1>Your profile</h1>
        <p class="form-message" role="alert">
          {failure}
        </p>
      </>
    );
  if (profile === null)
    return (
      <>
        <h1>Your profile</h1>
        <p role="status" class="muted">
          Loading your profile…
        </p>
      </>
    );
  return <Profile profile={profile} />;
}

export function Me() {
  const { session } = useSession();
  if (session.state === "signed-in") return <MyProfile key={session.person.id} />;
  return <SignedOutHere loading={session.state === "loading"} />;
}

function SignedOutHere({ loading }: { loading: boolean }) {
  usePageTitle("Your profile");
  return (
    <>
      <h1>Your profile</h1>
      {loading ? (
        <p role="status" class="muted">
          Checking whether you are signed in…
        </p>
      ) : (
        <p>
          You are not signed in. <a href="/">Sign in or create an account</a> to see your profile.
        </p>
      )}
    </>
  );
}
