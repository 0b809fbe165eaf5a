import type { VNode } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api/client.js";
import {
  myRecommendations,
  type CycleRecommendation,
  type PairRecommendation,
  type Recommendations,
  type TeacherRecommendation,
} from "../api/recommendations.js";
import { requestCycle, requestSwap } from "../api/swap-requests.js";
import { profileAddress } from "../components/person-card.js";
import { levelName } from "../skill-levels.js";
import { RequestButton } from "../components/request-button.js";
import { SwapCycleDiagram } from "../components/swap-cycle-diagram.js";
import { usePageTitle } from "../page-title.js";
import { useSession } from "../session.js";
import { Failure, Loading } from "../components/load-state.js";
import "../people.css";

const percent = (score: number) => `${Math.round(score * 100)}% fit`;
const away = (km: number | null) => (km === null ? "" : ` · ${km.toFixed(0)} km away`);

function Pair({ pair }: { pair: PairRecommendation }) {
  return (
    <article class="match">
      <h3>
        <a href={profileAddress(pair.handle)}>{pair.displayName}</a>
      </h3>
      <p class="muted">
        {percent(pair.score)}
        {away(pair.distanceKm)}
      </p>
      <p>
        Teaches you <strong>{pair.theyTeach.name}</strong> ({levelName(pair.theyTeach.level)}); you teach{" "}
        <strong>{pair.youTeach.name}</strong> ({levelName(pair.youTeach.level)}).
      </p>
      <p class="why">
        <span class="why-label">Why: </span>
        {pair.explanation}
      </p>
      <RequestButton
        label={`Request a swap with ${pair.displayName}`}
        send={() => requestSwap({ to: pair.handle, want: pair.theyTeach.name, offer: pair.youTeach.name })}
        done={`Swap requested with ${pair.displayName}: ${pair.theyTeach.name} for ${pair.youTeach.name}.`}
      />
    </article>
  );
}

function Teacher({ teacher }: { teacher: TeacherRecommendation }) {
  return (
    <article class="match">
      <h3>
        <a href={profileAddress(teacher.handle)}>{teacher.displayName}</a>
      </h3>
      <p class="muted">
        Teaches {teacher.skill.name} ({levelName(teacher.skill.level)}){away(teacher.distanceKm)}
      </p>
      <p class="why">
        <span class="why-label">Why: </span>
        {teacher.explanation}
      </p>
      <RequestButton
        label={`Ask ${teacher.displayName} to teach you ${teacher.skill.name}`}
        send={() => requestSwap({ to: teacher.handle, want: teacher.skill.name })}
        done={`Asked ${teacher.displayName} to teach you ${teacher.skill.name}.`}
      />
    </article>
  );
}

function Cycle({ cycle, me }: { cycle: CycleRecommendation; me: string }) {
  const [first, second, third] = cycle.links;
  const [next, after] = cycle.people;
  return (
    <article class="match">
      <h3>With {cycle.people.map((handle) => `@${handle}`).join(" and ")}</h3>
      <SwapCycleDiagram cycle={cycle} me={me} />
      {first !== undefined &&
        second !== undefined &&
        third !== undefined &&
        next !== undefined &&
        after !== undefined && (
          <RequestButton
            label="Propose this three-person swap"
            send={() =>
              requestCycle({
                next,
                after,
                youTeach: first.skill.name,
                nextTeaches: second.skill.name,
                afterTeaches: third.skill.name,
              })
            }
            done={`Three-person swap proposed to @${next} and @${after}.`}
          />
        )}
    </article>
  );
}

function Group({ id, title, empty, children }: { id: string; title: string; empty: string; children: VNode[] }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <ul class="matches">
          {children.map((child, index) => (
            <li key={index}>{child}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Shown({ found, me }: { found: Recommendations; me: string }) {
  const skillsLink = (
    <>
      Add skills you teach and want on <a href="/me">your profile</a>, or <a href="/people">search for people</a>.
    </>
  );
  if (found.pairs.length + found.teachers.length + found.cycles.length === 0)
    return <p>Nobody to suggest yet. {skillsLink}</p>;
  return (
    <>
      <Group
        id="pairs-title"
        title="Swap partners"
        empty="Nobody teaches what you want while wanting what you teach, yet."
      >
        {found.pairs.map((pair) => (
          <Pair key={pair.handle} pair={pair} />
        ))}
      </Group>
      <Group id="cycles-title" title="Three-person swaps" empty="No three-person swap through you, yet.">
        {found.cycles.map((cycle) => (
          <Cycle key={cycle.people.join()} cycle={cycle} me={me} />
        ))}
      </Group>
      <Group id="teachers-title" title="People who can teach you" empty="Nobody teaches what you want to learn, yet.">
        {found.teachers.map((teacher) => (
          <Teacher key={`${teacher.handle}-${teacher.skill.name}`} teacher={teacher} />
        ))}
      </Group>
    </>
  );
}

function MyMatches({ me }: { me: string }) {
  const [found, setFound] = useState<Recommendations | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    myRecommendations().then(setFound, (error: unknown) =>
      setFailure(error instanceof ApiError ? error.message : "Your matches could not be loaded."),
    );
  }, []);
  if (failure !== null) return <Failure>{failure} Reload the page to try again.</Failure>;
  if (found === null) return <Loading>Finding your matches…</Loading>;
  return <Shown found={found} me={me} />;
}

/** /matches: whom to swap with, each offer explained — pairs, three-person cycles, and one-way teachers. */
export function Matches() {
  usePageTitle("Your matches");
  const { session } = useSession();
  return (
    <>
      <h1>Your matches</h1>
      <p class="lead">People to swap with, best first, and why each one fits you.</p>
      {session.state === "loading" && <Loading>Checking whether you are signed in…</Loading>}
      {session.state === "signed-out" && (
        <p>
          <a href="/">Sign in</a> to see who matches you. Anyone can <a href="/people">search for people</a>.
        </p>
      )}
      {session.state === "signed-in" && <MyMatches key={session.person.id} me={session.person.handle} />}
    </>
  );
}
