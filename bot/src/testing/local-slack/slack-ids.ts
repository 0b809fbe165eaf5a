import { randomBytes } from "node:crypto";

const alphabet = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
let counter = 0;

/**
 * A fresh id shaped like Slack's: a letter saying what it names (T team, U user, B bot, A app, C channel,
 * D direct message, G group DM, V view) and upper-case base-32 digits. Ids minted in one process never repeat,
 * even across LocalSlack instances, so a test cannot pass one workspace's id to another by accident.
 */
export function slackId(kind: "T" | "U" | "B" | "A" | "C" | "D" | "G" | "V"): string {
  counter += 1;
  let n = counter;
  let digits = "";
  while (n > 0) {
    digits = (alphabet[n % alphabet.length] ?? "0") + digits;
    n = Math.floor(n / alphabet.length);
  }
  return `${kind}0${digits.padStart(8, "0")}`;
}

/** An opaque secret (a token's or a trigger's tail): random, so tests cannot guess one they were not given. */
export function secret(bytes = 12): string {
  return randomBytes(bytes).toString("hex");
}

/**
 * Message timestamps: Slack's message ids are "<unix seconds>.<6 digits>", unique per channel and increasing.
 * One sequence per LocalSlack keeps them increasing across channels too, which is all a client may assume.
 */
export class MessageClock {
  private last = 0;

  constructor(private readonly now: () => number) {}

  nextTs(): string {
    const micros = Math.max(this.now() * 1000, this.last + 1);
    this.last = micros;
    const seconds = Math.floor(micros / 1_000_000);
    return `${seconds}.${String(micros % 1_000_000).padStart(6, "0")}`;
  }
}
