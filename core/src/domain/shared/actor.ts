/** The SkillSwap user on whose behalf a use case runs; adapters resolve platform identities to this first. */
export interface Actor {
  readonly userId: string;
}

export const actorOf = (userId: string): Actor => ({ userId });
