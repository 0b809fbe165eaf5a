import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCore, domainErrorOf, rejectedFields, testProviders, type TestCore } from "../../testing/index.js";
import type { Actor } from "../shared/actor.js";

const password = "correct horse battery staple";
let counter = 0;
const next = () => `${++counter}-${Date.now()}`;

describe.each(testProviders())("unlinking an account on %s", (provider) => {
  let core: TestCore;
  beforeAll(async () => {
    core = await createTestCore(provider);
  });
  afterAll(() => core.close());

  const accounts = () => core.services.accounts;
  const linkedTo = async (actor: Actor) => (await accounts().identities(actor)).map((identity) => identity.provider);

  /** Someone who arrived from the Discord bot, with some more accounts linked from the dashboard. */
  async function discordPerson(...more: Array<"google" | "slack">): Promise<Actor> {
    const id = next();
    const { userId } = await accounts().registerFromIdentity({
      provider: "discord",
      subject: `d-${id}`,
      username: `dee${id}`,
      displayName: "Dee",
    });
    const actor = { userId };
    for (const extra of more)
      await accounts().linkIdentity(actor, {
        provider: extra,
        tenantId: extra === "slack" ? "T1" : "",
        subject: `${extra}-${id}`,
        username: `dee-${extra}`,
        displayName: "Dee",
      });
    return actor;
  }

  /** Someone who signed up with email and password, and linked Discord too. */
  async function emailPersonWithDiscord(): Promise<{ actor: Actor; email: string }> {
    const id = next();
    const email = `someone${id}@example.org`;
    const { userId } = await accounts().signUpWithEmail({ email, password, displayName: "Em" });
    const actor = { userId };
    await accounts().linkIdentity(actor, {
      provider: "discord",
      subject: `d-${id}`,
      username: `em${id}`,
      displayName: "Em",
    });
    return { actor, email };
  }

  it("unlinks Discord when Google still signs me in", async () => {
    const me = await discordPerson("google");
    await accounts().unlinkIdentity(me, "discord");
    expect(await linkedTo(me)).toEqual(["google"]);
  });

  it("refuses to unlink my last way to sign in, saying so, and keeps it linked", async () => {
    const me = await discordPerson();
    const error = await domainErrorOf(() => accounts().unlinkIdentity(me, "discord"));
    expect(error.code).toBe("ACCOUNT.LAST_SIGN_IN");
    expect(error.kind).toBe("conflict");
    expect(await linkedTo(me)).toEqual(["discord"]);
  });

  it("does not count Slack as a way to sign in, but unlinks Slack itself freely", async () => {
    const me = await discordPerson("slack");
    expect((await domainErrorOf(() => accounts().unlinkIdentity(me, "discord"))).code).toBe("ACCOUNT.LAST_SIGN_IN");
    await accounts().unlinkIdentity(me, "slack");
    expect(await linkedTo(me)).toEqual(["discord"]);
  });

  it("counts a password: an email account unlinks Discord", async () => {
    const { actor } = await emailPersonWithDiscord();
    await accounts().unlinkIdentity(actor, "discord");
    expect(await linkedTo(actor)).toEqual(["email"]);
  });

  it("takes the password away with email, after which Discord is the last way in", async () => {
    const { actor, email } = await emailPersonWithDiscord();
    await accounts().unlinkIdentity(actor, "email");
    expect(await linkedTo(actor)).toEqual(["discord"]);
    expect((await domainErrorOf(() => accounts().authenticate({ email, password }))).code).toBe(
      "ACCOUNT.BAD_CREDENTIALS",
    );
    expect((await domainErrorOf(() => accounts().unlinkIdentity(actor, "discord"))).code).toBe("ACCOUNT.LAST_SIGN_IN");
  });

  it("unlinks only my own accounts: a provider I have not linked is not found, theirs stay", async () => {
    const me = await discordPerson();
    const them = await discordPerson("google");
    const error = await domainErrorOf(() => accounts().unlinkIdentity(me, "google"));
    expect(error.code).toBe("ACCOUNT.IDENTITY_NOT_LINKED");
    expect(await linkedTo(them)).toEqual(["discord", "google"]);
  });

  it("names the field when the provider is not one that can be linked", async () => {
    const me = await discordPerson("google");
    expect(await rejectedFields(() => accounts().unlinkIdentity(me, "github"))).toEqual(["provider"]);
  });

  it("records the unlinking in the account's audit log", async () => {
    const me = await discordPerson("google");
    await accounts().unlinkIdentity(me, "google");
    const entries = await core.database.db.auditLog.findMany({
      where: { actorId: me.userId, action: "account.identity_unlinked" },
      select: { data: true },
    });
    expect(entries.map((entry) => JSON.parse(entry.data) as unknown)).toEqual([{ provider: "google" }]);
  });
});
