import { describe, expect, it } from "vitest";
import { catalogCheck, geocoderCheck, migrationsCheck, outboxCheck, shippedCatalogSize } from "./rules.js";

describe("the health verdicts", () => {
  it("warn about migrations this build ships that the database has not applied, and say how many", () => {
    expect(migrationsCheck(12, 12)).toEqual({ name: "migrations", status: "ok", applied: 12, pending: 0 });
    expect(migrationsCheck(10, 12)).toEqual({ name: "migrations", status: "warn", applied: 10, pending: 2 });
  });

  it("do not count a database migrated by a newer build as missing anything", () => {
    expect(migrationsCheck(14, 12)).toMatchObject({ status: "ok", pending: 0 });
  });

  it("warn when the skill catalog holds fewer skills than the one shipped", () => {
    expect(catalogCheck(shippedCatalogSize).status).toBe("ok");
    expect(catalogCheck(shippedCatalogSize - 1).status).toBe("warn");
    expect(catalogCheck(0).status).toBe("warn");
  });

  it("warn about dead outbox events, but leave events waiting to retry alone", () => {
    expect(outboxCheck({ pending: 5, retrying: 2, dead: 0 }).status).toBe("ok");
    expect(outboxCheck({ pending: 0, retrying: 0, dead: 1 }).status).toBe("warn");
  });

  it("call the product broken when the gazetteer resolves no city", () => {
    expect(geocoderCheck("Paris", true, 40)).toEqual({ name: "geocoder", status: "ok", city: "Paris", loadMs: 40 });
    expect(geocoderCheck("Paris", false, 40).status).toBe("fail");
  });
});
