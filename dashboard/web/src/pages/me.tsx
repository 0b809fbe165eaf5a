import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { logOut } from "../api/auth.js";
import { ApiError } from "../api/client.js";
import { myProfile, type OwnProfile } from "../api/me.js";
import { usePageTitle } from "../page-title.js";
import { useSession } from "../session.js";
import { Failure, Loading } from "../components/load-state.js";
import { placeOf, ProfileHead, ProfileSkills, ratingSentence } from "../components/profile-view.js";
import { SignedInOnly } from "../components/signed-in-only.js";

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
      {failure !== null && <Failure>{failure}</Failure>}
    </>
  );
}

function Profile({ profile }: { profile: OwnProfile }) {
  return (
    <>
      <ProfileHead profile={profile} />
      <dl class="facts">
        <dt>Lives in</dt>
        <dd>{placeOf(profile)}</dd>
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
        <dd>{ratingSentence(profile.rating, "None yet")}</dd>
      </dl>
      {profile.bio !== "" && <p class="bio">{profile.bio}</p>}
      <div class="columns">
        <ProfileSkills title="Teaches" skills={profile.skills.filter((s) => s.direction === "teach")} />
        <ProfileSkills title="Wants to learn" skills={profile.skills.filter((s) => s.direction === "learn")} />
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
        <Failure>{failure}</Failure>
      </>
    );
  if (profile === null)
    return (
      <>
        <h1>Your profile</h1>
        <Loading>Loading your profile…</Loading>
      </>
    );
  return <Profile profile={profile} />;
}

export function Me() {
  return (
    <SignedInOnly title="Your profile" what="see your profile">
      {(handle) => <MyProfile key={handle} />}
    </SignedInOnly>
  );
}
