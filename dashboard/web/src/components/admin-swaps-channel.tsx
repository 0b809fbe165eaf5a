import { setSwapsChannel, type Community } from "../api/communities.js";
import { textOf, useApiForm } from "./api-form.js";
import { FormField, FormMessage } from "./form-field.js";

/** Where the bot opens private swap threads in this community: one channel, set by its admins. */
export function AdminSwapsChannel({ community, onSet }: { community: Community; onSet: (channelId: string) => void }) {
  const form = useApiForm(["channelId"], async (data) => {
    const channelId = textOf(data, "channelId").trim();
    await setSwapsChannel(community.id, channelId);
    onSet(channelId);
  });
  return (
    <section aria-labelledby="swaps-channel-title">
      <h2 id="swaps-channel-title">Swaps channel</h2>
      <p>
        {community.swapsChannelId === null ? (
          "No swaps channel yet: the bot cannot open private swap threads here."
        ) : (
          <>
            Private swap threads open in channel <code>{community.swapsChannelId}</code>.
          </>
        )}
      </p>
      <form class="forms" ref={form.formRef} onSubmit={form.onSubmit}>
        <FormMessage form={form} />
        <FormField id="swaps-channel" label="Swaps channel id" error={form.fieldError("channelId")}>
          {(input) => (
            <input
              {...input}
              name="channelId"
              type="text"
              required
              maxLength={64}
              autoComplete="off"
              defaultValue={community.swapsChannelId ?? ""}
            />
          )}
        </FormField>
        <button type="submit" class="button primary" disabled={form.busy}>
          Set the swaps channel
        </button>
      </form>
    </section>
  );
}
