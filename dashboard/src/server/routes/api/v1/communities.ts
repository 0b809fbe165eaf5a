import { inputs } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { errorResponses, idParam, noContent, pageQuery } from "../../../schemas/common.js";
import {
  auditPage,
  channelLinkList,
  channelLinkView,
  channelParams,
  communityReportPage,
  communityReportView,
  myCommunityList,
  reportListQuery,
  reportParams,
} from "../../../schemas/communities.js";

const tags = ["communities"];

/**
 * /communities: the Discord guilds and Slack workspaces I am in, and their admin pages. Core decides per
 * community who may do what: an outsider learns nothing of a community (404), a member that only its admins
 * may (403).
 */
export const communitiesRoutes: FastifyPluginAsyncZod = (app) => {
  const { communities, moderation } = app.services;

  app.get(
    "/communities",
    {
      schema: {
        operationId: "listMyCommunities",
        summary: "The communities I am in, by name, with my role in each",
        tags,
        response: { 200: myCommunityList, ...errorResponses },
      },
    },
    (request) => communities.mine(signedIn(request)),
  );

  app.get(
    "/communities/:id/links",
    {
      schema: {
        operationId: "listChannelLinks",
        summary: "The community's channels linked to groups (its admins only)",
        tags,
        params: idParam,
        response: { 200: channelLinkList, ...errorResponses },
      },
    },
    (request) => communities.links(signedIn(request), request.params.id),
  );

  app.post(
    "/communities/:id/links",
    {
      schema: {
        operationId: "linkChannel",
        summary: "Link a channel to a group, as its chat or its forum (its admins only)",
        description:
          "`group` takes the group's id or slug: one of this community's groups or one open to all. Linking a " +
          "channel again to the same group changes its kind; a channel linked to another group answers 409.",
        tags,
        params: idParam,
        body: inputs.channelLink,
        response: { 201: channelLinkView, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await communities.linkChannel(signedIn(request), { communityId: request.params.id, ...request.body })),
  );

  app.delete(
    "/communities/:id/links/:channelId",
    {
      schema: {
        operationId: "unlinkChannel",
        summary: "Remove a channel's link (its admins only)",
        tags,
        params: channelParams,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await communities.unlinkChannel(signedIn(request), {
        communityId: request.params.id,
        channelId: request.params.channelId,
      });
      return reply.code(204).send();
    },
  );

  app.put(
    "/communities/:id/swaps-channel",
    {
      schema: {
        operationId: "setSwapsChannel",
        summary: "Set where private swap threads open in this community (its admins only)",
        tags,
        params: idParam,
        body: inputs.communityChannel,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await communities.setSwapsChannel(signedIn(request), { communityId: request.params.id, ...request.body });
      return reply.code(204).send();
    },
  );

  app.get(
    "/communities/:id/audit-log",
    {
      schema: {
        operationId: "getAuditLog",
        summary: "What the community's admins did, newest first (its admins only)",
        tags,
        params: idParam,
        querystring: pageQuery,
        response: { 200: auditPage, ...errorResponses },
      },
    },
    (request) => communities.auditLog(signedIn(request), request.params.id, request.query),
  );

  app.get(
    "/communities/:id/reports",
    {
      schema: {
        operationId: "listCommunityReports",
        summary: "The reports filed in the community, newest first (its admins only)",
        tags,
        params: idParam,
        querystring: reportListQuery,
        response: { 200: communityReportPage, ...errorResponses },
      },
    },
    (request) => moderation.reports(signedIn(request), request.params.id, request.query),
  );

  app.post(
    "/communities/:id/reports/:reportId/resolve",
    {
      schema: {
        operationId: "resolveCommunityReport",
        summary: "Close an open report as resolved or dismissed (its admins only); recorded in the audit log",
        tags,
        params: reportParams,
        body: inputs.reportResolution,
        response: { 200: communityReportView, ...errorResponses },
      },
    },
    (request) => moderation.resolveReport(signedIn(request), request.params.id, request.params.reportId, request.body),
  );

  return Promise.resolve();
};
