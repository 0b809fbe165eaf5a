import { describe, expect, it } from "vitest";
import { addressOf, apiQueryOf, filtersFromForm, filtersFromQuery, isFiltered } from "./people-query.js";

const formOf = (entries: Record<string, string>) => {
  const form = new FormData();
  for (const [name, value] of Object.entries(entries)) form.set(name, value);
  return form;
};

describe("the people search's address", () => {
  it("gives back every filter it was made from, so reload and shared links reproduce the search", () => {
    const filters = {
      q: "gitar lessons",
      category: "music",
      direction: "teach" as const,
      minLevel: 3,
      near: "Lyon",
      km: 50,
      mode: "in_person" as const,
      community: "c1",
      available: { day: "Tue" as const, from: "18:00", to: "20:00" },
      sort: "rating" as const,
    };
    const address = addressOf(filters);
    expect(address).toBe(
      "/people?q=gitar+lessons&category=music&direction=teach&minLevel=3&near=Lyon&km=50&mode=in_person&community=c1&available=Tue+18%3A00-20%3A00&sort=rating",
    );
    const query = Object.fromEntries(new URL(address, "http://x").searchParams);
    expect(filtersFromQuery(query)).toEqual(filters);
  });

  it("is plain /people for an empty search", () => {
    expect(addressOf(filtersFromQuery({}))).toBe("/people");
    expect(isFiltered(filtersFromQuery({ sort: "recent" }))).toBe(false);
    expect(isFiltered(filtersFromQuery({ q: "piano" }))).toBe(true);
  });

  it("leaves out what a hand-edited link cannot mean, instead of failing the whole search", () => {
    expect(
      filtersFromQuery({
        q: " piano ",
        minLevel: "9",
        km: "far",
        mode: "by-post",
        sort: "oldest",
        available: "Funday",
      }),
    ).toEqual({ q: "piano" });
  });
});

describe("the search form's filters", () => {
  it("read the time window from its day and two times, and only when all three are given", () => {
    expect(filtersFromForm(formOf({ q: "", day: "Wed", from: "09:00", to: "11:30" })).available).toEqual({
      day: "Wed",
      from: "09:00",
      to: "11:30",
    });
    expect(filtersFromForm(formOf({ q: "", day: "Wed", from: "09:00", to: "" })).available).toBeUndefined();
  });

  it("keep a distance as typed, for the API to say what is wrong with it next to the field", () => {
    expect(filtersFromForm(formOf({ q: "", km: "-5" })).km).toBe(-5);
    expect(filtersFromForm(formOf({ q: "", km: " " })).km).toBeUndefined();
  });

  it("ask the API for a page with its cursor, in the API's own names", () => {
    const query = apiQueryOf(filtersFromQuery({ q: "python", available: "Mon 18:00-19:00" }), {
      limit: 10,
      cursor: "abc",
    });
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      q: "python",
      available: "Mon 18:00-19:00",
      limit: "10",
      cursor: "abc",
    });
  });
});
