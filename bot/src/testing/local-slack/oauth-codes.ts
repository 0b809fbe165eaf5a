import { secret } from "./slack-ids.js";
import { SlackApiError } from "./web-api-errors.js";

/** Slack's OAuth codes expire ten minutes after the redirect that carries them. */
const codeLifetimeMs = 10 * 60 * 1000;

/** What an OAuth code stands for: this person installed the app in this workspace. */
export interface IssuedCode {
  readonly teamId: string;
  readonly userId: string;
  readonly issuedAt: number;
}

/** The codes Slack's consent screen handed out, each exchangeable once by oauth.v2.access. */
export class OAuthCodes {
  private readonly codes = new Map<string, IssuedCode>();

  constructor(private readonly now: () => number) {}

  issue(teamId: string, userId: string): string {
    const code = `${Math.floor(this.now() / 1000)}.${secret(16)}`;
    this.codes.set(code, { teamId, userId, issuedAt: this.now() });
    return code;
  }

  /** Uses a code up: a second exchange of the same code is refused, as an intercepted code must be. */
  redeem(code: string): IssuedCode {
    const issued = this.codes.get(code);
    this.codes.delete(code);
    if (issued === undefined || this.now() - issued.issuedAt > codeLifetimeMs) throw new SlackApiError("invalid_code");
    return issued;
  }
}
