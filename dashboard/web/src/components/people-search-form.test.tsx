// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/preact";
import { updateSelectedness } from "happy-dom/lib/PropertySymbol.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { MyCommunity, SkillCategory } from "../api/people.js";
import { addressOf, type PeopleFilters } from "../people-query.js";
import { PeopleSearchForm } from "./people-search-form.js";

// What GET /api/v1/skills/catalog and GET /api/v1/communities answer, as the page hands them to the form.
const categories: SkillCategory[] = [
  { slug: "music", name: "Music" },
  { slug: "languages", name: "Languages" },
];
const communities: MyCommunity[] = [
  { id: "cm_rustaceans", name: "Rustaceans (Discord)" },
  { id: "cm_acme", name: "Acme (Slack)" },
];

function openForm(
  filters: PeopleFilters = { q: "" },
  options: { communities?: readonly MyCommunity[] | null; fieldErrors?: Record<string, string> } = {},
) {
  const searches: PeopleFilters[] = [];
  render(
    <PeopleSearchForm
      filters={filters}
      categories={categories}
      communities={options.communities === undefined ? communities : options.communities}
      fieldErrors={options.fieldErrors ?? {}}
      onSearch={(search) => searches.push(search)}
    />,
  );
  /** The page's address each search went to, as the person sees it. */
  return { searches, addresses: () => searches.map(addressOf) };
}

const form = () => within(screen.getByRole("search", { name: "People" }));
const search = () => fireEvent.click(form().getByRole("button", { name: "Search" }));
const type = (label: string, value: string) => fireEvent.input(form().getByLabelText(label), { target: { value } });

function select(label: string) {
  const field = form().getByLabelText(label);
  if (!(field instanceof HTMLSelectElement)) throw new Error(`${label} is not a list to choose from`);
  return field;
}
function choose(label: string, optionText: string) {
  const option = Array.from(select(label).options).find((candidate) => candidate.text === optionText);
  if (option === undefined) throw new Error(`${label} offers no "${optionText}"`);
  fireEvent.change(select(label), { target: { value: option.value } });
}
const shownChoice = (label: string) => select(label).selectedOptions[0]?.text;
function typedIn(label: string) {
  const field = form().getByLabelText(label);
  if (!(field instanceof HTMLInputElement)) throw new Error(`${label} is not a field to type in`);
  return field.value;
}

type Selecting = { [updateSelectedness]: (option?: HTMLOptionElement) => void };
const selecting = HTMLSelectElement.prototype as unknown as Selecting;
const happyDomSelectedness = selecting[updateSelectedness];

/**
 * happy-dom 21 keeps the option at position 1, not the last one selected, when a selected option joins a list
 * that already has one (capricorn86/happy-dom#2372). Preact marks an option selected before inserting it, so
 * the form would seem to show "Music" for a link's "woodwork": this makes happy-dom choose as browsers do.
 */
beforeAll(() => {
  selecting[updateSelectedness] = function (this: HTMLSelectElement, option?: HTMLOptionElement) {
    const lastSelected = Array.from(this.querySelectorAll("option")).findLast((candidate) => candidate.selected);
    happyDomSelectedness.call(this, option ?? (this.multiple ? undefined : lastSelected));
  };
});
afterAll(() => {
  selecting[updateSelectedness] = happyDomSelectedness;
});
afterEach(cleanup);

describe("the people search form", () => {
  it("searches for the words typed, with no filter and the API's own order", () => {
    const { searches, addresses } = openForm();
    type("Skill, name or words", "  gitar ");
    search();

    expect(searches).toEqual([{ q: "gitar" }]);
    expect(addresses()).toEqual(["/people?q=gitar"]);
  });

  it("sends every filter chosen, under the API's names", () => {
    const { searches, addresses } = openForm();
    type("Skill, name or words", "spanish");
    choose("Category", "Languages");
    choose("They", "Teach it");
    choose("Level at least", "Intermediate");
    choose("Meeting", "In person");
    type("Around the city", "Lyon");
    type("Within (km)", "25");
    choose("Community", "Acme (Slack)");
    choose("Order", "Best rated");
    choose("Day", "Tuesday");
    type("From", "18:00");
    type("To", "20:30");
    search();

    expect(searches).toEqual([
      {
        q: "spanish",
        category: "languages",
        direction: "teach",
        minLevel: 3,
        mode: "in_person",
        near: "Lyon",
        km: 25,
        community: "cm_acme",
        sort: "rating",
        available: { day: "Tue", from: "18:00", to: "20:30" },
      },
    ]);
    expect(addresses()).toEqual([
      "/people?q=spanish&category=languages&direction=teach&minLevel=3&near=Lyon&km=25&mode=in_person" +
        "&community=cm_acme&available=Tue+18%3A00-20%3A30&sort=rating",
    ]);
  });

  it("measures a distance around the searcher's own city when no city is typed", () => {
    const { searches, addresses } = openForm();
    type("Within (km)", "10");
    choose("Meeting", "Online");
    search();

    expect(searches).toEqual([{ q: "", km: 10, mode: "online" }]);
    // No order sent: for a distance without words the API lists the nearest first.
    expect(addresses()).toEqual(["/people?km=10&mode=online"]);
    expect(form().getByLabelText("Around the city").getAttribute("aria-describedby")).toBe("people-near-hint");
    expect(screen.getByText("Leave empty for around your own city.").id).toBe("people-near-hint");
  });

  it("shows the search of the address it was opened with, and sends it back unchanged", () => {
    const opened: PeopleFilters = {
      q: "ukulele",
      category: "woodwork",
      direction: "learn",
      minLevel: 5,
      near: "Nantes",
      km: 40,
      mode: "online",
      community: "cm_rustaceans",
      available: { day: "Sat", from: "09:00", to: "12:00" },
      sort: "distance",
    };
    const { searches } = openForm(opened);

    expect(typedIn("Skill, name or words")).toBe("ukulele");
    // A category from a shared link that the catalog no longer lists is still shown, not silently dropped.
    expect(shownChoice("Category")).toBe("woodwork");
    expect(shownChoice("They")).toBe("Want to learn it");
    expect(shownChoice("Level at least")).toBe("Expert");
    expect(shownChoice("Meeting")).toBe("Online");
    expect([typedIn("Around the city"), typedIn("Within (km)")]).toEqual(["Nantes", "40"]);
    expect(shownChoice("Community")).toBe("Rustaceans (Discord)");
    expect(shownChoice("Order")).toBe("Nearest first");
    expect([shownChoice("Day"), typedIn("From"), typedIn("To")]).toEqual(["Saturday", "09:00", "12:00"]);

    search();
    expect(searches).toEqual([opened]);
  });

  it("leaves out every filter the person clears, back to listing everybody", () => {
    const { searches, addresses } = openForm({
      q: "guitar",
      category: "music",
      direction: "teach",
      minLevel: 2,
      near: "Lyon",
      km: 15,
      mode: "in_person",
      community: "cm_acme",
      available: { day: "Mon", from: "18:00", to: "19:00" },
      sort: "recent",
    });
    type("Skill, name or words", "");
    choose("Category", "Any category");
    choose("They", "Teach or want to learn it");
    choose("Level at least", "Any level");
    choose("Meeting", "Online or in person");
    type("Around the city", "");
    type("Within (km)", "");
    choose("Community", "All I can see");
    choose("Day", "Any day");
    choose("Order", "Best match");
    search();

    expect(searches).toEqual([{ q: "" }]);
    expect(addresses()).toEqual(["/people"]);
  });

  it("offers the community filter only to people who are in a community", () => {
    openForm({ q: "" }, { communities: null });
    expect(form().queryByLabelText("Community")).toBeNull();
    cleanup();
    openForm({ q: "" }, { communities: [] });
    expect(form().queryByLabelText("Community")).toBeNull();
    cleanup();
    openForm();
    expect(Array.from(select("Community").options, (option) => option.text)).toEqual([
      "All I can see",
      "Rustaceans (Discord)",
      "Acme (Slack)",
    ]);
  });
});

describe("the people search form's messages", () => {
  it("shows the API's sentence next to the field it refused, and puts the focus there", () => {
    openForm({ q: "", km: -5 }, { fieldErrors: { km: "Choose a distance from 1 to 500 km." } });
    const km = form().getByLabelText("Within (km)");

    expect(km.getAttribute("aria-invalid")).toBe("true");
    expect(km.getAttribute("aria-describedby")).toBe("people-km-error");
    expect(document.getElementById("people-km-error")?.textContent).toBe("Choose a distance from 1 to 500 km.");
    expect(document.activeElement).toBe(km);
    expect(form().getByLabelText("Around the city").getAttribute("aria-invalid")).toBeNull();
  });

  it("shows a refused time window under the window's fields", () => {
    openForm(
      { q: "", available: { day: "Wed", from: "20:00", to: "18:00" } },
      { fieldErrors: { available: "The window must end after it starts." } },
    );
    const window = screen.getByRole("group", { name: "Free on (each week, your time)" });

    expect(window.getAttribute("aria-describedby")).toBe("people-window-hint people-window-error");
    expect(within(window).getByText("The window must end after it starts.")).toBeTruthy();
    expect(document.activeElement).toBe(select("Day"));
  });

  it("asks for both times when only a day is chosen, instead of searching every day", () => {
    const { searches } = openForm();
    choose("Day", "Thursday");
    type("From", "18:00");
    search();

    expect(searches).toEqual([]);
    expect(screen.getByText("Choose both times, or leave the day empty.").id).toBe("people-window-error");
    expect(select("Day").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(select("Day"));

    type("To", "21:00");
    search();
    expect(searches).toEqual([{ q: "", available: { day: "Thu", from: "18:00", to: "21:00" } }]);
    expect(screen.queryByText("Choose both times, or leave the day empty.")).toBeNull();
  });
});
