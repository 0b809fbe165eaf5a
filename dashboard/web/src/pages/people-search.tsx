import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { ApiError } from "../api/client.js";
import {
  communitiesOfMine,
  searchPeople,
  skillCategories,
  type MyCommunity,
  type PersonHit,
  type SkillCategory,
} from "../api/people.js";
import { PeopleSearchForm } from "../components/people-search-form.js";
import { PersonCard } from "../components/person-card.js";
import { usePageTitle } from "../page-title.js";
import { addressOf, filtersFromQuery, isFiltered, type PeopleFilters } from "../people-query.js";
import { useSession } from "../session.js";
import { Failure } from "../components/load-state.js";
import "../people.css";

type Results =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly error: ApiError }
  | {
      readonly state: "shown";
      readonly people: readonly PersonHit[];
      readonly nextCursor: string | null;
      /** How many were shown before the last "Load more": focus goes to the first new one. */
      readonly firstNew: number | null;
    };

const noFieldErrors: Readonly<Record<string, string>> = {};

const failureOf = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(0, "UNEXPECTED", "The search did not work.");

/** The filters' choices that come from the API: categories for all, communities for who is signed in. */
function useFilterChoices(signedIn: boolean) {
  const [categories, setCategories] = useState<readonly SkillCategory[]>([]);
  const [communities, setCommunities] = useState<readonly MyCommunity[] | null>(null);
  useEffect(() => {
    skillCategories().then(setCategories, () => setCategories([]));
  }, []);
  useEffect(() => {
    if (!signedIn) return setCommunities(null);
    communitiesOfMine().then(setCommunities, () => setCommunities(null));
  }, [signedIn]);
  return { categories, communities };
}

/** The results of the address's search, and "Load more" on them. A newer search drops an older one's answer. */
function useSearch(filters: PeopleFilters, attempt: number) {
  const [results, setResults] = useState<Results>({ state: "loading" });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailure, setMoreFailure] = useState<string | null>(null);
  const current = useRef(0);
  useEffect(() => {
    const search = ++current.current;
    setResults({ state: "loading" });
    setMoreFailure(null);
    searchPeople(filters).then(
      (page) => {
        if (search === current.current)
          setResults({ state: "shown", people: page.items, nextCursor: page.nextCursor, firstNew: null });
      },
      (error: unknown) => {
        if (search === current.current) setResults({ state: "failed", error: failureOf(error) });
      },
    );
  }, [filters, attempt]);

  const loadMore = () => {
    if (results.state !== "shown" || results.nextCursor === null || loadingMore) return;
    const search = current.current;
    setLoadingMore(true);
    setMoreFailure(null);
    searchPeople(filters, results.nextCursor)
      .then(
        (page) => {
          if (search !== current.current) return;
          setResults({
            state: "shown",
            people: [...results.people, ...page.items],
            nextCursor: page.nextCursor,
            firstNew: results.people.length,
          });
        },
        (error: unknown) => setMoreFailure(failureOf(error).message),
      )
      .finally(() => setLoadingMore(false));
  };
  return { results, loadingMore, moreFailure, loadMore };
}

function ResultList({ results }: { results: Extract<Results, { state: "shown" }> }) {
  const list = useRef<HTMLUListElement>(null);
  useEffect(() => {
    // After "Load more", keyboard and screen reader users continue from the first person added.
    if (results.firstNew !== null) list.current?.children[results.firstNew]?.querySelector("a")?.focus();
  }, [results]);
  return (
    <ul class="people-results" ref={list}>
      {results.people.map((person) => (
        <li key={person.handle}>
          <PersonCard person={person} />
        </li>
      ))}
    </ul>
  );
}

function SearchResults({ filters, search }: { filters: PeopleFilters; search: ReturnType<typeof useSearch> }) {
  const { results, loadingMore, moreFailure, loadMore } = search;
  const count = results.state === "shown" ? results.people.length : 0;
  const more = results.state === "shown" && results.nextCursor !== null;
  return (
    <section class="results" aria-labelledby="results-title" aria-busy={results.state === "loading" || loadingMore}>
      <h2 id="results-title">
        {results.state === "shown" && count > 0 ? `People found: ${count}${more ? "+" : ""}` : "People found"}
      </h2>
      <p role="status" class="muted">
        {results.state === "loading"
          ? "Searching…"
          : results.state === "shown" && count > 0
            ? `Showing ${count} ${count === 1 ? "person" : "people"}${more ? "; there are more" : ""}.`
            : ""}
      </p>
      {results.state === "failed" && Object.keys(results.error.fields).length === 0 && (
        <Failure>{results.error.message}</Failure>
      )}
      {results.state === "failed" && Object.keys(results.error.fields).length > 0 && (
        <Failure>{results.error.message} See the filters above.</Failure>
      )}
      {results.state === "shown" && count === 0 && (
        <div class="no-results">
          <p>Nobody matches this search.</p>
          {isFiltered(filters) && (
            <p>
              Try another spelling or fewer filters, or <a href="/people">clear the search</a>.
            </p>
          )}
        </div>
      )}
      {results.state === "shown" && count > 0 && <ResultList results={results} />}
      {moreFailure !== null && <Failure>{moreFailure}</Failure>}
      {more && (
        <button type="button" class="button load-more" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? "Loading more people…" : "Load more"}
        </button>
      )}
    </section>
  );
}

/**
 * /people: search by skill, text and filters. The address holds the search (see people-query.ts), so back,
 * forward, reload and a shared link show the same results; signed out, it searches the public profiles.
 */
export function PeopleSearch() {
  usePageTitle("Find people");
  const { query, route } = useLocation();
  const { session } = useSession();
  const queryKey = JSON.stringify(query);
  // The query object is new on every render; its text is not.
  const filters = useMemo(() => filtersFromQuery(query), [queryKey]);
  const address = addressOf(filters);
  const [attempt, setAttempt] = useState(0);
  const { categories, communities } = useFilterChoices(session.state === "signed-in");
  const search = useSearch(filters, attempt);
  const { results } = search;

  const onSearch = (next: PeopleFilters) => {
    const nextAddress = addressOf(next);
    // The same search again is a retry (after a failure, or to see who is new): asked again, not a new entry.
    if (nextAddress === address) setAttempt((n) => n + 1);
    else route(nextAddress);
  };
  return (
    <>
      <h1>Find people</h1>
      {session.state === "signed-out" && (
        <p class="muted">
          You are searching public profiles. <a href="/">Sign in</a> to also find the people of your communities.
        </p>
      )}
      <PeopleSearchForm
        key={address}
        filters={filters}
        categories={categories}
        communities={communities}
        fieldErrors={results.state === "failed" ? results.error.fields : noFieldErrors}
        onSearch={onSearch}
      />
      <SearchResults filters={filters} search={search} />
    </>
  );
}
