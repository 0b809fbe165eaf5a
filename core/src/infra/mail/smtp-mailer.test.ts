import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../config.js";
import { configuredMailer } from "./configured-mailer.js";
import { smtpMailer } from "./smtp-mailer.js";

interface Received {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
}

/** Quoted-printable soft breaks and escapes undone, so a long link reads as it was written. */
const unfold = (raw: string) =>
  raw.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const addresses = (session: SMTPServerSession) => ({
  from: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
  to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
});

describe("mail sent over SMTP", () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let url: string;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith("@refused.example")) callback(new Error("550 No such mailbox"));
        else callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({ ...addresses(session), raw: Buffer.concat(chunks).toString("utf8") });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(resolve)));

  it("hands the mail to the server, from MAIL_FROM, with its link intact", async () => {
    const mailer = smtpMailer({ url, from: "SkillSwap <no-reply@swap.example.org>" });
    const link = "https://swap.example.org/verify-email?token=abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
    await mailer.send({ to: "ada@example.org", subject: "Confirm your email address", text: `Hi Ada,\n\n${link}\n` });
    await mailer.close();
    const mail = received.at(-1);
    expect(mail).toMatchObject({ from: "no-reply@swap.example.org", to: ["ada@example.org"] });
    expect(mail?.raw).toContain("From: SkillSwap <no-reply@swap.example.org>");
    expect(mail?.raw).toContain("To: ada@example.org");
    expect(mail?.raw).toContain("Subject: Confirm your email address");
    expect(unfold(mail?.raw ?? "")).toContain(link);
  });

  it("sends the HTML version alongside the text", async () => {
    const mailer = smtpMailer({ url, from: "SkillSwap <no-reply@localhost>" });
    await mailer.send({ to: "ben@example.org", subject: "Hello", text: "Plain hello", html: "<p>Rich hello</p>" });
    await mailer.close();
    const raw = received.at(-1)?.raw ?? "";
    expect(raw).toContain("multipart/alternative");
    expect(raw).toContain("Plain hello");
    expect(raw).toContain("<p>Rich hello</p>");
  });

  it("fails when the server refuses the mail, so the outbox tries again later", async () => {
    const mailer = smtpMailer({ url, from: "SkillSwap <no-reply@localhost>" });
    await expect(mailer.send({ to: "cat@refused.example", subject: "Hi", text: "…" })).rejects.toThrow(
      /No such mailbox/,
    );
    await mailer.close();
  });

  it("is the one used when SMTP_URL is set", async () => {
    const config = loadConfig({ SMTP_URL: url, MAIL_FROM: "Club <club@example.org>" }, {}, "/nonexistent.json");
    const mailer = configuredMailer(config, () => {
      throw new Error("nothing is written to a file when SMTP is configured");
    });
    await mailer.send({ to: "dan@example.org", subject: "Through the server", text: "…" });
    await mailer.close();
    expect(received.at(-1)).toMatchObject({ from: "club@example.org", to: ["dan@example.org"] });
  });

  it("is configured with an smtp:// or smtps:// URL, and sends from SkillSwap on localhost by default", () => {
    expect(loadConfig({}, {}, "/nonexistent.json")).toMatchObject({ MAIL_FROM: "SkillSwap <no-reply@localhost>" });
    expect(loadConfig({}, {}, "/nonexistent.json").SMTP_URL).toBeUndefined();
    expect(loadConfig({}, { SMTP_URL: "smtps://me:secret@mail.example.org:465" }, "/nonexistent.json").SMTP_URL).toBe(
      "smtps://me:secret@mail.example.org:465",
    );
    expect(() => loadConfig({}, { SMTP_URL: "https://mail.example.org" }, "/nonexistent.json")).toThrow(ConfigError);
  });
});
