import { describe, expect, it } from "vitest";
import { prettyLog } from "./pretty-log.js";

function written(lines: ReadonlyArray<object | string>): string[] {
  const out: string[] = [];
  const log = prettyLog({ write: (text) => out.push(text) });
  for (const line of lines) log.write(`${typeof line === "string" ? line : JSON.stringify(line)}\n`);
  return out.join("").split("\n").filter(Boolean);
}

const at = new Date(2026, 11, 7, 10, 42, 1).getTime();

describe("the request log at a terminal", () => {
  it("tells each request once, on its answer: method, path, status and time", () => {
    expect(
      written([
        { level: 30, time: at, reqId: "req-1", req: { method: "GET", url: "/health" }, msg: "incoming request" },
        {
          level: 30,
          time: at,
          reqId: "req-1",
          res: { statusCode: 200 },
          responseTime: 1.234,
          msg: "request completed",
        },
      ]),
    ).toEqual(["10:42:01 INFO  GET /health → 200 (1.2 ms)"]);
  });

  it("shows other entries by level and message, errors with their reason, and passes on what is not JSON", () => {
    expect(
      written([
        { level: 50, time: at, msg: "interaction handling failed", err: { message: "Unknown Message" } },
        "plain text from somewhere",
      ]),
    ).toEqual(["10:42:01 ERROR interaction handling failed: Unknown Message", "plain text from somewhere"]);
  });
});
