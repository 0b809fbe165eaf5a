import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { getGroup, joinGroup, leaveGroup, type GroupDetail } from "../api/groups.js";
import { GroupMembers } from "../components/group-members.js";
import { GroupThreads } from "../components/group-threads.js";
import { Failure, Loading } from "../components/load-state.js";
import { SignedInOnly, failureText } from "../components/signed-in-only.js";
import { ThreadStartForm } from "../components/thread-start-form.js";
import { usePageTitle } from "../page-title.js";
import "../groups.css";
import "../swap-pages.css";

type Loaded =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly message: string }
  | { readonly state: "shown"; readonly group: GroupDetail };

const roleSentence = {
  owner: "You own this group.",
  moderator: "You moderate this group.",
  member: "You are a member.",
};

function Membership({ group, onChanged }: { group: GroupDetail; onChanged: (sentence: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const move = (action: () => Promise<unknown>, sentence: string) => {
    setBusy(true);
    setFailure(null);
    action()
      .then(() => onChanged(sentence))
      .catch((error: unknown) => setFailure(failureText(error, "That did not work.")))
      .finally(() => setBusy(false));
  };
  return (
    <div class="actions">
      <p>{group.myRole === null ? "You are not a member: you can read the forum." : roleSentence[group.myRole]}</p>
      {group.myRole === null ? (
        <button
          type="button"
          class="button primary"
          disabled={busy}
          onClick={() => move(() => joinGroup(group.id), `You joined ${group.name}.`)}
        >
          Join the group
        </button>
      ) : (
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() => move(() => leaveGroup(group.id), `You left ${group.name}.`)}
        >
          Leave the group
        </button>
      )}
      {failure !== null && <Failure>{failure}</Failure>}
    </div>
  );
}

function GroupPage({ id }: { id: string }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [said, setSaid] = useState("");
  const [failed, setFailed] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  usePageTitle(loaded.state === "shown" ? loaded.group.name : "Group");
  useEffect(() => {
    let current = true;
    getGroup(id).then(
      (group) => current && setLoaded({ state: "shown", group }),
      (error: unknown) =>
        current && setLoaded({ state: "failed", message: failureText(error, "This group could not be loaded.") }),
    );
    return () => {
      current = false;
    };
  }, [id, round]);
  const announce = (sentence: string, failure = false) => {
    setSaid(failure ? "" : sentence);
    setFailed(failure ? sentence : null);
  };
  if (loaded.state === "loading")
    return (
      <>
        <h1>Group</h1>
        <Loading>Loading the group…</Loading>
      </>
    );
  if (loaded.state === "failed")
    return (
      <>
        <h1>Group not available</h1>
        <Failure>{loaded.message}</Failure>
        <p>
          <a href="/groups">All groups</a>
        </p>
      </>
    );
  const { group } = loaded;
  const membershipChanged = (sentence: string) => {
    announce(sentence);
    setRound((n) => n + 1);
  };
  return (
    <>
      <p>
        <a href="/groups">All groups</a>
      </p>
      <h1>{group.name}</h1>
      <p class="muted">
        {group.communityName === null ? "Open to everyone" : `For ${group.communityName}`} · {group.members}{" "}
        {group.members === 1 ? "member" : "members"}
      </p>
      {group.description !== "" && <p>{group.description}</p>}
      <p role="status" class="confirmation">
        {said}
      </p>
      {failed !== null && <Failure>{failed}</Failure>}
      <Membership group={group} onChanged={membershipChanged} />
      <section aria-labelledby="forum-title">
        <h2 id="forum-title">Forum</h2>
        <GroupThreads group={group.slug} />
        {group.myRole !== null && <ThreadStartForm group={group.slug} />}
      </section>
      <GroupMembers
        key={round}
        groupId={group.id}
        owned={group.myRole === "owner"}
        announce={announce}
        onTransferred={(member) => membershipChanged(`${member.displayName} now owns ${group.name}. You moderate it.`)}
      />
    </>
  );
}

/** /groups/:id: a group (by id or slug), its forum's threads, its members and their roles. */
export function GroupsDetail() {
  const { params } = useRoute();
  const id = params["id"] ?? "";
  return (
    <SignedInOnly title="Group" what="see this group">
      {() => <GroupPage key={id} id={id} />}
    </SignedInOnly>
  );
}
