import { useState } from "preact/hooks";
import { listGroupMembers, setGroupMemberRole, type GroupMember, type GroupRole } from "../api/groups.js";
import { useCursorList } from "./cursor-list.js";
import { LoadMore } from "./load-more.js";
import { Failure, Loading } from "./load-state.js";
import { OwnershipTransfer } from "./ownership-transfer.js";
import { failureText } from "./signed-in-only.js";

const roleNames: Record<GroupRole, string> = { owner: "Owner", moderator: "Moderator", member: "Member" };

/** The owner's move on one member: make them a moderator, or a member again (what the API lets the owner do). */
function RoleChange({
  groupId,
  member,
  onChanged,
  announce,
}: {
  groupId: string;
  member: GroupMember;
  onChanged: (role: GroupRole) => void;
  announce: (sentence: string, failed?: boolean) => void;
}) {
  const [busy, setBusy] = useState(false);
  const next = member.role === "moderator" ? "member" : "moderator";
  const change = () => {
    setBusy(true);
    setGroupMemberRole(groupId, member.handle, next)
      .then(() => {
        onChanged(next);
        announce(`${member.displayName} is now a ${next}.`);
      })
      .catch((error: unknown) => announce(failureText(error, "The role could not be changed."), true))
      .finally(() => setBusy(false));
  };
  return (
    <button type="button" class="button" onClick={change} disabled={busy}>
      {next === "moderator" ? `Make ${member.displayName} a moderator` : `Make ${member.displayName} a member`}
    </button>
  );
}

/** A group's members with their roles, a page at a time; its owner may change who moderates, or hand it over. */
export function GroupMembers({
  groupId,
  owned,
  onTransferred,
  announce,
}: {
  groupId: string;
  /** The viewer owns the group: the owner's moves are offered. */
  owned: boolean;
  onTransferred: (member: GroupMember) => void;
  announce: (sentence: string, failed?: boolean) => void;
}) {
  const list = useCursorList(`members:${groupId}`, (cursor) => listGroupMembers(groupId, cursor), "The members");
  const { listing } = list;
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      {listing.state === "loading" && <Loading>Loading the members…</Loading>}
      {listing.state === "failed" && <Failure>{listing.message}</Failure>}
      {listing.state === "shown" && listing.items.length === 0 && <p class="empty">Nobody is in this group yet.</p>}
      {listing.state === "shown" && listing.items.length > 0 && (
        <ul class="member-list">
          {listing.items.map((member) => (
            <li key={member.handle}>
              <a href={`/people/${member.handle}`}>{member.displayName}</a>
              <span class="badge">{roleNames[member.role]}</span>
              {owned && member.role !== "owner" && (
                <>
                  <RoleChange
                    groupId={groupId}
                    member={member}
                    announce={announce}
                    onChanged={(role) =>
                      list.update((items) => items.map((m) => (m.handle === member.handle ? { ...m, role } : m)))
                    }
                  />
                  <OwnershipTransfer
                    groupId={groupId}
                    member={member}
                    announce={announce}
                    onTransferred={onTransferred}
                  />
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={list} label="Load more members" />
    </section>
  );
}
