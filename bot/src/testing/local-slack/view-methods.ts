import { jsonArg, optionalString, requiredString } from "./method-args.js";
import { refuseUnless } from "./web-api-errors.js";
import { botMethod, type BotRequest, type MethodTable } from "./web-api-method.js";
import type { ViewOwner } from "./view-store.js";
import type { SlackWorld } from "./world.js";

/** Modals (open, push, update) and App Home (publish). */
export function viewMethods(world: SlackWorld): MethodTable {
  const ownerOf = ({ team }: BotRequest): ViewOwner => ({ teamId: team.id, appId: world.app.appId, botId: team.botId });
  return {
    "views.open": botMethod((request) => {
      const trigger = world.views.exchange(
        requiredString(request.args, "trigger_id", "invalid_trigger_id"),
        request.team.id,
      );
      return { view: world.views.open(trigger.userId, ownerOf(request), jsonArg(request.args, "view")) };
    }),
    "views.push": botMethod((request) => {
      const trigger = world.views.exchange(
        requiredString(request.args, "trigger_id", "invalid_trigger_id"),
        request.team.id,
      );
      return { view: world.views.push(trigger.userId, ownerOf(request), jsonArg(request.args, "view")) };
    }),
    "views.update": botMethod(({ args }) => {
      const viewId = optionalString(args, "view_id");
      const externalId = optionalString(args, "external_id");
      refuseUnless((viewId === undefined) !== (externalId === undefined), "invalid_arguments");
      const hash = optionalString(args, "hash");
      const target = {
        ...(viewId === undefined ? {} : { viewId }),
        ...(externalId === undefined ? {} : { externalId }),
        ...(hash === undefined ? {} : { hash }),
      };
      return { view: world.views.update(target, jsonArg(args, "view")) };
    }),
    "views.publish": botMethod((request) => {
      const userId = requiredString(request.args, "user_id", "user_not_found");
      refuseUnless(world.workspaces.user(request.team.id, userId) !== undefined, "user_not_found");
      const hash = optionalString(request.args, "hash");
      return { view: world.views.publish(userId, ownerOf(request), jsonArg(request.args, "view"), hash) };
    }),
  };
}
