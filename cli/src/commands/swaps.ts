import { emit, table, type OutputOptions } from "../output.js";
import { withCore } from "../with-core.js";

/** A person's swaps, as they would see them, newest first. */
export async function swapsCommand(
  handle: string,
  options: OutputOptions & { status?: string; limit?: number },
): Promise<void> {
  await withCore(async (core) => {
    const actor = await core.services.accounts.actorByHandle(handle);
    // The status goes in as typed: the use case validates it and names the field it rejects.
    const result = await core.services.swaps.list(actor, {
      limit: options.limit ?? 20,
      ...(options.status === undefined ? {} : { status: options.status as "open" }),
    });
    emit(options, result, () => {
      if (result.swaps.length === 0) return `@${handle} has no swaps${options.status ? ` (${options.status})` : ""}.`;
      return table([
        ["SWAP", "STATUS", "WITH", "THEY TEACH", "YOU TEACH", "EXPIRES"],
        ...result.swaps.map((swap) => {
          const me = swap.participants.find((p) => p.handle === handle.replace(/^@/, "").toLowerCase());
          const others = swap.participants.filter((p) => p !== me);
          return [
            swap.id,
            swap.status,
            others.map((p) => `@${p.handle}`).join(", "),
            me?.learns?.name ?? "—",
            me?.teaches?.name ?? "—",
            swap.status === "pending" ? swap.expiresAt.toISOString().slice(0, 10) : "",
          ];
        }),
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
