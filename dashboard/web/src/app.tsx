import { useEffect, useState } from "preact/hooks";
import { ErrorBoundary, LocationProvider, Route, Router, lazy, useLocation } from "preact-iso";
import { Layout } from "./layout.js";
import { SessionProvider } from "./session.js";
import { PageFailed } from "./pages/page-failed.js";

// Each page is its own chunk: the first visit downloads the landing page's code only.
const Landing = lazy(() => import("./pages/landing.js").then((m) => m.Landing));
const Me = lazy(() => import("./pages/me.js").then((m) => m.Me));
const NotFound = lazy(() => import("./pages/not-found.js").then((m) => m.NotFound));

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
