import { useState } from "preact/hooks";
import { joinGroup, listGroups, type GroupDetail, type GroupRole } from "../api/groups.js";
import { useCursorList } from "../components/cursor-list.js";
import { GroupStartForm } from "../components/group-start-form.js";
import { LoadMore } from "../components/load-more.js";
import { Failure, Loading } from "../components/load-state.js";
import { SignedInOnly, failureText } from "../components/signed-in-only.js";
import { usePageTitle } from "../page-title.js";
import "../groups.css";
import "../swap-pages.css";

const membersSentence = (count: number) => (count === 1 ? "1 member" : `${count} members`);

const myRoleSentence: Record<GroupRole, string> = {
  owner: "You own this group",
  moderator: "You moderate this group",
  member: "You are a member",
};

function GroupCard({
  group,
  onJoined,
  announce,
}: {
  group: GroupDetail;
  onJoined: (group: GroupDetail) => void;
  announce: (sentence: string, failed?: boolean) => void;
}) {
  const [busy, setBusy] = useState(false);
  const titleId = `group-title-${group.id}`;
  const join = () => {
    setBusy(true);
    joinGroup(group.id)
      .then((joined) => {
        onJoined(joined);
        announce(`You are a member of ${group.name}.`);
      })
      .catch((error: unknown) => announce(failureText(error, `You could not join ${group.name}.`), true))
      .finally(() => setBusy(false));
  };
  return (
    <li class="group-card">
      <h2 id={titleId}>
        <a href={`/groups/${group.slug}`}>{group.name}</a>
      </h2>
      <p class="muted">
        {group.communityName === null ? "Open to everyone" : `For ${group.communityName}`} ·{" "}
        {membersSentence(group.members)}
      </p>
      {group.description !== "" && <p>{group.description}</p>}
      <div class="actions">
        {group.myRole === null ? (
          <button type="button" class="button" onClick={join} disabled={busy} aria-label={`Join ${group.name}`}>
            Join
          </button>
        ) : (
          <>
            <span class="badge">{myRoleSentence[group.myRole]}</span>
            {/* Not named after the group (the heading already links by that name): the heading describes which one. */}
            <a class="button" href={`/groups/${group.slug}`} aria-describedby={titleId}>
              Open the group
            </a>
          </>
        )}
      </div>
    </li>
  );
}

function Groups() {
  usePageTitle("Groups");
  const list = useCursorList("groups", listGroups, "The groups");
  const [said, setSaid] = useState<{ text: string; failed: boolean } | null>(null);
  const announce = (text: string, failed = false) => setSaid({ text, failed });
  const { listing } = list;
  return (
    <>
      <h1>Groups</h1>
      <p class="lead">
        Interest groups with their own forum: the ones open to everyone and those of your communities, each with your
        role in it. Start one below.
      </p>
      <p role="status" class="confirmation">
        {said !== null && !said.failed ? said.text : ""}
      </p>
      {said?.failed === true && <Failure>{said.text}</Failure>}
      {listing.state === "loading" && <Loading>Loading the groups…</Loading>}
      {listing.state === "failed" && <Failure>{listing.message}</Failure>}
      {listing.state === "shown" && listing.items.length === 0 && (
        <p class="empty">No group yet: start the first one below.</p>
      )}
      {listing.state === "shown" && listing.items.length > 0 && (
        <ul class="group-list">
          {listing.items.map((group) => (
            <GroupCard
              key={group.id}
              group={group}
              announce={announce}
              onJoined={(joined) => list.update((items) => items.map((g) => (g.id === joined.id ? joined : g)))}
            />
          ))}
        </ul>
      )}
      <LoadMore list={list} label="Load more groups" />
      <GroupStartForm />
    </>
  );
}

/** /groups: the groups I may see, a page at a time, each with my role or a button to join; and starting one. */
export function GroupsList() {
  return (
    <SignedInOnly title="Groups" what="see, join and start groups">
      {() => <Groups />}
    </SignedInOnly>
  );
}
