import { inputs } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { errorResponses, handleParam, idParam, list, noContent } from "../../../schemas/common.js";
import {
  availabilityView,
  catalogCategory,
  catalogEntry,
  resolveQuery,
  skillIdParam,
  skillNames,
  skillProposalListQuery,
  skillProposalPage,
  skillResolution,
  suggestionsQuery,
  userSkillView,
} from "../../../schemas/skills.js";

const tags = ["skills"];

/** The catalog and its proposals, the skills on profiles, and weekly availability. */
export const skillsRoutes: FastifyPluginAsyncZod = (app) => {
  const { skills } = app.services;

  app.get(
    "/skills/catalog",
    {
      config: { signedOut: "allowed", costly: true },
      schema: {
        operationId: "getSkillCatalog",
        summary: "The approved skills by category; with `q`, only those whose name or an alias contains it",
        tags,
        querystring: inputs.skillCatalogQuery,
        response: { 200: list(catalogCategory), ...errorResponses },
      },
    },
    (request) => skills.catalog(request.query),
  );

  app.get(
    "/skills/suggestions",
    {
      config: { signedOut: "allowed", costly: true },
      schema: {
        operationId: "suggestSkills",
        summary: "Skill names for autocomplete, best first",
        description:
          "Names starting with what is typed come first, then names with an alias starting with it, then names or " +
          "aliases containing it.",
        tags,
        querystring: suggestionsQuery,
        response: { 200: skillNames, ...errorResponses },
      },
    },
    (request) => skills.suggest(request.query.q, request.query.limit),
  );

  app.get(
    "/skills/resolve",
    {
      schema: {
        operationId: "resolveSkill",
        summary: "The catalog skill a typed name means (aliases, translations, misspellings), or close spellings",
        description: "A skill proposed in one of my communities and still pending is found too.",
        tags,
        querystring: resolveQuery,
        response: { 200: skillResolution, ...errorResponses },
      },
    },
    (request) => skills.resolve(signedIn(request), request.query.name),
  );

  app.post(
    "/skills/proposals",
    {
      schema: {
        operationId: "proposeSkill",
        summary: "Propose a skill the catalog lacks: pending in my community until one of its admins decides",
        description: "`communityId` may be left out when I belong to exactly one community.",
        tags,
        body: inputs.skillProposal,
        response: { 201: catalogEntry, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await skills.propose(signedIn(request), request.body)),
  );

  app.get(
    "/communities/:id/skill-proposals",
    {
      schema: {
        operationId: "listPendingSkillProposals",
        summary: "The skills proposed in a community I administer, awaiting review, oldest first",
        description: "Decide each with `reviewSkillProposal`; a decided one leaves the list.",
        tags,
        params: idParam,
        querystring: skillProposalListQuery,
        response: { 200: skillProposalPage, ...errorResponses },
      },
    },
    (request) => skills.pendingProposals(signedIn(request), { communityId: request.params.id, ...request.query }),
  );

  app.post(
    "/skills/proposals/:id/review",
    {
      schema: {
        operationId: "reviewSkillProposal",
        summary: "Approve or reject a skill proposed in a community I administer",
        description: "Rejecting takes the skill off every profile that listed it.",
        tags,
        params: skillIdParam,
        body: inputs.skillProposalReview.omit({ skillId: true }),
        response: { 200: catalogEntry, ...errorResponses },
      },
    },
    (request) => skills.reviewProposal(signedIn(request), { skillId: request.params.id, ...request.body }),
  );

  app.get(
    "/me/skills",
    {
      schema: {
        operationId: "listMySkills",
        summary: "The skills on my profile, pending proposals included",
        tags,
        response: { 200: list(userSkillView), ...errorResponses },
      },
    },
    (request) => skills.mine(signedIn(request)),
  );

  app.post(
    "/me/skills",
    {
      schema: {
        operationId: "addMySkill",
        summary: "Put a skill on my profile, to teach or to learn",
        description:
          "`skill` is a name as typed (aliases, translations and common misspellings are understood); an unknown " +
          "one is refused on `skill` with close spellings in the message. Slots: `{ day, start, end }` with day " +
          '0 = Sunday … 6 = Saturday or "tue", times as minutes after midnight or "18:00"; or ' +
          "`{ weekday, startMinute, endMinute }` as answers show them.",
        tags,
        body: inputs.skillAdd,
        response: { 201: userSkillView, ...errorResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await skills.add(signedIn(request), request.body)),
  );

  app.patch(
    "/me/skills/:id",
    {
      schema: {
        operationId: "updateMySkill",
        summary: "Change the level, notes, meeting mode or own slots of a skill on my profile",
        description: "Send only the fields to change; `availability: null` goes back to my general availability.",
        tags,
        params: idParam,
        body: inputs.skillUpdate,
        response: { 200: userSkillView, ...errorResponses },
      },
    },
    (request) => skills.update(signedIn(request), request.params.id, request.body),
  );

  app.delete(
    "/me/skills/:id",
    {
      schema: {
        operationId: "removeMySkill",
        summary: "Take a skill off my profile",
        tags,
        params: idParam,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await skills.remove(signedIn(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/users/:handle/skills",
    {
      config: { signedOut: "allowed" },
      schema: {
        operationId: "listUserSkills",
        summary: "A person's skills, as I may see them (approved skills only, unless they are mine)",
        tags,
        params: handleParam,
        response: { 200: list(userSkillView), ...errorResponses },
      },
    },
    (request) => skills.listFor(request.actor, request.params.handle),
  );

  app.get(
    "/me/availability",
    {
      schema: {
        operationId: "getMyAvailability",
        summary: "My general weekly availability, in my profile's time zone, and how I meet",
        tags,
        response: { 200: availabilityView, ...errorResponses },
      },
    },
    (request) => skills.availability(signedIn(request)),
  );

  app.put(
    "/me/availability",
    {
      schema: {
        operationId: "setMyAvailability",
        summary: "Replace my general weekly availability (and, optionally, how I meet)",
        description:
          'Slots are `{ day, start, end }` in my profile\'s time zone: day 0 = Sunday … 6 = Saturday or "tue", ' +
          'times as minutes after midnight or "18:00"; or `{ weekday, startMinute, endMinute }` as the answer ' +
          "shows them, so what GET gave can be sent back. Touching slots are merged. An empty list means flexible.",
        tags,
        body: inputs.weeklyAvailability,
        response: { 200: availabilityView, ...errorResponses },
      },
    },
    (request) => skills.setAvailability(signedIn(request), request.body),
  );

  return Promise.resolve();
};
