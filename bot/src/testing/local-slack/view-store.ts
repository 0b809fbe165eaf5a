import { isRecord } from "./method-args.js";
import { secret, slackId } from "./slack-ids.js";
import { SlackApiError } from "./web-api-errors.js";

/** Slack's documented window for answering an interaction with a modal. */
export const triggerLifetimeMs = 3000;
/** Slack's documented depth of a modal stack: views.push past it is refused. */
const maxStackDepth = 3;

/** A view as views.open/push/update/publish return it. */
export interface SlackView {
  readonly id: string;
  readonly team_id: string;
  readonly app_id: string;
  readonly bot_id: string;
  readonly type: "modal" | "home";
  readonly callback_id: string;
  readonly external_id: string;
  readonly private_metadata: string;
  readonly hash: string;
  readonly root_view_id: string;
  readonly previous_view_id: string | null;
  readonly state: { readonly values: Record<string, unknown> };
  readonly title?: unknown;
  readonly submit?: unknown;
  readonly close?: unknown;
  readonly blocks: readonly unknown[];
}

/** Who a view is shown to, and for which app: the parts of a view Slack fills in. */
export interface ViewOwner {
  readonly teamId: string;
  readonly appId: string;
  readonly botId: string;
}

interface IssuedTrigger {
  readonly teamId: string;
  readonly userId: string;
  readonly issuedAt: number;
  used: boolean;
}

/** Trigger ids, each person's stack of open modals, and each person's App Home. */
export class ViewStore {
  private readonly triggers = new Map<string, IssuedTrigger>();
  private readonly stacks = new Map<string, SlackView[]>();
  private readonly homes = new Map<string, SlackView>();

  constructor(private readonly now: () => number) {}

  /** A trigger id as an interaction payload carries one: usable once, within 3 s, by the person who acted. */
  issueTrigger(teamId: string, userId: string): string {
    const id = `${this.now()}.${Math.floor(this.now() / 1000)}.${secret(16)}`;
    this.triggers.set(id, { teamId, userId, issuedAt: this.now(), used: false });
    return id;
  }

  /** Uses a trigger id up, or refuses it as Slack does: unknown, already used, or too old. */
  exchange(triggerId: string, teamId: string): IssuedTrigger {
    const trigger = this.triggers.get(triggerId);
    if (trigger === undefined || trigger.teamId !== teamId) throw new SlackApiError("invalid_trigger_id");
    if (trigger.used) throw new SlackApiError("exchanged_trigger_id");
    if (this.now() - trigger.issuedAt > triggerLifetimeMs) throw new SlackApiError("expired_trigger_id");
    trigger.used = true;
    return trigger;
  }

  open(userId: string, owner: ViewOwner, input: unknown): SlackView {
    const view = this.mint(owner, modalInput(input), null, null);
    this.assertExternalIdFree(view.external_id);
    this.stacks.set(userId, [view]);
    return view;
  }

  push(userId: string, owner: ViewOwner, input: unknown): SlackView {
    const stack = this.stacks.get(userId) ?? [];
    if (stack.length >= maxStackDepth) throw new SlackApiError("push_limit_reached");
    const below = stack.at(-1);
    const view = this.mint(owner, modalInput(input), below?.root_view_id ?? null, below?.id ?? null);
    this.assertExternalIdFree(view.external_id);
    this.stacks.set(userId, [...stack, view]);
    return view;
  }

  /** Replaces an open view (found by view_id or external_id); a stale `hash` is refused with hash_conflict. */
  update(
    target: { readonly viewId?: string; readonly externalId?: string; readonly hash?: string },
    input: unknown,
  ): SlackView {
    const found = this.find(
      (view) =>
        view.id === target.viewId || (target.externalId !== undefined && view.external_id === target.externalId),
    );
    if (found === undefined) throw new SlackApiError("not_found");
    if (target.hash !== undefined && target.hash !== found.view.hash) throw new SlackApiError("hash_conflict");
    const fields = found.view.type === "home" ? homeInput(input) : modalInput(input);
    const updated: SlackView = { ...found.view, ...fields, hash: mintHash(), state: { values: {} } };
    found.replace(updated);
    return updated;
  }

  publish(userId: string, owner: ViewOwner, input: unknown, hash: string | undefined): SlackView {
    const current = this.homes.get(userId);
    if (hash !== undefined && current !== undefined && hash !== current.hash) throw new SlackApiError("hash_conflict");
    const view =
      current === undefined
        ? this.mint(owner, homeInput(input), null, null)
        : { ...current, ...homeInput(input), hash: mintHash() };
    this.homes.set(userId, view);
    return view;
  }

  /** The modals open for a person, the root first. */
  modals(userId: string): SlackView[] {
    return [...(this.stacks.get(userId) ?? [])];
  }

  /** The person closes the top modal (submitting or cancelling a pushed view) or the whole stack. */
  close(userId: string, which: "top" | "all"): void {
    const stack = this.stacks.get(userId) ?? [];
    this.stacks.set(userId, which === "all" ? [] : stack.slice(0, -1));
  }

  home(userId: string): SlackView | undefined {
    return this.homes.get(userId);
  }

  private mint(owner: ViewOwner, fields: ViewFields, rootId: string | null, previousId: string | null): SlackView {
    const id = slackId("V");
    return {
      id,
      team_id: owner.teamId,
      app_id: owner.appId,
      bot_id: owner.botId,
      hash: mintHash(),
      root_view_id: rootId ?? id,
      previous_view_id: previousId,
      state: { values: {} },
      ...fields,
    };
  }

  private find(
    matches: (view: SlackView) => boolean,
  ): { view: SlackView; replace: (view: SlackView) => void } | undefined {
    for (const stack of this.stacks.values()) {
      const index = stack.findIndex(matches);
      const view = stack[index];
      if (view !== undefined) return { view, replace: (updated) => (stack[index] = updated) };
    }
    for (const [userId, view] of this.homes) {
      if (matches(view)) return { view, replace: (updated) => this.homes.set(userId, updated) };
    }
    return undefined;
  }

  private assertExternalIdFree(externalId: string): void {
    if (externalId !== "" && this.find((view) => view.external_id === externalId) !== undefined)
      throw new SlackApiError("duplicate_external_id");
  }
}

type ViewFields = Pick<
  SlackView,
  "type" | "callback_id" | "external_id" | "private_metadata" | "title" | "submit" | "close" | "blocks"
>;

/** The parts of a view the app chooses; Slack refuses a view that is not one with invalid_arguments. */
function viewInput(input: unknown, type: "modal" | "home"): ViewFields {
  if (!isRecord(input) || input.type !== type || !Array.isArray(input.blocks))
    throw new SlackApiError("invalid_arguments", {
      response_metadata: { messages: [`[ERROR] a ${type} view with blocks is required [json-pointer:/view]`] },
    });
  const text = (name: string): string => (typeof input[name] === "string" ? input[name] : "");
  return {
    type,
    blocks: input.blocks as unknown[],
    callback_id: text("callback_id"),
    external_id: text("external_id"),
    private_metadata: text("private_metadata"),
    ...(input.title === undefined ? {} : { title: input.title }),
    ...(input.submit === undefined ? {} : { submit: input.submit }),
    ...(input.close === undefined ? {} : { close: input.close }),
  };
}

function modalInput(input: unknown): ViewFields {
  const fields = viewInput(input, "modal");
  if (fields.title === undefined)
    throw new SlackApiError("invalid_arguments", {
      response_metadata: { messages: ["[ERROR] missing required field: title [json-pointer:/view]"] },
    });
  return fields;
}

function homeInput(input: unknown): ViewFields {
  return viewInput(input, "home");
}

function mintHash(): string {
  return `${Math.floor(Date.now() / 1000)}.${secret(4)}`;
}
