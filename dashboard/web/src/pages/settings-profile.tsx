import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api/client.js";
import { editableProfileNow, type EditableProfile } from "../api/profile.js";
import { AvatarEditor } from "../components/avatar-editor.js";
import { ProfileForm } from "../components/profile-form.js";
import { SignedOutNotice } from "../components/signed-out-notice.js";
import { usePageTitle } from "../page-title.js";
import { useSession } from "../session.js";
import { Failure, Loading } from "../components/load-state.js";
import "./settings.css";

const title = "Edit your profile";

function ProfileEditor() {
  const [profile, setProfile] = useState<EditableProfile | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    editableProfileNow().then(setProfile, (error: unknown) =>
      setFailure(error instanceof ApiError ? error.message : "Your profile could not be loaded."),
    );
  }, []);
  if (failure !== null)
    return (
      <Failure>
        {failure} <a href="/settings/profile">Try again</a>
      </Failure>
    );
  if (profile === null) return <Loading>Loading your profile…</Loading>;
  return (
    <>
      <AvatarEditor
        avatarUrl={profile.avatarUrl}
        onChanged={(avatarUrl) => setProfile((current) => (current === null ? null : { ...current, avatarUrl }))}
      />
      <ProfileForm profile={profile} onSaved={setProfile} />
    </>
  );
}

/** /settings/profile: everything others see of me, my picture, and how SkillSwap reaches me. */
export function SettingsProfile() {
  usePageTitle(title);
  const { session } = useSession();
  return (
    <div class="settings-page">
      <h1>{title}</h1>
      {session.state === "signed-in" ? (
        <ProfileEditor key={session.person.id} />
      ) : (
        <SignedOutNotice loading={session.state === "loading"} what="edit your profile" />
      )}
    </div>
  );
}
