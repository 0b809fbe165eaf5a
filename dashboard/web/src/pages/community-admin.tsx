import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { listMyCommunities, type Community } from "../api/communities.js";
import { AdminAuditLog } from "../components/admin-audit-log.js";
import { AdminChannelLinks } from "../components/admin-channel-links.js";
import { AdminReports } from "../components/admin-reports.js";
import { AdminSwapsChannel } from "../components/admin-swaps-channel.js";
import { Failure, Loading } from "../components/load-state.js";
import { SignedInOnly, failureText } from "../components/signed-in-only.js";
import { usePageTitle } from "../page-title.js";
import "../groups.css";
import "../swap-pages.css";

type Loaded =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly message: string }
  | { readonly state: "shown"; readonly communities: readonly Community[] };

const platformNames = { discord: "Discord server", slack: "Slack workspace" } as const;

function NotAnAdmin() {
  usePageTitle("Community admin");
  return (
    <>
      <h1>Community admin</h1>
      <p>
        You are not an admin of any community. This page is for the admins of a Discord server or a Slack workspace
        where SkillSwap runs; SkillSwap learns who they are from the platform.
      </p>
      <p>
        <a href="/groups">See the groups instead</a>
      </p>
    </>
  );
}

function AdminOf({ community, choices }: { community: Community; choices: readonly Community[] }) {
  usePageTitle(`Admin · ${community.name}`);
  const [shown, setShown] = useState(community);
  const [said, setSaid] = useState("");
  const [failed, setFailed] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const announce = (sentence: string, failure = false) => {
    setSaid(failure ? "" : sentence);
    setFailed(failure ? sentence : null);
    if (!failure) setRound((n) => n + 1);
  };
  return (
    <>
      <h1>Admin of {community.name}</h1>
      <p class="muted">{platformNames[community.platform]}</p>
      {choices.length > 1 && (
        <nav aria-label="Communities you administer">
          <ul class="tabs">
            {choices.map((c) => (
              <li key={c.id}>
                <a href={`/admin?community=${c.id}`} aria-current={c.id === community.id ? "page" : undefined}>
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <p role="status" class="confirmation">
        {said}
      </p>
      {failed !== null && <Failure>{failed}</Failure>}
      <AdminReports communityId={community.id} announce={announce} />
      <AdminChannelLinks community={community} announce={announce} />
      <AdminSwapsChannel
        community={shown}
        onSet={(channelId) => {
          setShown({ ...shown, swapsChannelId: channelId });
          announce(`Private swap threads now open in channel ${channelId}.`);
        }}
      />
      <AdminAuditLog communityId={community.id} round={round} />
    </>
  );
}

function Admin() {
  const { query } = useLocation();
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  useEffect(() => {
    let current = true;
    listMyCommunities().then(
      (mine) => current && setLoaded({ state: "shown", communities: mine.filter((c) => c.role === "admin") }),
      (error: unknown) =>
        current && setLoaded({ state: "failed", message: failureText(error, "Your communities could not be loaded.") }),
    );
    return () => {
      current = false;
    };
  }, []);
  if (loaded.state !== "shown")
    return (
      <>
        <h1>Community admin</h1>
        {loaded.state === "loading" ? (
          <Loading>Loading your communities…</Loading>
        ) : (
          <Failure>{loaded.message}</Failure>
        )}
      </>
    );
  const { communities } = loaded;
  const community = communities.find((c) => c.id === query["community"]) ?? communities[0];
  if (community === undefined) return <NotAnAdmin />;
  return <AdminOf key={community.id} community={community} choices={communities} />;
}

/**
 * /admin: the admin page of a community I administer (?community= picks one when there are several): its
 * reports, its channels linked to groups, its swaps channel and its audit log. Anyone else is told plainly.
 */
export function CommunityAdmin() {
  return (
    <SignedInOnly title="Community admin" what="administer your community">
      {() => <Admin />}
    </SignedInOnly>
  );
}
