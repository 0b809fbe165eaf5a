import { useEffect, useState } from "preact/hooks";
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from "preact-iso";
import { Layout } from "./layout.js";
import { SessionProvider } from "./session.js";
import { PageFailed } from "./pages/page-failed.js";

// Each page is its own chunk: the first visit downloads the landing page's code only.
const Landing = lazy(() => import("./pages/landing.js").then((m) => m.Landing));
const Me = lazy(() => import("./pages/me.js").then((m) => m.Me));
const Skills = lazy(() => import("./pages/skills.js").then((m) => m.Skills));
const PeopleSearch = lazy(() => import("./pages/people-search.js").then((m) => m.PeopleSearch));
const PeopleProfile = lazy(() => import("./pages/people-profile.js").then((m) => m.PeopleProfile));
const Matches = lazy(() => import("./pages/matches.js").then((m) => m.Matches));
const SettingsProfile = lazy(() => import("./pages/settings-profile.js").then((m) => m.SettingsProfile));
const Account = lazy(() => import("./pages/account.js").then((m) => m.Account));
const NotFound = lazy(() => import("./pages/not-found.js").then((m) => m.NotFound));
const SwapsInbox = lazy(() => import("./pages/swaps-inbox.js").then((m) => m.SwapsInbox));
const SwapDetail = lazy(() => import("./pages/swaps-detail.js").then((m) => m.SwapDetail));
const ConversationThread = lazy(() => import("./pages/conversations-thread.js").then((m) => m.ConversationThread));
const ReviewsReceived = lazy(() => import("./pages/reviews-received.js").then((m) => m.ReviewsReceived));
const ConversationsList = lazy(() => import("./pages/conversations-list.js").then((m) => m.ConversationsList));
const GroupsList = lazy(() => import("./pages/groups-list.js").then((m) => m.GroupsList));
const GroupsDetail = lazy(() => import("./pages/groups-detail.js").then((m) => m.GroupsDetail));
const GroupsThread = lazy(() => import("./pages/groups-thread.js").then((m) => m.GroupsThread));
const CommunityAdmin = lazy(() => import("./pages/community-admin.js").then((m) => m.CommunityAdmin));
const Welcome = lazy(() => import("./pages/welcome.js").then((m) => m.Welcome));
const Feed = lazy(() => import("./pages/feed.js").then((m) => m.Feed));
const Following = lazy(() => import("./pages/follow-lists.js").then((m) => m.Following));
const Followers = lazy(() => import("./pages/follow-lists.js").then((m) => m.Followers));

/**
 * Addresses the router handles in the page. Everything else (/api, the OAuth starts under /auth, login links,
 * avatars) is the server's, so a link to it is a real navigation and not a "page not found".
 */
const pageAddresses = /^\/(?!(api|auth|login|avatars|health|ready)(\/|$))/;

/** The pages, behind one error boundary that a move to another address resets. */
function Pages() {
  const { url } = useLocation();
  const [failure, setFailure] = useState<Error | null>(null);
  useEffect(() => setFailure(null), [url]);
  if (failure !== null) return <PageFailed error={failure} />;
  return (
    <ErrorBoundary onError={setFailure}>
      <Router>
        <Route path="/" component={Landing} />
        <Route path="/me" component={Me} />
        <Route path="/swaps" component={SwapsInbox} />
        <Route path="/swaps/:id" component={SwapDetail} />
        <Route path="/conversations" component={ConversationsList} />
        <Route path="/conversations/:id" component={ConversationThread} />
        <Route path="/reviews" component={ReviewsReceived} />
        <Route path="/settings/profile" component={SettingsProfile} />
        <Route path="/account" component={Account} />
        <Route path="/skills" component={Skills} />
        <Route path="/people" component={PeopleSearch} />
        <Route path="/people/:handle" component={PeopleProfile} />
        <Route path="/matches" component={Matches} />
        <Route path="/groups" component={GroupsList} />
        <Route path="/groups/:id" component={GroupsDetail} />
        <Route path="/groups/:id/threads/:threadId" component={GroupsThread} />
        <Route path="/admin" component={CommunityAdmin} />
        <Route path="/welcome" component={Welcome} />
        <Route path="/feed" component={Feed} />
        <Route path="/following" component={Following} />
        <Route path="/followers" component={Followers} />
        <Route default component={NotFound} />
      </Router>
    </ErrorBoundary>
  );
}

export function App() {
  return (
    <LocationProvider scope={pageAddresses}>
      <SessionProvider>
        <Layout>
          <Pages />
        </Layout>
      </SessionProvider>
    </LocationProvider>
  );
}
