import { slackManifest } from "@skillswap/bot";
import { loadConfig } from "@skillswap/core";

export interface SlackManifestFlags {
  readonly socketMode?: boolean;
  readonly name?: string;
}

/**
 * Prints the Slack app manifest as JSON, to paste into api.slack.com/apps ("Create New App" → "From a
 * manifest"); the URLs come from PUBLIC_URL. Always JSON, which Slack's form accepts as well as YAML: no YAML
 * library is among the CLI's dependencies.
 */
export function slackManifestCommand(flags: SlackManifestFlags): void {
  const config = loadConfig();
  const socketMode = flags.socketMode === true;
  // Slack only calls https request URLs; the warning goes to stderr so the JSON can still be piped.
  if (!socketMode && !config.PUBLIC_URL.startsWith("https://"))
    process.stderr.write(
      `Slack only calls https addresses: set PUBLIC_URL to SkillSwap's public https address (now ${config.PUBLIC_URL}), or use --socket-mode.\n`,
    );
  const manifest = slackManifest({
    publicUrl: config.PUBLIC_URL,
    socketMode,
    ...(flags.name === undefined ? {} : { appName: flags.name }),
  });
  process.stdout.write(`${JSON.stringify(manifest, null, 2)}\n`);
}
