import type { App, Context } from "@slack/bolt";
import type { Services } from "@skillswap/core";

/** Which installation an event is about; Bolt fills these from the envelope even for unauthorized events. */
const workspaceRefOf = (context: Context) => ({
  teamId: context.teamId ?? null,
  enterpriseId: context.enterpriseId ?? null,
  isEnterpriseInstall: context.isEnterpriseInstall,
});

/**
 * The app removed from a workspace, or its tokens revoked: the installation stops, every row of the community
 * stays. Bolt runs these two without authorizing them (the token is already dead), so they arrive even after
 * the installation was deactivated, and core ignores the repeat.
 */
export function registerInstallationLifecycleListeners(
  app: App,
  installations: Pick<Services["installations"], "deactivateSlackInstallation">,
): void {
  app.event("app_uninstalled", async ({ context }) => {
    await installations.deactivateSlackInstallation(workspaceRefOf(context), { reason: "uninstalled" });
  });
  app.event("tokens_revoked", async ({ event, context }) => {
    // `tokens.bot` lists the user ids whose bot tokens died; core stops the installation only if ours is one.
    await installations.deactivateSlackInstallation(workspaceRefOf(context), {
      reason: "tokens_revoked",
      botUserIds: event.tokens.bot ?? [],
    });
  });
}
