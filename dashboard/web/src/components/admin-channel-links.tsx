import { useEffect, useState } from "preact/hooks";
import { linkChannel, listChannelLinks, unlinkChannel, type ChannelLink, type Community } from "../api/communities.js";
import { listGroups, type Group } from "../api/groups.js";
import { textOf, useApiForm } from "./api-form.js";
import { Choices, FormField, FormMessage } from "./form-field.js";
import { Failure, Loading } from "./load-state.js";
import { failureText } from "./signed-in-only.js";

const kindNames = { chat: "chat", forum: "forum" } as const;

function LinkForm({
  community,
  groups,
  onLinked,
}: {
  community: Community;
  groups: readonly Group[];
  onLinked: (link: ChannelLink) => void;
}) {
  const form = useApiForm(["channelId", "group", "kind"], async (data) => {
    const kind = textOf(data, "kind") === "forum" ? "forum" : "chat";
    onLinked(await linkChannel(community.id, textOf(data, "channelId").trim(), textOf(data, "group"), kind));
    form.formRef.current?.reset();
  });
  return (
    <form class="forms" ref={form.formRef} onSubmit={form.onSubmit} aria-labelledby="link-title">
      <h3 id="link-title">Link a channel</h3>
      <FormMessage form={form} />
      <FormField
        id="link-channel"
        label="Channel id"
        hint={
          community.platform === "discord"
            ? "In Discord, right-click the channel and copy its id (developer mode)."
            : "In Slack, the channel's details end with its id (C…)."
        }
        error={form.fieldError("channelId")}
      >
        {(input) => <input {...input} name="channelId" type="text" required maxLength={64} autoComplete="off" />}
      </FormField>
      <FormField id="link-group" label="Group" error={form.fieldError("group")}>
        {(input) => (
          <select {...input} name="group" required>
            {groups.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <Choices
        id="link-kind"
        name="kind"
        legend="The channel is the group's"
        choices={[
          ["chat", "Chat"],
          ["forum", "Forum"],
        ]}
        value="chat"
        error={form.fieldError("kind")}
      />
      <button type="submit" class="button primary" disabled={form.busy || groups.length === 0}>
        Link the channel
      </button>
    </form>
  );
}

/** The community's channels linked to groups: listed, unlinked, and a form to link one more. */
export function AdminChannelLinks({
  community,
  announce,
}: {
  community: Community;
  announce: (sentence: string, failed?: boolean) => void;
}) {
  const [links, setLinks] = useState<readonly ChannelLink[] | null>(null);
  const [groups, setGroups] = useState<readonly Group[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    Promise.all([listChannelLinks(community.id), listGroups(null, 100)]).then(
      ([found, page]) => {
        if (!current) return;
        setLinks(found);
        // The groups a channel may be linked to: this community's, and those open to all.
        setGroups(page.items.filter((g) => g.communityId === null || g.communityId === community.id));
      },
      (error: unknown) => current && setFailure(failureText(error, "The linked channels could not be loaded.")),
    );
    return () => {
      current = false;
    };
  }, [community.id]);
  const linked = (link: ChannelLink) => {
    setLinks((now) => [...(now ?? []).filter((l) => l.channelId !== link.channelId), link]);
    announce(`Channel ${link.channelId} is now the ${kindNames[link.kind]} of ${link.group.name}.`);
  };
  const unlink = (link: ChannelLink) => {
    setBusy(link.channelId);
    unlinkChannel(community.id, link.channelId)
      .then(() => {
        setLinks((now) => (now ?? []).filter((l) => l.channelId !== link.channelId));
        announce(`Channel ${link.channelId} is no longer linked to ${link.group.name}.`);
      })
      .catch((error: unknown) => announce(failureText(error, "The channel could not be unlinked."), true))
      .finally(() => setBusy(null));
  };
  return (
    <section aria-labelledby="links-title">
      <h2 id="links-title">Channels linked to groups</h2>
      {failure !== null && <Failure>{failure}</Failure>}
      {links === null && failure === null && <Loading>Loading the linked channels…</Loading>}
      {links !== null && links.length === 0 && <p class="empty">No channel is linked to a group yet.</p>}
      {links !== null && links.length > 0 && (
        <ul class="admin-list">
          {links.map((link) => (
            <li key={link.channelId} class="admin-item">
              <p>
                Channel <code>{link.channelId}</code> is the {kindNames[link.kind]} of{" "}
                <a href={`/groups/${link.group.slug}`}>{link.group.name}</a>
              </p>
              <button
                type="button"
                class="button"
                disabled={busy === link.channelId}
                onClick={() => unlink(link)}
                aria-label={`Unlink channel ${link.channelId}`}
              >
                Unlink
              </button>
            </li>
          ))}
        </ul>
      )}
      {links !== null && <LinkForm community={community} groups={groups} onLinked={linked} />}
    </section>
  );
}
