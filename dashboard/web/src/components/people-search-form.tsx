import type { ComponentChildren } from "preact";
import { useEffect, useRef, useState } from "preact/hooks";
import type { MyCommunity, SkillCategory } from "../api/people.js";
import { filtersFromForm, sorts, weekdays, type PeopleFilters } from "../people-query.js";

const levelNames = ["Beginner", "Basics", "Intermediate", "Advanced", "Expert"];
const sortNames: Record<(typeof sorts)[number], string> = {
  relevance: "Best match",
  distance: "Nearest first",
  rating: "Best rated",
  recent: "Recently active",
};
const dayNames: Record<(typeof weekdays)[number], string> = {
  Mon: "Monday",
  Tue: "Tuesday",
  Wed: "Wednesday",
  Thu: "Thursday",
  Fri: "Friday",
  Sat: "Saturday",
  Sun: "Sunday",
};

export interface PeopleSearchFormProps {
  readonly filters: PeopleFilters;
  readonly categories: readonly SkillCategory[];
  /** The communities to search within; null when signed out (there are none to choose). */
  readonly communities: readonly MyCommunity[] | null;
  /** The API's sentences by field name, shown next to their fields. */
  readonly fieldErrors: Readonly<Record<string, string>>;
  readonly onSearch: (filters: PeopleFilters) => void;
}

interface ControlIds {
  readonly id: string;
  readonly "aria-invalid": "true" | undefined;
  readonly "aria-describedby": string | undefined;
}

/** A labelled control with its hint and the API's sentence about it, tied to it for screen readers. */
function Filter(props: {
  name: string;
  label: string;
  hint?: string;
  error: string | undefined;
  wide?: boolean;
  children: (ids: ControlIds) => ComponentChildren;
}) {
  const id = `people-${props.name}`;
  const described = [props.hint === undefined ? "" : `${id}-hint`, props.error === undefined ? "" : `${id}-error`]
    .filter((part) => part !== "")
    .join(" ");
  return (
    <div class={props.wide === true ? "field filter wide" : "field filter"}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint !== undefined && (
        <p class="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      )}
      {props.children({
        id,
        "aria-invalid": props.error === undefined ? undefined : "true",
        "aria-describedby": described === "" ? undefined : described,
      })}
      {props.error !== undefined && (
        <p class="field-error" id={`${id}-error`}>
          {props.error}
        </p>
      )}
    </div>
  );
}

/**
 * A day chosen without both times: the window would be left out and the search run for any day, so the person
 * is asked to finish it instead. Times without a day are the hint's "leave the day empty".
 */
function unfinishedWindowOf(form: FormData): string | undefined {
  const given = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value !== "";
  };
  return given("day") && !(given("from") && given("to")) ? "Choose both times, or leave the day empty." : undefined;
}

/**
 * The people search's form: free text and every filter of GET /api/v1/people. It shows the filters of the
 * page's address and hands what was submitted to `onSearch`, which puts it in the address; the form is
 * re-made from the address after back or forward, so what it shows is always what the results are for.
 */
export function PeopleSearchForm({ filters, categories, communities, fieldErrors, onSearch }: PeopleSearchFormProps) {
  const error = (name: string) => fieldErrors[name];
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // The API refused a filter: focus goes to it, so the person hears its sentence and can fix it at once.
    form.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
  }, [fieldErrors]);
  const [unfinishedWindow, setUnfinishedWindow] = useState<string | undefined>(undefined);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!(event.currentTarget instanceof HTMLFormElement)) return;
    const data = new FormData(event.currentTarget);
    const unfinished = unfinishedWindowOf(data);
    setUnfinishedWindow(unfinished);
    if (unfinished === undefined) onSearch(filtersFromForm(data));
    else event.currentTarget.querySelector<HTMLElement>("[name='day']")?.focus();
  };
  const windowError = unfinishedWindow ?? error("available");
  return (
    <form role="search" aria-label="People" class="people-search" ref={form} onSubmit={submit} noValidate>
      <div class="search-line">
        <Filter
          name="q"
          label="Skill, name or words"
          hint="Typos and other names of a skill are understood."
          error={error("q")}
          wide
        >
          {(ids) => <input type="search" name="q" defaultValue={filters.q} autoComplete="off" {...ids} />}
        </Filter>
        <button type="submit" class="button primary">
          Search
        </button>
      </div>
      <fieldset class="filters">
        <legend>Filters</legend>
        <Filter name="category" label="Category" error={error("category")}>
          {(ids) => (
            <select name="category" {...ids}>
              <option value="">Any category</option>
              {categories.map((category) => (
                <option key={category.slug} value={category.slug} selected={filters.category === category.slug}>
                  {category.name}
                </option>
              ))}
              {filters.category !== undefined && !categories.some((c) => c.slug === filters.category) && (
                <option value={filters.category} selected>
                  {filters.category}
                </option>
              )}
            </select>
          )}
        </Filter>
        <Filter name="direction" label="They" error={error("direction")}>
          {(ids) => (
            <select name="direction" {...ids}>
              <option value="">Teach or want to learn it</option>
              <option value="teach" selected={filters.direction === "teach"}>
                Teach it
              </option>
              <option value="learn" selected={filters.direction === "learn"}>
                Want to learn it
              </option>
            </select>
          )}
        </Filter>
        <Filter name="minLevel" label="Level at least" error={error("minLevel")}>
          {(ids) => (
            <select name="minLevel" {...ids}>
              <option value="">Any level</option>
              {levelNames.map((name, index) => (
                <option key={name} value={index + 1} selected={filters.minLevel === index + 1}>
                  {name}
                </option>
              ))}
            </select>
          )}
        </Filter>
        <Filter name="mode" label="Meeting" error={error("mode")}>
          {(ids) => (
            <select name="mode" {...ids}>
              <option value="">Online or in person</option>
              <option value="online" selected={filters.mode === "online"}>
                Online
              </option>
              <option value="in_person" selected={filters.mode === "in_person"}>
                In person
              </option>
            </select>
          )}
        </Filter>
        <Filter name="near" label="Around the city" hint="Leave empty for around your own city." error={error("near")}>
          {(ids) => (
            <input type="text" name="near" defaultValue={filters.near ?? ""} autoComplete="address-level2" {...ids} />
          )}
        </Filter>
        <Filter name="km" label="Within (km)" error={error("km")}>
          {(ids) => (
            <input
              type="number"
              name="km"
              min="1"
              inputMode="numeric"
              defaultValue={filters.km?.toString() ?? ""}
              {...ids}
            />
          )}
        </Filter>
        {communities !== null && communities.length > 0 && (
          <Filter name="community" label="Community" error={error("community")}>
            {(ids) => (
              <select name="community" {...ids}>
                <option value="">All I can see</option>
                {communities.map((community) => (
                  <option key={community.id} value={community.id} selected={filters.community === community.id}>
                    {community.name}
                  </option>
                ))}
              </select>
            )}
          </Filter>
        )}
        <Filter name="sort" label="Order" error={error("sort")}>
          {(ids) => (
            <select name="sort" {...ids}>
              {sorts.map((sort) => (
                // "Best match" sends no order: the API then picks it, nearest first for a distance-only search,
                // and the address stays the one a link without an order gives.
                <option
                  key={sort}
                  value={sort === "relevance" ? "" : sort}
                  selected={(filters.sort ?? "relevance") === sort}
                >
                  {sortNames[sort]}
                </option>
              ))}
            </select>
          )}
        </Filter>
        <fieldset
          class="time-window"
          aria-describedby={windowError === undefined ? "people-window-hint" : "people-window-hint people-window-error"}
        >
          <legend>Free on (each week, your time)</legend>
          <p class="hint" id="people-window-hint">
            Choose a day and both times, or leave the day empty.
          </p>
          <div class="window-fields">
            <label>
              Day
              <select name="day" aria-invalid={windowError === undefined ? undefined : "true"}>
                <option value="">Any day</option>
                {weekdays.map((day) => (
                  <option key={day} value={day} selected={filters.available?.day === day}>
                    {dayNames[day]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              From
              <input type="time" name="from" defaultValue={filters.available?.from ?? ""} />
            </label>
            <label>
              To
              <input type="time" name="to" defaultValue={filters.available?.to ?? ""} />
            </label>
          </div>
          {windowError !== undefined && (
            <p class="field-error" id="people-window-error">
              {windowError}
            </p>
          )}
        </fieldset>
      </fieldset>
    </form>
  );
}
