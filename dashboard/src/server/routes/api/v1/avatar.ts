import multipart from "@fastify/multipart";
import { AVATAR_MAX_BYTES, DomainError, translate } from "@skillswap/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { HttpProblem } from "../../../errors/error-handler.js";
import { signedIn } from "../../../plugins/app/actor.js";
import { errorResponses, errorSchema, noContent } from "../../../schemas/common.js";
import { ownProfileView } from "../../../schemas/profiles.js";

const field = "avatar";

const missing = () =>
  new DomainError("invalid", "AVATAR.MISSING", "error.invalid", { fields: field }, [
    { field, message: translate("avatar.missing") },
  ]);

/**
 * The uploaded picture's bytes, read up to the size core accepts: a larger one is cut off by the parser and
 * answered 413, so nobody can make the server hold more. What the client says the file is (name, type) is not
 * read at all; core recognises the picture by its content.
 */
async function uploadedPicture(app: FastifyInstance, request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new HttpProblem(415, "REQUEST.NOT_MULTIPART", translate("avatar.missing"), [
      { field, message: translate("avatar.missing") },
    ]);
  }
  try {
    let picture: Buffer | undefined;
    // Every part is read, so that a second file is refused (the parser's file limit) rather than ignored.
    for await (const part of request.parts({
      limits: { fileSize: AVATAR_MAX_BYTES, files: 1, fields: 10, fieldSize: 1024, parts: 11 },
    })) {
      if (part.type !== "file") continue;
      if (part.fieldname !== field) {
        part.file.resume();
        continue;
      }
      picture = await part.toBuffer();
    }
    if (picture === undefined) throw missing();
    return picture;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof app.multipartErrors.RequestFileTooLargeError) {
      const message = translate("avatar.too_large", { max: AVATAR_MAX_BYTES / (1024 * 1024) });
      throw new HttpProblem(413, "AVATAR.TOO_LARGE", message, [{ field, message }]);
    }
    if (error instanceof app.multipartErrors.FilesLimitError) {
      const message = translate("avatar.one_file");
      throw new HttpProblem(400, "AVATAR.ONE_FILE", message, [{ field, message }]);
    }
    // Anything else went wrong in the client's multipart body (a missing boundary, a body that stops
    // mid-part, too many fields): the request's fault, said in one sentence rather than the parser's.
    request.log.info({ err: error }, "unreadable multipart upload");
    throw new HttpProblem(400, "REQUEST.MALFORMED_MULTIPART", translate("avatar.missing"), [
      { field, message: translate("avatar.missing") },
    ]);
  }
}

/** /me/avatar: the signed-in person's profile picture. Multipart is parsed here only, not across the API. */
export const avatarRoutes: FastifyPluginAsyncZod = async (app) => {
  const { profiles } = app.services;
  await app.register(multipart);

  app.put(
    "/me/avatar",
    {
      // The body is read as a stream by the handler, within its limits; the schema only describes it.
      validatorCompiler: () => (body: unknown) => ({ value: body }),
      schema: {
        operationId: "setMyAvatar",
        summary: "Upload my profile picture",
        description:
          "A `multipart/form-data` body with the picture in the file field `avatar`: one JPEG, PNG, WebP or GIF " +
          "of at most 5 MB, recognised by its content (its name and declared type are ignored). It is stored as " +
          "512 and 128 px WebP squares without any of its metadata (EXIF, GPS), under new URLs: the answer is " +
          "my profile with them. A larger file answers 413; a damaged one or another format 400, and the " +
          "picture I had stays.",
        tags: ["me"],
        consumes: ["multipart/form-data"],
        body: z.object({ [field]: z.file().describe("The picture: JPEG, PNG, WebP or GIF, at most 5 MB") }),
        response: { 200: ownProfileView, 413: errorSchema, 415: errorSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = signedIn(request);
      return profiles.setAvatar(actor, await uploadedPicture(app, request));
    },
  );

  app.delete(
    "/me/avatar",
    {
      schema: {
        operationId: "removeMyAvatar",
        summary: "Remove my profile picture",
        description: "Its files are deleted; removing a picture I do not have is fine.",
        tags: ["me"],
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await profiles.removeAvatar(signedIn(request));
      return reply.code(204).send();
    },
  );
};
