import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api/client.js";
import { removeAvatar, uploadAvatar } from "../api/profile.js";

export interface AvatarEditorProps {
  readonly avatarUrl: string | null;
  readonly onChanged: (avatarUrl: string | null) => void;
}

const failureOf = (error: unknown) =>
  error instanceof ApiError ? (error.fields["avatar"] ?? error.message) : "The picture could not be sent.";

/** A local address for the chosen file, to show it before it is sent; freed when no longer shown. */
function usePreview(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (file === null) return setUrl(null);
    const address = URL.createObjectURL(file);
    setUrl(address);
    return () => URL.revokeObjectURL(address);
  }, [file]);
  return url;
}

/**
 * The profile picture: choose a file, see it as it will look (the server keeps the centre square, which the
 * round frame shows), then send it or pick another. A refused file leaves the current picture as it was.
 */
export function AvatarEditor({ avatarUrl, onChanged }: AvatarEditorProps) {
  const [file, setFile] = useState<File | null>(null);
  // Which preview the browser could not show, not a flag: an error from the previous file's preview can arrive
  // after another file was chosen, and must not hide the new one.
  const [unviewableUrl, setUnviewableUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const preview = usePreview(file);
  const unviewable = preview !== null && unviewableUrl === preview;
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
    if (file === null) return setFailure("Choose a picture first.");
    run(async () => {
      const profile = await uploadAvatar(file);
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
      <div class="avatar-pair">
        <figure>
          {avatarUrl === null ? (
            <div class="avatar-frame empty">No picture yet</div>
          ) : (
            <img class="avatar-frame" src={avatarUrl} alt="Your current picture" />
          )}
          <figcaption>Now</figcaption>
        </figure>
        {preview !== null && (
          <figure>
            {unviewable ? (
              <div class="avatar-frame empty">No preview</div>
            ) : (
              <img
                class="avatar-frame"
                src={preview}
                alt="Preview of the chosen picture"
                onError={() => setUnviewableUrl(preview)}
              />
            )}
            <figcaption>After sending</figcaption>
          </figure>
        )}
      </div>
      <form onSubmit={send} noValidate>
        <div class="field">
          <label htmlFor={id}>Choose a picture</label>
          <p class="hint" id={`${id}-hint`}>
            JPEG, PNG, WebP or GIF, up to 5 MB. The centre square is kept, as the preview shows.
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
          {unviewable && <p class="hint">Your browser cannot show this file as a picture: it may not be one.</p>}
          {failure !== null && (
            <p class="field-error" id={`${id}-error`} role="alert">
              {failure}
            </p>
          )}
        </div>
        <div class="actions">
          <button type="submit" class="button primary" disabled={busy || file === null}>
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
