import * as z from "zod/mini";
import type { WeeklySlot } from "../components/weekly-slots.js";
import { call } from "./client.js";

/** My general weekly availability (the API's `Availability`), in my profile's time zone. */
const availability = z.object({
  slots: z.array(z.object({ weekday: z.number(), startMinute: z.number(), endMinute: z.number() })),
  timeZone: z.string(),
});
export type MyAvailability = z.infer<typeof availability>;

export const myAvailability = () => call("GET", "/me/availability", availability);
export const setMyAvailability = (slots: readonly WeeklySlot[]) =>
  call("PUT", "/me/availability", availability, { slots });
