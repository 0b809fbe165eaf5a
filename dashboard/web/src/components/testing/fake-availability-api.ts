import { vi } from "vitest";
import * as z from "zod/mini";
import type { MyAvailability } from "../../api/availability.js";
import type { WeeklySlot } from "../weekly-slots.js";

const putBody = z.object({
  slots: z.array(z.object({ weekday: z.number(), startMinute: z.number(), endMinute: z.number() })),
});

const errorAnswer = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status });

/**
 * GET and PUT /api/v1/me/availability as the server answers them, behind a stubbed fetch: the components under
 * test go through their real API client, so what they send is what the server would receive.
 */
export function fakeAvailabilityApi(initial: MyAvailability) {
  let saved = initial;
  const savedSlots: WeeklySlot[][] = [];
  let refuseNextSave: string | null = null;
  vi.stubGlobal("fetch", (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? "GET";
    const path = input instanceof Request ? input.url : input.toString();
    if (path !== "/api/v1/me/availability")
      return Promise.resolve(errorAnswer(404, "REQUEST.NOT_FOUND", "Nothing is at this address."));
    if (method === "GET") return Promise.resolve(Response.json(saved));
    if (refuseNextSave !== null) {
      const message = refuseNextSave;
      refuseNextSave = null;
      return Promise.resolve(errorAnswer(400, "VALIDATION", message));
    }
    const { slots } = putBody.parse(JSON.parse(typeof init?.body === "string" ? init.body : "null"));
    savedSlots.push(slots);
    saved = { ...saved, slots };
    return Promise.resolve(Response.json(saved));
  });
  return {
    /** The slots of each PUT, in order. */
    savedSlots,
    refuseNextSave: (message: string) => {
      refuseNextSave = message;
    },
  };
}
