import { z } from "zod";

/*
 * What the HTTP endpoint checks of a signed interaction before the bot's router sees it: the parts the router
 * reads without looking (type, id, token, the person, and per type the command name or custom_id it routes
 * on). The signature only proves Discord sent the bytes; what they say is still checked, so a payload the
 * router cannot route is a 400 here rather than a crash (500) in it. Everything else stays the bot's to read.
 * Loose objects: Discord adds fields over time, and the router receives the payload as Discord sent it.
 */

// A snowflake is an unsigned 64-bit integer written in decimal: at most 20 digits.
const snowflake = z.string().regex(/^[0-9]{1,20}$/);
// Interaction tokens are a few hundred characters; the bound keeps a hostile one out of follow-up URLs.
const interactionToken = z.string().min(1).max(1000);
// Discord caps custom ids at 100 characters and command names at 32.
const customId = z.string().min(1).max(100);
const commandName = z.string().min(1).max(32);

const user = z.looseObject({ id: snowflake, username: z.string() });

interface CommandOption {
  readonly name: string;
  readonly type: number;
  readonly options?: readonly CommandOption[] | undefined;
}
// Sub-commands nest their options; the router walks them all.
const commandOption: z.ZodType<CommandOption> = z.lazy(() =>
  z.looseObject({ name: z.string(), type: z.number().int(), options: z.array(commandOption).optional() }),
);
const commandData = z.looseObject({
  name: commandName,
  type: z.number().int(),
  options: z.array(commandOption).optional(),
});

const fromPerson = {
  id: snowflake,
  application_id: snowflake,
  token: interactionToken,
  // In a guild Discord sends the member (with its user), in a DM the user; the router needs one of them.
  member: z.looseObject({ user }).optional(),
  user: user.optional(),
};

const ping = z.looseObject({ type: z.literal(1), id: snowflake, token: interactionToken });
const command = z.looseObject({ type: z.literal(2), ...fromPerson, data: commandData });
const component = z.looseObject({
  type: z.literal(3),
  ...fromPerson,
  data: z.looseObject({ custom_id: customId }),
});
const autocomplete = z.looseObject({ type: z.literal(4), ...fromPerson, data: commandData });
const formSubmit = z.looseObject({
  type: z.literal(5),
  ...fromPerson,
  data: z.looseObject({
    custom_id: customId,
    components: z.array(
      z.looseObject({
        components: z.array(z.looseObject({ custom_id: z.string(), value: z.string().optional() })).optional(),
      }),
    ),
  }),
});

/** A signed payload the bot's router can route: one of Discord's five interaction types, well formed. */
export const interactionEnvelope = z
  .discriminatedUnion("type", [ping, command, component, autocomplete, formSubmit])
  .refine(
    (interaction) => interaction.type === 1 || interaction.member !== undefined || interaction.user !== undefined,
    {
      message: "An interaction a person caused names the person (member.user or user).",
    },
  );
