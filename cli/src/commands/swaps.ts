import type { SwapListFilter } from "@skillswap/core";
import { emit, table, type OutputOptions } from "../output.js";
import { withCore } from "../with-core.js";

/** A person's swaps, as they would see them, newest first. */
export async function swapsCommand(
  handle: string,
  options: OutputOptions & { status?: SwapListFilter; limit?: number },
): Promise<void> {
  await withCore(async (core) => {
    const actor = await core.services.accounts.actorByHandle(handle);
    const result = await core.services.swaps.list(actor, {
      limit: options.limit ?? 20,
      ...(options.status === undefined ? {} : { status: options.status }),
    });
    emit(options, result, () => {
      if (result.swaps.length === 0) return `@${handle} has no swaps${options.status ? ` (${options.status})` : ""}.`;
      return table([
        ["SWAP", "STATUS", "WITH", "THEY TEACH", "YOU TEACH", "EXPIRES"],
        ...result.swaps.map((swap) => [
          swap.id,
          swap.status,
          swap.partners.map((p) => `@${p.handle}`).join(", "),
          swap.you.learns?.name ?? "—",
          swap.you.teaches?.name ?? "—",
          swap.status === "pending" ? swap.expiresAt.toISOString().slice(0, 10) : "",
        ]),
      ]);
    });
  });
}

/** Groups with their community and member count: every group, or those one person can see (`--as`). */
export async function groupsCommand(options: OutputOptions & { as?: string }): Promise<void> {
  await withCore(async (core) => {
    const views =
      options.as === undefined
        ? await core.services.operations.groups()
        : await core.services.groups.list(await core.services.accounts.actorByHandle(options.as));
    const groups = views.map((g) => ({ slug: g.slug, name: g.name, community: g.communityName, members: g.members }));
    emit(options, { groups }, () =>
      groups.length === 0
        ? "No groups yet."
        : table([
            ["GROUP", "NAME", "COMMUNITY", "MEMBERS"],
            ...groups.map((g) => [g.slug, g.name, g.community ?? "open to all", String(g.members)]),
          ]),
    );
  });
}
