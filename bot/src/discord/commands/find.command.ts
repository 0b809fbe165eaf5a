import type { PeopleSearchInput } from "@skillswap/core";
import { peopleReply } from "../renderers/people-reply.js";
import type { DiscordCommand } from "./command.js";

export const findCommand: DiscordCommand = async ({ core, actor, interaction }) => {
  const text = interaction.options.getString("skill", true);
  const near = interaction.options.getString("near");
  const km = interaction.options.getNumber("km");
  const query: PeopleSearchInput = {
    text,
    limit: 5,
    ...(near === null ? {} : { near }),
    ...(km === null ? {} : { km }),
  };
  return peopleReply(text, await core.services.search.people(actor, query));
};
