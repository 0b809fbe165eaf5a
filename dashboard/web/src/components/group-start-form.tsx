import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { listMyCommunities, type Community } from "../api/communities.js";
import { startGroup } from "../api/groups.js";
import { textOf, useApiForm } from "./api-form.js";
import { announceOn } from "./flash-notice.js";
import { FormField, FormMessage } from "./form-field.js";

/** "Everyone" is the empty choice: the API opens a group to all when it is given no community. */
const everyone = "";

/** The communities a group may be kept to: mine. Without them (or while they load) a group is open to everyone. */
function useMyCommunities(): readonly Community[] {
  const [communities, setCommunities] = useState<readonly Community[]>([]);
  useEffect(() => {
    let current = true;
    // Not knowing them only hides the choice: starting a group open to everyone still works.
    listMyCommunities().then(
      (found) => current && setCommunities(found),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return communities;
}

/** Starting a group, which I then own; its page opens once the API took it. */
export function GroupStartForm() {
  const { route } = useLocation();
  const communities = useMyCommunities();
  const form = useApiForm(["name", "description", "communityId"], async (data) => {
    const communityId = textOf(data, "communityId");
    const group = await startGroup({
      name: textOf(data, "name"),
      description: textOf(data, "description"),
      ...(communityId === everyone ? {} : { communityId }),
    });
    const path = `/groups/${group.slug}`;
    announceOn(path, `You started ${group.name}: you own it.`);
    route(path);
  });
  return (
    <form class="forms" ref={form.formRef} onSubmit={form.onSubmit} aria-labelledby="start-group-title">
      <h2 id="start-group-title">Start a group</h2>
      <FormMessage form={form} />
      <FormField id="group-name" label="Name" hint="3 to 60 characters." error={form.fieldError("name")}>
        {(input) => <input {...input} name="name" type="text" required maxLength={60} />}
      </FormField>
      <FormField id="group-description" label="What it is about" error={form.fieldError("description")}>
        {(input) => <textarea {...input} name="description" rows={3} maxLength={1000} />}
      </FormField>
      {communities.length > 0 && (
        <FormField id="group-community" label="Who may join" error={form.fieldError("communityId")}>
          {(input) => (
            <select {...input} name="communityId">
              <option value={everyone}>Everyone</option>
              {communities.map((community) => (
                <option key={community.id} value={community.id}>
                  Members of {community.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
      )}
      <button type="submit" class="button primary" disabled={form.busy}>
        {form.busy ? "Starting…" : "Start the group"}
      </button>
    </form>
  );
}
