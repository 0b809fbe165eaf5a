/**
 * The shortcuts the Slack app declares, named once for the manifest that declares them and the listener that
 * answers them: a changed callback id would silently stop the shortcut from reaching SkillSwap.
 */
export const slackShortcuts = {
  /** On a message: propose a swap to its author, with the form prefilled from what they wrote. */
  askToSwap: {
    callbackId: "skillswap_ask_to_swap",
    name: "Ask to swap skills",
    description: "Propose a skill swap to the person who wrote this",
  },
} as const;
