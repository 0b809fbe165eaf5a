import { notificationChannels, notificationKinds, type NotificationSetting } from "../api/profile.js";

const kindNames: Record<NotificationSetting["kind"], string> = {
  swap_request: "Swap requests",
  swap_accepted: "Accepted swaps",
  message: "Messages",
  review: "Reviews",
  group_activity: "Group activity",
  session_reminder: "Session reminders",
};

const channelNames: Record<NotificationSetting["channel"], string> = {
  platform: "Discord or Slack",
  email: "Email",
  dashboard: "Here",
};

const fieldName = (kind: string, channel: string) => `notify:${kind}:${channel}`;

/** Each kind of notification by each channel, as checkboxes in a table a screen reader reads by row and column. */
export function NotificationSettings({ settings }: { settings: readonly NotificationSetting[] }) {
  const enabled = (kind: string, channel: string) =>
    settings.some((s) => s.kind === kind && s.channel === channel && s.enabled);
  return (
    <div class="table-scroll">
      <table class="notification-settings">
        <caption>Where each kind of notification reaches you</caption>
        <thead>
          <tr>
            <th scope="col">Notification</th>
            {notificationChannels.map((channel) => (
              <th scope="col" key={channel}>
                {channelNames[channel]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {notificationKinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{kindNames[kind]}</th>
              {notificationChannels.map((channel) => (
                <td key={channel}>
                  <input
                    type="checkbox"
                    name={fieldName(kind, channel)}
                    defaultChecked={enabled(kind, channel)}
                    aria-label={`${kindNames[kind]}: ${channelNames[channel]}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The table's checkboxes as the settings PATCH /me takes: every pair, on or off. */
export const notificationSettingsOf = (data: FormData): NotificationSetting[] =>
  notificationKinds.flatMap((kind) =>
    notificationChannels.map((channel) => ({ kind, channel, enabled: data.has(fieldName(kind, channel)) })),
  );
