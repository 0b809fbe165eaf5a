import type { SlackEvents } from "@skillswap/bot";
import type { FastifyInstance } from "fastify";

const rawBody = { parseAs: "buffer" } as const;

/**
 * POST /slack/events: Slack's one URL for slash commands, interactivity, options and Events API callbacks.
 * Registered as its own plugin so that the raw-body parsers below stay inside this route's scope. The bot's
 * receiver checks the signature, claims retries, runs the Bolt app and says what to answer; this route only
 * hands it the bytes and writes its answer.
 */
export function slackEventsRoutes(events: SlackEvents) {
  return function register(app: FastifyInstance): Promise<void> {
    // The signature covers the exact bytes Slack sent (form-encoded or JSON), so the body reaches the receiver
    // unparsed; it is read only once the signature holds, so nothing unsigned is ever interpreted.
    for (const contentType of ["application/json", "application/x-www-form-urlencoded"]) {
      app.removeContentTypeParser(contentType);
      app.addContentTypeParser(contentType, rawBody, (_request, body, done) => {
        done(null, body);
      });
    }

    app.post("/slack/events", async (request, reply) => {
      const answer = await events.handle({
        rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        headers: request.headers,
      });
      reply.code(answer.status);
      if (answer.contentType !== undefined) reply.type(answer.contentType);
      return reply.send(answer.body);
    });
    return Promise.resolve();
  };
}
