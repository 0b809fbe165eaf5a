export type Platform = "discord" | "slack";

export interface ChannelLinkView {
  readonly channelId: string;
  readonly platform: Platform;
  readonly kind: "chat" | "forum";
  readonly group: { readonly id: string; readonly slug: string; readonly name: string };
}

/** A community the viewer is in, with their role there. */
export interface MyCommunityView {
  readonly id: string;
  readonly platform: Platform;
  readonly name: string;
  /** Where private swap threads open; null until an admin sets it. */
  readonly swapsChannelId: string | null;
  readonly role: "member" | "admin";
}

/** One admin action in a community's audit log. */
export interface AuditEntryView {
  readonly id: string;
  /** The admin's handle; null once their account is gone. */
  readonly actor: string | null;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  /** What the action recorded (a linked group, a resolution), as text values only. */
  readonly data: Readonly<Record<string, string>>;
  readonly createdAt: Date;
}

/** An audit row's JSON, keeping its text values only: what is shown is what was written, nothing else. */
export function auditDataOf(json: string): Record<string, string> {
  const parsed = JSON.parse(json) as unknown;
  if (typeof parsed !== "object" || parsed === null) return {};
  return Object.fromEntries(
    Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}
