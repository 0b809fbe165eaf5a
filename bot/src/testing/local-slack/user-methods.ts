import { pageOf } from "./cursor-pages.js";
import { optionalNumber, requiredString } from "./method-args.js";
import { refuseUnless } from "./web-api-errors.js";
import { botMethod, type MethodTable } from "./web-api-method.js";
import type { SlackWorld } from "./world.js";

/** Reading the people of the caller's workspace. */
export function userMethods(world: SlackWorld): MethodTable {
  return {
    "users.info": botMethod(({ args, team }) => {
      const user = world.workspaces.user(team.id, requiredString(args, "user", "user_not_found"));
      refuseUnless(user !== undefined, "user_not_found");
      return { user };
    }),
    "users.list": botMethod(({ args, team }) => {
      const users = world.workspaces.users(team.id);
      const page = pageOf(users, args.cursor, optionalNumber(args, "limit"));
      return {
        members: page.items,
        cache_ts: Math.floor(Date.now() / 1000),
        response_metadata: { next_cursor: page.next },
      };
    }),
  };
}
