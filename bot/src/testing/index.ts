export {
  LocalDiscord,
  type InteractionInput,
  type InteractionReply,
  type LocalDiscordOptions,
  type LocalUser,
  type OptionValue,
  type RestCall,
} from "./local-discord.js";
