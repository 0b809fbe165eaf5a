import type { StoredFile } from "@skillswap/core";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorSchema } from "../schemas/common.js";

/** Streams a file that never changes. Typed as a plain reply: the zod provider types replies as JSON only. */
function sendForever(reply: FastifyReply, file: StoredFile): FastifyReply {
  reply
    .type(file.contentType)
    .header("cache-control", "public, max-age=31536000, immutable")
    .header("cross-origin-resource-policy", "cross-origin");
  if (file.size !== null) reply.header("content-length", file.size);
  return reply.send(file.body);
}

/**
 * GET /avatars/:file — profile pictures, streamed from the file store (disk or S3). A picture's URL names one
 * version of it (a change makes new URLs), so it may be cached forever, by browsers and shared caches alike,
 * and embedded from any origin (a chat client, a dashboard served elsewhere).
 */
export const avatarFileRoutes: FastifyPluginAsyncZod = (app) => {
  const { profiles } = app.services;

  app.get(
    "/avatars/:file",
    {
      schema: {
        operationId: "getAvatarFile",
        summary: "A profile picture",
        description:
          "The address is a profile's `avatarUrl` or `avatarSmallUrl`; the file never changes, so it is sent " +
          "with `Cache-Control: public, max-age=31536000, immutable`.",
        tags: ["avatars"],
        params: z.object({ file: z.string().min(1).max(100).describe("`<key>-512.webp` or `<key>-128.webp`") }),
        response: {
          200: {
            description: "The picture, a WebP square",
            content: { "image/webp": { schema: z.string().meta({ format: "binary" }) } },
          },
          404: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const file = await profiles.avatarFile(request.params.file);
      return sendForever(reply, file);
    },
  );

  return Promise.resolve();
};
