import type { types } from "@slack/bolt";
import type { ChatHome } from "../../chat/home.js";
import { slackMessageOf } from "../renderers/block-kit.js";
import { homeFormActionIdOf } from "../translation/action-ids.js";

// Slack's limit on a Home tab: 100 blocks.
const maxBlocks = 100;

function formButtonsOf(home: ChatHome): types.ActionsBlock {
  return {
    type: "actions",
    elements: home.forms.map((form): types.Button => ({
      type: "button",
      text: { type: "plain_text", text: form.label },
      action_id: homeFormActionIdOf(form.command),
    })),
  };
}

/**
 * The App Home as Slack publishes it: the form buttons first, where they are seen without scrolling, then each
 * section as Block Kit exactly as its command's answer, between dividers. Past 100 blocks the last sections
 * lose their tail, which only happens with long lists the commands show in full.
 */
export function homeViewOf(home: ChatHome): types.HomeView {
  const sections = home.sections.map((section) => slackMessageOf(section).blocks);
  const blocks = [
    formButtonsOf(home),
    ...sections.flatMap((section): types.KnownBlock[] => [{ type: "divider" }, ...section]),
  ];
  return { type: "home", blocks: blocks.slice(0, maxBlocks) };
}
