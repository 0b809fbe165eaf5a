// Discord's epoch: a snowflake carries its creation time, in ms since 2015-01-01, above bit 22.
const discordEpoch = 1_420_070_400_000n;
let lastTime = 0n;
let counter = 0n;

/**
 * A fresh id shaped like Discord's. Ids minted in one process strictly increase, so sorting by id sorts by
 * creation, as bots (and discord.js's caches) assume.
 */
export function snowflake(): string {
  const now = BigInt(Date.now()) - discordEpoch;
  if (now > lastTime) {
    lastTime = now;
    counter = 0n;
  } else {
    counter += 1n;
    // 12 bits of counter per millisecond: borrow the next millisecond rather than repeat an id.
    if (counter === 4096n) {
      lastTime += 1n;
      counter = 0n;
    }
  }
  return ((lastTime << 22n) | counter).toString();
}

// Guilds a bot meets were mostly created long before it. Each gets a millisecond of its own, counted from 2020, so
// guilds made one after another fall on shards one after another ((id >> 22) % count), spread as a real bot's are.
let nextOlderTime = BigInt(Date.UTC(2020, 0, 1)) - discordEpoch;

/** An id minted years ago (a guild the bot joins), one millisecond after the previous one. */
export function olderSnowflake(): string {
  const id = nextOlderTime << 22n;
  nextOlderTime += 1n;
  return id.toString();
}
