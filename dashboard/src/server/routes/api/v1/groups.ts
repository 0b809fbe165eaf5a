import { inputs } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { errorResponses, idParam, noContent, pageQuery } from "../../../schemas/common.js";
import {
  groupDetailView,
  groupListQuery,
  groupMemberPage,
  groupMemberParams,
  groupPage,
} from "../../../schemas/groups.js";

const tags = ["groups"];

/**
 * /groups: interest groups, open to all or to one community's members. `:id` takes a group's id or its slug; a
 * community's group is, for everyone outside that community, a group that does not exist (404).
 */
export const groupsRoutes: FastifyPluginAsyncZod = (app) => {
  const { groups } = app.services;

  app.get(
    "/groups",
    {
      schema: {
        operationId: "listGroups",
        summary: "The groups I may see (open ones and my communities' ones), in name order, with my role in each",
        tags,
        querystring: groupListQuery,
        response: { 200: groupPage, ...errorResponses },
      },
    },
    (request) => groups.browse(signedIn(request), request.query),
  );

  app.post(
    "/groups",
    {
      schema: {
        operationId: "createGroup",
        summary: "Start a group; I own it",
        description: "With `communityId`, the group is for that community's members (I must be one of them).",
        tags,
        body: inputs.groupCreate,
        response: { 201: groupDetailView, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await groups.create(signedIn(request), request.body)),
  );

  app.get(
    "/groups/:id",
    {
      schema: {
        operationId: "getGroup",
        summary: "A group, with my role in it",
        tags,
        params: idParam,
        response: { 200: groupDetailView, ...errorResponses },
      },
    },
    (request) => groups.get(signedIn(request), request.params.id),
  );

  app.post(
    "/groups/:id/join",
    {
      schema: {
        operationId: "joinGroup",
        summary: "Join a group, answered with my role there; joining twice changes nothing",
        tags,
        params: idParam,
        response: { 200: groupDetailView, ...errorResponses },
      },
    },
    (request) => groups.join(signedIn(request), request.params.id),
  );

  app.post(
    "/groups/:id/leave",
    {
      schema: {
        operationId: "leaveGroup",
        summary: "Leave a group; its owner hands it over first, unless nobody else is left",
        tags,
        params: idParam,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await groups.leave(signedIn(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/groups/:id/members",
    {
      schema: {
        operationId: "listGroupMembers",
        summary: "A group's members: its owner, then moderators, then members by arrival",
        tags,
        params: idParam,
        querystring: pageQuery,
        response: { 200: groupMemberPage, ...errorResponses },
      },
    },
    (request) => groups.members(signedIn(request), request.params.id, request.query),
  );

  app.put(
    "/groups/:id/members/:handle/role",
    {
      schema: {
        operationId: "setGroupMemberRole",
        summary: "Make a member a moderator, or a moderator a member again (the owner only)",
        tags,
        params: groupMemberParams,
        body: inputs.groupRoleChange,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { id, handle } = request.params;
      await groups.setRole(signedIn(request), id, { handle, ...request.body });
      return reply.code(204).send();
    },
  );

  app.post(
    "/groups/:id/transfer",
    {
      schema: {
        operationId: "transferGroup",
        summary: "Hand the group to another member (the owner only); I become a moderator",
        tags,
        params: idParam,
        body: inputs.groupMember,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await groups.transferOwnership(signedIn(request), request.params.id, request.body);
      return reply.code(204).send();
    },
  );

  return Promise.resolve();
};
