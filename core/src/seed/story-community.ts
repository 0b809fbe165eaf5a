import { day, hour, type StoryRows, type Surface, type Who } from "./story-rows.js";

type Posted = readonly [who: Who, text: string, surface: Surface, daysAgo: number];

/** A forum thread of the story, in a group its author and everyone replying belong to. */
interface StoryThread {
  /** Remembered so that a report can point at it. */
  readonly key: string;
  readonly group: string;
  readonly author: Who;
  readonly title: string;
  readonly body: string;
  readonly surface: Surface;
  readonly daysAgo: number;
  readonly replies: readonly Posted[];
}

const threads: readonly StoryThread[] = [
  {
    key: "compas",
    group: "guitar-circle",
    author: "maria",
    title: "Compás for beginners: one flamenco rhythm to practise this week",
    body: "Clap the twelve beats, accent 3, 6, 8, 10 and 12, then strum it slowly. Post how far you got!",
    surface: "discord",
    daysAgo: 12,
    replies: [
      [
        "theo",
        "Got to 80 bpm before my neighbours complained. The accents on 8 and 10 are the hard part.",
        "dashboard",
        11.8,
      ],
      [
        "guitarist",
        "Clapping it first is such a good tip. Recorded myself, sounds almost like a rhythm now.",
        "discord",
        11.4,
      ],
      ["sam", "I'm still on the clapping. Is it normal that my hands hurt more than my fingers?", "dashboard", 11],
      ["heckler", "Skip the swapping: cheap PRIVATE lessons, pay up front and DM me for the link 💸💸", "discord", 3],
    ],
  },
  {
    key: "capo",
    group: "guitar-circle",
    author: "theo",
    title: "Which capo do you use?",
    body: "Mine keeps buzzing on the 2nd fret. Spring or screw? Any brand you would recommend?",
    surface: "dashboard",
    daysAgo: 4,
    replies: [
      [
        "maria",
        "Screw capo for classical necks, tighten it just enough: most buzz comes from clamping too hard.",
        "discord",
        3.9,
      ],
      ["guitarist", "Spring capo here, and I moved it right behind the fret. Buzz gone.", "dashboard", 3.5],
    ],
  },
  {
    key: "first-project",
    group: "web-devs",
    author: "sam",
    title: "Show your first project: what did you build with JavaScript?",
    body: "Mine was a tip calculator that rounded everything to the nearest euro. Yours?",
    surface: "dashboard",
    daysAgo: 6,
    replies: [
      ["coder", "A to-do list that forgot everything on reload. localStorage was a revelation.", "dashboard", 5.6],
      ["sam", "Ha, the classic! Next step: make it sync. Happy to pair on it in a swap.", "dashboard", 5.2],
    ],
  },
];

/** Who follows whom, and how many days ago: the people to try both follow and are followed. */
const follows: ReadonlyArray<readonly [Who, Who, number]> = [
  ["sam", "maria", 70],
  ["theo", "maria", 9],
  ["maria", "theo", 9],
  ["maria", "sam", 39],
  ["sam", "theo", 29],
  ["theo", "sam", 29],
  ["guitarist", "maria", 11],
  ["guitarist", "theo", 11],
  ["coder", "sam", 5],
];

/** The people to try's threads and replies, with the events starting and answering them record. */
export function addThreads(rows: StoryRows): Map<string, { threadId: string; postIds: string[] }> {
  const written = new Map<string, { threadId: string; postIds: string[] }>();
  for (const thread of threads) {
    const started = rows.at(thread.daysAgo);
    const threadId = rows.idAt(started);
    const groupId = `demo-group-${thread.group}`;
    const authorId = rows.idOf(thread.author);
    const postIds: string[] = [];
    for (const [who, body, surface, daysAgo] of thread.replies) {
      const at = rows.at(daysAgo);
      const postId = rows.idAt(at);
      const replier = rows.idOf(who);
      postIds.push(postId);
      rows.posts.push({
        id: postId,
        threadId,
        authorId: replier,
        body,
        source: surface,
        externalId: rows.externalIdOf(surface, postId, at),
        createdAt: at,
      });
      rows.record(at, {
        type: "forum.replied",
        aggregateId: groupId,
        payload: { groupId, threadId, postId, authorId: replier, source: surface },
      });
    }
    const lastPostAt = rows.posts.filter((p) => p.threadId === threadId).at(-1)?.createdAt ?? started;
    rows.threads.push({
      id: threadId,
      groupId,
      authorId,
      title: thread.title,
      body: thread.body,
      source: thread.surface,
      externalId: rows.externalIdOf(thread.surface, threadId, started),
      createdAt: started,
      updatedAt: lastPostAt,
      lastPostAt,
    });
    rows.record(started, {
      type: "forum.thread_started",
      aggregateId: groupId,
      payload: { groupId, threadId, authorId, source: thread.surface },
    });
    written.set(thread.key, { threadId, postIds });
  }
  return written;
}

/** Follows as the follow use case leaves them: the row, and the event the followed person's page counts. */
export function addFollows(rows: StoryRows): void {
  for (const [follower, followee, daysAgo] of follows) {
    const at = rows.at(daysAgo);
    const [followerId, followeeId] = [rows.idOf(follower), rows.idOf(followee)];
    rows.follows.push({ followerId, followeeId, createdAt: at });
    rows.record(at, { type: "user.followed", aggregateId: followeeId, payload: { followerId, followeeId } });
  }
}

/**
 * Open reports for the admins of Makers & Learners (María among them): a spam post in the guitar circle and
 * the person who posted it, each as the forum and moderation use cases file them in the group's community.
 * The report of a review is filed as the reviews use case files it, for SkillSwap's operators (no community).
 */
export function addReports(
  rows: StoryRows,
  communityId: string,
  written: ReadonlyMap<string, { threadId: string; postIds: string[] }>,
  reportedReviewId: string | null,
): void {
  const spam = written.get("compas");
  const spamPost = spam?.postIds.at(-1);
  const hecklerId = rows.idOf("heckler");
  if (spam !== undefined && spamPost !== undefined)
    rows.reports.push({
      id: rows.idAt(rows.at(2.9)),
      reporterId: rows.idOf("theo"),
      threadId: spam.threadId,
      postId: spamPost,
      communityId,
      reason: "Spam: selling paid lessons outside SkillSwap, and asking for money up front.",
      createdAt: rows.at(2.9),
    });
  const personReport = rows.at(2.5);
  const personReportId = rows.idAt(personReport);
  rows.reports.push({
    id: personReportId,
    reporterId: rows.idOf("sam"),
    subjectUserId: hecklerId,
    communityId,
    reason: "Sent me three DMs asking me to pay for 'premium' lessons before we had even talked.",
    createdAt: personReport,
  });
  rows.record(personReport, {
    type: "user.reported",
    aggregateId: hecklerId,
    payload: { reportId: personReportId, reporterId: rows.idOf("sam"), subjectId: hecklerId },
  });
  if (reportedReviewId === null) return;
  const reviewReport = rows.at(1.5);
  const reviewReportId = rows.idAt(reviewReport);
  const reporterId = rows.idOf("maria");
  rows.reports.push({
    id: reviewReportId,
    reporterId,
    reviewId: reportedReviewId,
    subjectUserId: hecklerId,
    reason: "This review advertises paid lessons and says nothing about our swap.",
    createdAt: reviewReport,
  });
  rows.record(reviewReport, {
    type: "review.reported",
    aggregateId: reportedReviewId,
    payload: { reportId: reviewReportId, reviewId: reportedReviewId, reporterId },
  });
}

/** How long ago the people to try joined their groups: the day after they joined SkillSwap. */
export function addGroupJoins(
  rows: StoryRows,
  joins: ReadonlyArray<{ readonly userId: string; readonly groupSlug: string; readonly joinedAt: Date }>,
): void {
  for (const { userId, groupSlug, joinedAt } of joins) {
    const at = new Date(joinedAt.getTime() + day + hour);
    const groupId = `demo-group-${groupSlug}`;
    rows.groupMembers.push({ groupId, userId, role: "member", joinedAt: at });
    rows.record(at, { type: "group.joined", aggregateId: userId, payload: { userId, groupId, role: "member" } });
  }
}
