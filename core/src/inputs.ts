/**
 * The zod schemas of use-case inputs, for doors that describe them to their clients (the HTTP API validates a
 * body with the very schema core parses it with, and publishes it in OpenAPI). Core parses again whatever a
 * door passes: these are the contract, not a substitute for it.
 */
export { identityInput, profilePatch } from "./domain/profiles/input.js";
export {
  credentialsInput,
  emailSignUpInput,
  passwordChange,
  passwordReset,
  passwordResetRequest,
} from "./domain/identity/input.js";
export {
  cycleInput as swapCycleRequest,
  declineInput as swapDecline,
  requestInput as swapRequest,
} from "./domain/swaps/service.js";
export { rescheduleInput as sessionReschedule, scheduleInput as sessionSchedule } from "./domain/sessions/service.js";
export {
  editInput as reviewEdit,
  replyInput as reviewReply,
  reportInput as reviewReport,
  submitInput as reviewSubmit,
} from "./domain/reviews/service.js";
export {
  addSkillInput as skillAdd,
  availabilityInput as weeklyAvailability,
  catalogQuery as skillCatalogQuery,
  proposeSkillInput as skillProposal,
  reviewProposalInput as skillProposalReview,
  updateSkillInput as skillUpdate,
} from "./domain/skills/input.js";
export { peopleSearchInput as peopleSearch } from "./domain/search/service.js";
export { recommendInput as recommendations, teachersInput as teachersQuery } from "./domain/matching/service.js";
export { newMessage } from "./domain/conversations/input.js";
export { idempotencyKeyField as idempotencyKey } from "./domain/idempotency/rules.js";
export {
  createInput as groupCreate,
  memberInput as groupMember,
  roleChangeInput as groupRoleChange,
} from "./domain/social/group-input.js";
export {
  editThreadInput as forumThreadEdit,
  postFieldsInput as forumPost,
  reportInput as forumReport,
  threadFieldsInput as forumThread,
} from "./domain/social/forum-input.js";
export {
  channelFieldsInput as communityChannel,
  channelLinkFieldsInput as channelLink,
} from "./domain/communities/service.js";
export { handleInput as personHandle, reportInput as personReport } from "./domain/moderation/service.js";
export { resolutionInput as reportResolution } from "./domain/moderation/reports.js";
export { markReadInput as notificationsRead } from "./domain/notifications/service.js";
