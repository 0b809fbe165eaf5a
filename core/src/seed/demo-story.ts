import type { Tx } from "../infra/prisma/database.js";
import { peopleToTry, type TryMember } from "./people-to-try.js";
import { castCrowd, home, namesFor, writeRoles } from "./story-cast.js";
import { addFollows, addGroupJoins, addReports, addThreads } from "./story-community.js";
import { storyNotifications } from "./story-notifications.js";
import { StoryRows, type Who } from "./story-rows.js";
import { addSwap, type StorySwap } from "./story-swaps.js";

/**
 * What the people to try have been through, together and with a few of the crowd: each of them has swaps in
 * every state (a request waiting in each direction, swaps on with a conversation, done with sessions and
 * reviews, declined, expired, withdrawn) and a three-person cycle.
 */
const story: readonly StorySwap[] = [
  {
    kind: "one_way",
    requester: "sam",
    recipient: "maria",
    offer: null,
    want: "spanish",
    message: "Hola María! I start a job in Madrid next spring. Could you get my Spanish going?",
    status: "completed",
    askedDaysAgo: 75,
    answeredDaysAgo: 74,
    chat: [
      ["maria", "¡Claro que sí! Thursday evenings, online, to start?"],
      ["sam", "Perfect. See you Thursday at 18:30.", "discord"],
    ],
    sessions: [
      ["maria", 70],
      ["maria", 63],
      ["maria", 56],
      ["maria", 49],
    ],
    reviews: [
      [
        "sam",
        5,
        "María explains the subjunctive with flamenco lyrics. I finally get it.",
        "¡Gracias, Sam! Send me a postcard from Madrid.",
      ],
      ["maria", 5, "Came to every session with questions and a smile. ¡Suerte en Madrid!"],
    ],
  },
  {
    kind: "one_way",
    requester: "sam",
    recipient: "theo",
    offer: null,
    want: "french",
    message: "Salut Théo! My French is stuck at office level. Could we just talk, once a week?",
    status: "completed",
    askedDaysAgo: 60,
    answeredDaysAgo: 59,
    chat: [
      ["theo", "Avec plaisir! Sunday afternoons, we talk about anything but work.", "slack"],
      ["sam", "Deal. I'll bring questions about Marseille slang.", "dashboard"],
    ],
    sessions: [
      ["theo", 52],
      ["theo", 45],
      ["theo", 38],
    ],
    reviews: [
      ["sam", 5, "Théo made me talk for an hour about cheese without a single English word. Magic."],
      ["theo", 4, "Sam works hard and laughs at my jokes. Still says 'je suis excité' though.", "C'est noté 😅"],
    ],
  },
  {
    kind: "one_way",
    requester: "heckler",
    recipient: "maria",
    offer: null,
    want: "guitar",
    message: "Guitar lessons?",
    status: "completed",
    askedDaysAgo: 34,
    answeredDaysAgo: 33,
    completedDaysAgo: 8,
    chat: [["maria", "Sure! Tuesday at 18:00 online?"]],
    reviews: [["heckler", 1, "Meh. Real lessons are better: DM me, I teach guitar for cash, pay up front."]],
  },
  {
    kind: "one_way",
    requester: "maria",
    recipient: "sam",
    offer: null,
    want: "python",
    message: "Sam, could you show me Python? I'd like to sort my students' recordings automatically.",
    status: "declined",
    askedDaysAgo: 35,
    answeredDaysAgo: 34,
    declineReason: "My evenings are full until next month. Let's find a way after that!",
  },
  {
    kind: "pair",
    requester: "theo",
    recipient: "sam",
    offer: "cooking",
    want: "javascript",
    message: "Salut Sam! I'd like to build a website for my photos. JavaScript for cooking lessons?",
    status: "declined",
    askedDaysAgo: 25,
    answeredDaysAgo: 24,
    declineReason: "Fully booked until the summer, sorry! Ask me again then.",
  },
  {
    kind: "one_way",
    requester: "sam",
    recipient: "maria",
    offer: null,
    want: "guitar",
    message: "Could you teach me a few chords? Total beginner here.",
    status: "expired",
    askedDaysAgo: 50,
  },
  {
    kind: "pair",
    requester: "theo",
    recipient: "maria",
    offer: "photography",
    want: "spanish",
    message: "Photography for Spanish, before my trip to Andalusia?",
    status: "expired",
    askedDaysAgo: 45,
  },
  {
    kind: "one_way",
    requester: "sam",
    recipient: "theo",
    offer: null,
    want: "cooking",
    message: "Could you teach me your bouillabaisse?",
    status: "cancelled",
    askedDaysAgo: 20,
    answeredDaysAgo: 19,
    cancelledBy: "sam",
  },
  {
    kind: "one_way",
    requester: "theo",
    recipient: "maria",
    offer: null,
    want: "guitar",
    message: "Guitar lessons, María?",
    status: "cancelled",
    askedDaysAgo: 12,
    answeredDaysAgo: 11,
    cancelledBy: "theo",
  },
  {
    kind: "pair",
    requester: "theo",
    recipient: "maria",
    offer: "photography",
    want: "guitar",
    message: "Bonjour María! Photography for guitar rather? Saturday mornings suit me.",
    status: "accepted",
    askedDaysAgo: 10,
    answeredDaysAgo: 9,
    chat: [
      ["maria", "With pleasure! Online first, and in person when I'm in Marseille?", "discord"],
      ["theo", "Deal. Bring your camera questions, I'll bring my terrible barre chords.", "slack"],
      ["maria", "Saturday 10:00 then. I'll send a link on Friday.", "dashboard"],
      ["theo", "Merci pour samedi ! My fingers hurt, in a good way.", "slack"],
    ],
    sessions: [
      ["maria", 2],
      ["theo", -3],
    ],
  },
  {
    kind: "cycle",
    requester: "maria",
    recipient: "theo",
    offer: "spanish",
    want: "python",
    cycle: { after: "sam", nextTeaches: "french" },
    message: "A three-way swap: I teach Théo Spanish, Théo teaches Sam French, Sam teaches me Python?",
    status: "accepted",
    askedDaysAgo: 6,
    answeredDaysAgo: 5,
    chat: [
      ["maria", "We're on! Shall we each meet once a week, same evening?", "discord"],
      ["sam", "Wednesdays work for me. María, bring a laptop with Python installed 🐍", "dashboard"],
      ["theo", "Wednesdays are good. Sam, I'll correct your French in the chat too 😉", "slack"],
    ],
    sessions: [["sam", -2]],
  },
  {
    kind: "pair",
    requester: "sam",
    recipient: "maria",
    offer: "python",
    want: "guitar",
    message: "Python for guitar? Wednesday evenings work for me.",
    status: "pending",
    askedDaysAgo: 2,
  },
  {
    kind: "pair",
    requester: "maria",
    recipient: "theo",
    offer: "spanish",
    want: "photography",
    message: "Your trip to Andalusia is coming up: Spanish for a few photo walks?",
    status: "pending",
    askedDaysAgo: 1,
  },
  {
    kind: "one_way",
    requester: "theo",
    recipient: "sam",
    offer: null,
    want: "javascript",
    message: "It's summer now 😄 Still up for some JavaScript? My photo website awaits.",
    status: "pending",
    askedDaysAgo: 0.5,
  },
];

/**
 * The people to try's groups, follows, swaps, sessions, conversations, reviews, forum threads and reports, and
 * the outbox events the use cases would have recorded. The events are written as delivered, in the order they
 * happened: they are the demo's history, so `skillswap outbox` and the feed of followers show it, while the
 * dispatcher has nothing to send and nobody is notified of the past again. The dashboard inbox of the people
 * to try holds what the notifications subscriber made of that history.
 */
export async function writeDemoStory(tx: Tx, now: number, members: readonly TryMember[]): Promise<void> {
  await writeRoles(tx, members);
  const cast = new Map<Who, string>([...peopleToTry.map((p) => [p.key, p.id] as const), ...(await castCrowd(tx))]);
  const rows = new StoryRows(now, cast);
  addGroupJoins(
    rows,
    peopleToTry.flatMap((person, i) =>
      person.groups.map((groupSlug) => ({
        userId: person.id,
        groupSlug,
        joinedAt: members[i]?.joinedAt ?? new Date(now),
      })),
    ),
  );
  addFollows(rows);
  for (const swap of story) addSwap(rows, swap);
  const threads = addThreads(rows);
  const reported = rows.reviews.find((r) => r.authorId === cast.get("heckler"))?.id ?? null;
  addReports(rows, home.id, threads, reported);
  const names = await namesFor(tx, [...cast.values()]);
  const notifications = storyNotifications(rows, names, new Set(peopleToTry.map((p) => p.id)));
  await tx.groupMember.createMany({ data: rows.groupMembers });
  await tx.follow.createMany({ data: rows.follows });
  await tx.swap.createMany({ data: rows.swaps });
  await tx.swapParticipant.createMany({ data: rows.participants });
  await tx.swapSession.createMany({ data: rows.sessions });
  await tx.sessionConfirmation.createMany({ data: rows.confirmations });
  await tx.conversation.createMany({ data: rows.conversations });
  await tx.conversationParticipant.createMany({ data: rows.members });
  await tx.message.createMany({ data: rows.messages });
  await tx.review.createMany({ data: rows.reviews });
  await tx.forumThread.createMany({ data: rows.threads });
  await tx.forumPost.createMany({ data: rows.posts });
  await tx.report.createMany({ data: rows.reports });
  await tx.outboxEvent.createMany({
    data: rows.eventsInOrder().map(({ id, at, event }) => ({
      id,
      type: event.type,
      aggregateId: event.aggregateId,
      payload: JSON.stringify(event.payload),
      status: "delivered",
      createdAt: at,
      availableAt: at,
      deliveredAt: at,
    })),
  });
  await tx.notification.createMany({ data: notifications });
}
