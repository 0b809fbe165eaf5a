import { useState } from "preact/hooks";
import { joinGroup, listGroups, type Group } from "../api/groups.js";
import { useCursorList } from "../components/cursor-list.js";
import { LoadMore } from "../components/load-more.js";
import { Failure, Loading } from "../components/load-state.js";
import { SignedInOnly, failureText } from "../components/signed-in-only.js";
import { usePageTitle } from "../page-title.js";
import "../groups.css";
import "../swap-pages.css";

const membersSentence = (count: number) => (count === 1 ? "1 member" : `${count} members`);

function GroupCard({ group, announce }: { group: Group; announce: (sentence: string, failed?: boolean) => void }) {
  const [busy, setBusy] = useState(false);
  const join = () => {
    setBusy(true);
    joinGroup(group.id)
      .then(() => announce(`You are a member of ${group.name}.`))
      .catch((error: unknown) => announce(failureText(error, `You could not join ${group.name}.`), true))
      .finally(() => setBusy(false));
  };
  return (
    <li class="group-card">
      <h2>
        <a href={`/groups/${group.slug}`}>{group.name}</a>
      </h2>
      <p class="muted">
        {group.communityName === null ? "Open to everyone" : `For ${group.communityName}`} ·{" "}
        {membersSentence(group.members)}
      </p>
      {group.description !== "" && <p>{group.description}</p>}
      <div class="actions">
        <button type="button" class="button" onClick={join} disabled={busy} aria-label={`Join ${group.name}`}>
          Join
        </button>
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
        Interest groups with their own forum: the ones open to everyone and those of your communities. Joining one you
        already belong to changes nothing.
      </p>
      <p role="status" class="confirmation">
        {said !== null && !said.failed ? said.text : ""}
      </p>
      {said?.failed === true && <Failure>{said.text}</Failure>}
      {listing.state === "loading" && <Loading>Loading the groups…</Loading>}
      {listing.state === "failed" && <Failure>{listing.message}</Failure>}
      {listing.state === "shown" && listing.items.length === 0 && (
        <p class="empty">No group yet. Groups appear here when a community or a member starts one.</p>
      )}
      {listing.state === "shown" && listing.items.length > 0 && (
        <ul class="group-list">
          {listing.items.map((group) => (
            <GroupCard key={group.id} group={group} announce={announce} />
          ))}
        </ul>
      )}
      <LoadMore list={list} label="Load more groups" />
    </>
  );
}

/** /groups: the groups I may see, a page at a time, each with a link to its page and a button to join. */
export function GroupsList() {
  return (
    <SignedInOnly title="Groups" what="see and join groups">
      {() => <Groups />}
    </SignedInOnly>
  );
}
