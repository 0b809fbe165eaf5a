import type { ChatArea } from "../area.js";
import { accountArea } from "./account.area.js";
import { adminArea } from "./admin.area.js";
import { basicsArea } from "./basics.area.js";
import { discoveryArea } from "./discovery.area.js";
import { profileArea } from "./profile.area.js";
import { reviewsArea } from "./reviews.area.js";
import { sessionsArea } from "./sessions.area.js";
import { skillsArea } from "./skills.area.js";
import { socialArea } from "./social.area.js";
import { swapsArea } from "./swaps.area.js";

/** Every area of the product on chat; the routes refuse two areas answering the same command or action. */
export const chatAreas: readonly ChatArea[] = [
  basicsArea,
  discoveryArea,
  profileArea,
  skillsArea,
  socialArea,
  accountArea,
  adminArea,
  swapsArea,
  sessionsArea,
  reviewsArea,
];
