import type { APIInteraction, APIMessage, APIUser } from "discord.js";
import { InteractionRecord } from "./interaction-record.js";

/** Every interaction the harness issued, found by id (callbacks) or by token (webhook edits, follow-ups). */
export class InteractionLedger {
  private readonly byId = new Map<string, InteractionRecord>();
  private readonly byToken = new Map<string, InteractionRecord>();

  constructor(
    private readonly bot: APIUser,
    /** Called when a response changes the message a component sits on, which Discord edits in place. */
    private readonly onComponentMessageEdited: (message: APIMessage) => void,
  ) {}

  /** The record for this payload; the same id always maps to the same record, so replays share state. */
  register(payload: APIInteraction): InteractionRecord {
    const existing = this.byId.get(payload.id);
    if (existing !== undefined) return existing;
    const record = new InteractionRecord(payload, this.bot, this.onComponentMessageEdited);
    this.byId.set(payload.id, record);
    this.byToken.set(payload.token, record);
    return record;
  }

  withId(id: string): InteractionRecord | undefined {
    return this.byId.get(id);
  }

  withToken(token: string): InteractionRecord | undefined {
    return this.byToken.get(token);
  }
}
