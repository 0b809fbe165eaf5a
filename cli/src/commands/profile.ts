import { formatSlot, type OwnProfileView, type ProfileView } from "@skillswap/core";
import { emit, type OutputOptions } from "../output.js";
import { withCore } from "../with-core.js";

const levelNames = ["", "beginner", "novice", "intermediate", "advanced", "expert"];

function render(profile: ProfileView | OwnProfileView, slots: string[]): string {
  const lines = [
    `${profile.displayName} (@${profile.handle})${profile.pronouns ? ` · ${profile.pronouns}` : ""}`,
    profile.location ? `${profile.location.name}, ${profile.location.country} · ${profile.timeZone}` : profile.timeZone,
    `Visibility: ${profile.visibility} · meets ${profile.meetingMode.replace("_", " ")}`,
  ];
  if (profile.bio) lines.push("", profile.bio);
  for (const direction of ["teach", "learn"] as const) {
    const skills = profile.skills.filter((s) => s.direction === direction);
    if (skills.length === 0) continue;
    lines.push("", direction === "teach" ? "Teaches:" : "Wants to learn:");
    for (const s of skills)
      lines.push(
        `  - ${s.name} (${levelNames[s.level] ?? s.level})${s.pending ? " [pending approval]" : ""}${s.notes ? ` — ${s.notes}` : ""}`,
      );
  }
  if (slots.length > 0) lines.push("", `Available: ${slots.join(", ")}`);
  const r = profile.rating;
  lines.push(
    "",
    r.count === 0 ? "No reviews yet." : `Rating ${r.average} from ${r.count} review(s) (weighted ${r.bayesian}).`,
  );
  return lines.join("\n");
}

/** Shows a profile. Operators see it as its owner does; `--as <handle>` shows what that person would see. */
export async function profileCommand(handle: string, options: OutputOptions & { as?: string }): Promise<void> {
  await withCore(async (core) => {
    const { accounts, profiles } = core.services;
    // As its owner sees it by default: an unknown owner is then simply "not found" by the profile itself.
    const viewer =
      options.as === undefined ? await accounts.actorForHandle(handle) : await accounts.actorByHandle(options.as);
    const profile = await profiles.get(viewer, handle);
    emit(options, profile, () => render(profile, profile.availability.map(formatSlot)));
  });
}
