import { useState } from "preact/hooks";
import { ApiError } from "../api/client.js";
import { removeAvatar, uploadAvatar } from "../api/profile.js";
import { AvatarCropper } from "./avatar-cropper.js";
import { pictureToSend, useChosenPicture } from "./chosen-picture.js";

export interface AvatarEditorProps {
  readonly avatarUrl: string | null;
  readonly onChanged: (avatarUrl: string | null) => void;
}

const failureOf = (error: unknown) =>
  error instanceof ApiError ? (error.fields["avatar"] ?? error.message) : "The picture could not be sent.";

/**
 * The profile picture: choose a file, choose the square of it to keep, then send that square or pick another.
 * A refused file leaves the current picture as it was.
 */
export function AvatarEditor({ avatarUrl, onChanged }: AvatarEditorProps) {
  const [file, setFile] = useState<File | null>(null);
  const [picture, changeCrop] = useChosenPicture(file);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const id = "avatar-file";

  const run = (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    setConfirmation(null);
    work()
      .catch((error: unknown) => setFailure(failureOf(error)))
      .finally(() => setBusy(false));
  };
  const send = (event: SubmitEvent) => {
    event.preventDefault();
    run(async () => {
      const chosen = await pictureToSend(picture);
      if (chosen === null) return setFailure("Choose a picture first.");
      const profile = await uploadAvatar(chosen);
      setFile(null);
      onChanged(profile.avatarUrl);
      setConfirmation("Your new picture is saved.");
    });
  };
  const remove = () =>
    run(async () => {
      await removeAvatar();
      onChanged(null);
      setConfirmation("Your picture is removed.");
    });

  return (
    <section class="avatar-editor" aria-labelledby="avatar-title">
      <h2 id="avatar-title">Profile picture</h2>
      <figure class="avatar-now">
        {avatarUrl === null ? (
          <div class="avatar-frame empty">No picture yet</div>
        ) : (
          <img class="avatar-frame" src={avatarUrl} alt="Your current picture" />
        )}
        <figcaption>Now</figcaption>
      </figure>
      <form onSubmit={send} noValidate>
        <div class="field">
          <label htmlFor={id}>Choose a picture</label>
          <p class="hint" id={`${id}-hint`}>
            JPEG, PNG, WebP or GIF, up to 5 MB. You then choose the square of it to keep.
          </p>
          <input
            id={id}
            type="file"
            name="avatar"
            accept="image/jpeg,image/png,image/webp,image/gif"
            aria-invalid={failure === null ? undefined : "true"}
            aria-describedby={failure === null ? `${id}-hint` : `${id}-hint ${id}-error`}
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setFailure(null);
              setConfirmation(null);
            }}
          />
          {picture.state === "undecodable" && (
            <p class="hint">Your browser cannot show this file as a picture: it may not be one.</p>
          )}
          {failure !== null && (
            <p class="field-error" id={`${id}-error`} role="alert">
              {failure}
            </p>
          )}
        </div>
        {picture.state === "decoded" && (
          <AvatarCropper
            address={picture.address}
            size={picture.size}
            crop={picture.crop}
            onCrop={changeCrop}
            disabled={busy}
          />
        )}
        <div class="actions">
          <button
            type="submit"
            class="button primary"
            disabled={busy || picture.state === "none" || picture.state === "decoding"}
          >
            {busy && file !== null ? "Sending…" : "Use this picture"}
          </button>
          {avatarUrl !== null && (
            <button type="button" class="button" disabled={busy} onClick={remove}>
              Remove my picture
            </button>
          )}
        </div>
      </form>
      <p role="status" class="status-line">
        {confirmation}
      </p>
    </section>
  );
}
