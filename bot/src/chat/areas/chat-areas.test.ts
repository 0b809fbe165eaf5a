import { acceptedSwap, createTestCore, type TestCore } from "@skillswap/core/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatRoutesOf } from "../chat-routes.js";
import { failureOf, type ChatFailure } from "../failure.js";
import { commandInput, type FilledOptions } from "../testing/command-input.js";
import { chatAreas } from "./index.js";

const routes = chatRoutesOf(chatAreas);
let core: TestCore;

beforeAll(async () => {
  core = await createTestCore("sqlite");
});

afterAll(async () => {
  await core.close();
});

/** What the person is told when the command fails, on whichever platform they ran it. */
async function refusalOf(command: string, actor: { userId: string }, filled: FilledOptions): Promise<ChatFailure> {
  const run = routes.command(command);
  if (run === undefined) throw new Error(`no chat area answers ${command}`);
  return run(commandInput(core, actor, filled)).then(
    (reply) => {
      throw new Error(`${command} was not refused: ${JSON.stringify(reply)}`);
    },
    (error: unknown) => failureOf(error),
  );
}

describe("what a person is told to fix names what they filled in", () => {
  it("a session in the past: the option `when`, never core's field startsAt", async () => {
    const { ana, swapId } = await acceptedSwap(core, ["ana", "bea"]);
    const refusal = await refusalOf("session schedule", ana, {
      swap: swapId,
      when: "2001-01-01 10:00",
      skill: "Guitar",
    });
    expect(refusal.sentence).toBe("Some of what you entered needs fixing: when.");
    expect(refusal.fieldErrors.map((f) => f.name)).toEqual(["when"]);
  });

  it("a swap with oneself: the option `user`, never core's field to", async () => {
    const { ana } = await acceptedSwap(core, ["cleo", "dan"]);
    const refusal = await refusalOf("swap request", ana, {
      user: { handle: ana.handle, name: "Cleo" },
      offer: "Guitar",
      want: "Spanish",
    });
    expect(refusal.sentence).toBe("Some of what you entered needs fixing: user.");
  });
});

describe("the chat areas' replies", () => {
  it("give a swap's buttons as actions carrying the swap, not as a platform's ids", async () => {
    const { bea, swapId } = await acceptedSwap(core, ["eva", "finn"]);
    const run = routes.command("swap list");
    const reply = await run?.(commandInput(core, bea));
    expect(reply).toMatchObject({ kind: "message", title: "Your swaps" });
    const actions =
      reply?.kind === "form" ? [] : (reply?.buttons ?? []).flat().map((b) => ("action" in b ? b.action : null));
    expect(actions).toContainEqual({ kind: "swap.move", move: "cancel", swapId });
  });
});
