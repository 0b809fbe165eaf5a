/**
 * Seals the secrets SkillSwap keeps in its database (a workspace's bot token) so that whoever reads a dump or a
 * backup gets nothing that acts as the bot.
 */
export interface TokenCipher {
  /** A sealed copy of `plain`, bound to `context` (the row it belongs to): a new random IV every time. */
  seal(plain: string, context: string): string;
  /** The plain value; throws when the key is not the one that sealed it, or the value or context changed. */
  open(sealed: string, context: string): string;
}
