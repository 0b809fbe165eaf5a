import type { MethodArgs } from "./method-args.js";

/** One Web API call as Slack received it, recorded before it was answered (refusals and faults included). */
export interface WebApiCall {
  /** The method named in the path: "chat.postMessage". */
  readonly method: string;
  /**
   * The arguments, form fields or JSON, without the token; `view` and `blocks` stay JSON strings when the
   * client sent a form.
   */
  readonly args: MethodArgs;
  /** The token the call carried (Bearer header or `token` field), if any. */
  readonly token: string | undefined;
  /** When it arrived, in ms since the epoch (the real clock, not one `passTime` moved). */
  readonly at: number;
}

interface Waiter {
  readonly matches: (call: WebApiCall) => boolean;
  readonly resolve: (call: WebApiCall) => void;
}

/** Every call, in arrival order, and the tests waiting for one. */
export class CallLog {
  readonly calls: WebApiCall[] = [];
  private waiters: Waiter[] = [];

  record(call: WebApiCall): void {
    this.calls.push(call);
    const ready = this.waiters.filter((waiter) => waiter.matches(call));
    this.waiters = this.waiters.filter((waiter) => !ready.includes(waiter));
    for (const waiter of ready) waiter.resolve(call);
  }

  to(method: string): WebApiCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /**
   * The first call to `method` matching `predicate`, already made or still to come: a test awaits what the app
   * does in the background without caring whether it happened before the await.
   */
  waitFor(method: string, predicate: (call: WebApiCall) => boolean, timeoutMs: number): Promise<WebApiCall> {
    const matches = (call: WebApiCall): boolean => call.method === method && predicate(call);
    const made = this.calls.find(matches);
    if (made !== undefined) return Promise.resolve(made);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((waiter) => waiter !== entry);
        const seen = this.calls.map((call) => call.method).join(", ") || "none";
        reject(new Error(`no matching ${method} call within ${timeoutMs} ms (calls so far: ${seen})`));
      }, timeoutMs);
      const entry: Waiter = {
        matches,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      };
      this.waiters.push(entry);
    });
  }
}
