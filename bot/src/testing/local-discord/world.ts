import type { CommandRegistry } from "./command-registry.js";
import type { LocalGuild } from "./guild-state.js";
import type { InteractionLedger } from "./interaction-ledger.js";
import type { MessageStore } from "./message-store.js";
import type { LocalUser } from "./payloads.js";
import type { RestFaults } from "./rest-faults.js";

/** Everything the REST routes and the people in the guild act on, shared by both. */
export interface World {
  readonly applicationId: string;
  readonly bot: LocalUser;
  readonly guild: LocalGuild;
  readonly messages: MessageStore;
  readonly ledger: InteractionLedger;
  readonly commands: CommandRegistry;
  readonly faults: RestFaults;
  /** Sends a gateway dispatch to whichever bot sessions exist (none is fine: nobody was listening). */
  emit(t: string, d: unknown): void;
}
