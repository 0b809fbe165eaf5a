import { translate, type MessageKey, type Notification, type SwapOpening } from "@skillswap/core";

/**
 * Slack reads `&`, `<` and `>` as markup: `<@U…>` pings someone, `<!here>` a whole channel, `<url|text>` hides
 * a link behind words. People's own words go through this, so whatever they typed is shown and does nothing.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A link Slack shows as its words; the URL is ours, the words are our sentence. */
const link = (url: URL, words: string) => `<${url.href}|${escapeMrkdwn(words)}>`;

/** A dashboard page: PUBLIC_URL may carry a path of its own, which the page's path goes under. */
export function dashboardUrl(publicUrl: string, path: string): URL {
  return new URL(path.replace(/^\//, ""), publicUrl.endsWith("/") ? publicUrl : `${publicUrl}/`);
}

const surfaceNames: Readonly<Record<string, MessageKey>> = {
  discord: "relay.surface_discord",
  slack: "relay.surface_slack",
  dashboard: "relay.surface_dashboard",
};

/** "*Maya* (on Discord): text": who said it and where, in the words they used, pinging nobody. */
export function relayedLine(message: { authorName: string; text: string; source: string }): string {
  const surface = surfaceNames[message.source];
  return translate("relay.slack_message", {
    name: escapeMrkdwn(message.authorName),
    surface: surface === undefined ? escapeMrkdwn(message.source) : translate(surface),
    text: escapeMrkdwn(message.text),
  });
}

/** The first message of a swap's group DM: who teaches whom, how to schedule, and the dashboard's thread. */
export function swapOpeningText(opening: SwapOpening, conversationUrl: URL): string {
  const names = opening.participants.map((p) => escapeMrkdwn(p.displayName)).join(" & ");
  return [
    translate("relay.swap_opening", { names }),
    ...opening.participants.flatMap((p) =>
      p.teaches === null
        ? []
        : [
            translate("relay.swap_opening_teaches", {
              name: escapeMrkdwn(p.displayName),
              skill: escapeMrkdwn(p.teaches),
            }),
          ],
    ),
    translate("relay.slack_swap_opening_schedule"),
    link(conversationUrl, translate("relay.slack_open_dashboard")),
  ].join("\n");
}

/** The last message of a swap's Slack conversation. */
export function swapClosingText(outcome: "completed" | "cancelled"): string {
  return translate(outcome === "completed" ? "relay.slack_swap_completed" : "relay.swap_cancelled");
}

const pagesOf: Readonly<Record<Notification["about"]["type"], (id: string) => string>> = {
  swap: (id) => `/swaps/${encodeURIComponent(id)}`,
  conversation: (id) => `/conversations/${encodeURIComponent(id)}`,
  review: () => "/reviews",
  // A forum thread's page needs its group too, which a notification does not carry: the groups list leads there.
  thread: () => "/groups",
};

/**
 * A notification's DM: its sentence, any lines that tell more (a swap request's swap), and the page it is
 * about. Names, skills and previews are people's words, so every line is escaped.
 */
export function notificationText(notification: Notification, publicUrl: string, more: readonly string[] = []): string {
  const page = dashboardUrl(publicUrl, pagesOf[notification.about.type](notification.about.id));
  return [notification.text, ...more]
    .map(escapeMrkdwn)
    .concat(link(page, translate("relay.slack_open_dashboard")))
    .join("\n");
}
