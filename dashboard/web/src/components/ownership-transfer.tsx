import { useEffect, useRef, useState } from "preact/hooks";
import { transferGroup, type GroupMember } from "../api/groups.js";
import { failureText } from "./signed-in-only.js";

/**
 * The owner hands the group to one member, after saying yes once more: the owner becomes a moderator and cannot
 * take the group back by themselves.
 */
export function OwnershipTransfer({
  groupId,
  member,
  onTransferred,
  announce,
}: {
  groupId: string;
  member: GroupMember;
  onTransferred: (member: GroupMember) => void;
  announce: (sentence: string, failed?: boolean) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const question = useRef<HTMLParagraphElement>(null);
  // The button that asked is gone: the question takes the focus, so a keyboard or screen reader user is there.
  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);
  const transfer = () => {
    setBusy(true);
    transferGroup(groupId, member.handle)
      .then(() => onTransferred(member))
      .catch((error: unknown) => {
        announce(failureText(error, "The group could not be handed over."), true);
        setBusy(false);
      });
  };
  if (!confirming)
    return (
      <button type="button" class="button" onClick={() => setConfirming(true)}>
        Hand the group to {member.displayName}…
      </button>
    );
  return (
    <div class="confirm-step">
      <p ref={question} tabIndex={-1}>
        {member.displayName} will own the group and you will moderate it. Only they can hand it back.
      </p>
      <div class="actions">
        <button type="button" class="button danger" disabled={busy} onClick={transfer}>
          Yes, make {member.displayName} the owner
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => setConfirming(false)}>
          Keep the group
        </button>
      </div>
    </div>
  );
}
