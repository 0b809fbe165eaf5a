import {
  blockActions,
  interaction,
  signedSlackRequest,
  slashCommand,
  type SlackDelivery,
} from "@skillswap/bot/testing";
import type { ResponseUrlRecorder } from "./slack-response-urls.js";

/** What a member does, by kind; "find next" is the Next button of the member's own find, when it had one. */
export type SlackKind = "help" | "profile view" | "skills list" | "find" | "find next" | "match";

export const slackKinds: readonly SlackKind[] = ["help", "profile view", "skills list", "find", "find next", "match"];

/** A member of the benchmark's workspace, as Slack names them. */
export interface SlackMember {
  readonly id: string;
  readonly name: string;
  readonly real_name: string;
}

/** Where Slack's requests go and where the app's answers come back. */
export interface SlackTarget {
  readonly eventsUrl: string;
  readonly signingSecret: string;
  readonly teamId: string;
  readonly replies: ResponseUrlRecorder;
}

export interface SlackSample {
  readonly kind: SlackKind;
  /** Request sent → HTTP response received: what Slack holds against its 3 s deadline. */
  readonly ackMs: number;
  /** Request sent → the reply is where the person reads it: the ack's body, or the response_url message. */
  readonly answeredMs: number;
  readonly answeredInAck: boolean;
}

interface Exchange {
  readonly sample: SlackSample;
  readonly reply: unknown;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === "object" && value !== null;
const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

/** The Next button of a find page, read from its Block Kit as Slack would render it. */
function nextButtonOf(reply: unknown): { readonly actionId: string; readonly value: string } | undefined {
  const blocks = isRecord(reply) ? listOf(reply.blocks) : [];
  const buttons = blocks.flatMap((block) =>
    isRecord(block) && block.type === "actions" ? listOf(block.elements) : [],
  );
  for (const button of buttons) {
    if (!isRecord(button) || !isRecord(button.text) || button.text.text !== "Next") continue;
    const { action_id: actionId, value } = button;
    if (typeof actionId === "string" && typeof value === "string") return { actionId, value };
  }
  return undefined;
}

/**
 * Posts one signed delivery to /slack/events as Slack does and times it. The signature is made before the clock
 * starts: it is Slack's work, not the app's.
 */
async function send(
  target: SlackTarget,
  kind: SlackKind,
  delivery: SlackDelivery,
  responseUrl: string,
): Promise<Exchange> {
  const request = signedSlackRequest(target.signingSecret, delivery);
  const started = performance.now();
  const response = await fetch(target.eventsUrl, { method: "POST", ...request });
  const body = await response.text();
  const ackMs = performance.now() - started;
  if (response.status !== 200) throw new Error(`${kind}: /slack/events answered ${response.status}: ${body}`);
  if (body !== "") {
    const reply: unknown = JSON.parse(body);
    return { sample: { kind, ackMs, answeredMs: ackMs, answeredInAck: true }, reply };
  }
  const posted = await target.replies.firstTo(responseUrl);
  return { sample: { kind, ackMs, answeredMs: posted.at - started, answeredInAck: false }, reply: posted.message };
}

function command(target: SlackTarget, member: SlackMember, kind: SlackKind, text: string): Promise<Exchange> {
  const responseUrl = target.replies.url();
  const delivery = slashCommand({ text, userId: member.id, userName: member.name, teamId: target.teamId, responseUrl });
  return send(target, kind, delivery, responseUrl);
}

/**
 * A member's turn: each kind once, in the order a person would go (the Next click needs the find's page). Kinds
 * run one after another for a member; members run side by side.
 */
export async function memberTurn(
  target: SlackTarget,
  member: SlackMember,
  other: SlackMember,
  skill: string,
): Promise<SlackSample[]> {
  const samples: SlackSample[] = [];
  samples.push((await command(target, member, "help", "help")).sample);
  samples.push((await command(target, member, "profile view", `profile view <@${other.id}|${other.name}>`)).sample);
  samples.push((await command(target, member, "skills list", "skills list")).sample);
  // A skill of several words is quoted, as a person would, or its second word is read as the `near` option.
  const found = await command(target, member, "find", `find ${skill.includes(" ") ? `"${skill}"` : skill}`);
  samples.push(found.sample);
  const next = nextButtonOf(found.reply);
  if (next !== undefined) {
    const responseUrl = target.replies.url();
    const actor = { userId: member.id, userName: member.name, teamId: target.teamId };
    const click = { ...blockActions(actor, next), response_url: responseUrl };
    samples.push((await send(target, "find next", interaction(click), responseUrl)).sample);
  }
  samples.push((await command(target, member, "match", "match")).sample);
  return samples;
}
