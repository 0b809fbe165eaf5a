import type { OutboxStatus } from "../outbox/status.js";

/** ok: nothing to do. warn: the product runs, an operator should look. fail: something is broken. */
export type HealthStatus = "ok" | "warn" | "fail";

export type HealthCheck =
  | { readonly name: "migrations"; readonly status: HealthStatus; readonly applied: number; readonly pending: number }
  | { readonly name: "skill catalog"; readonly status: HealthStatus; readonly approvedSkills: number }
  | { readonly name: "people"; readonly status: HealthStatus; readonly activePeople: number }
  | {
      readonly name: "outbox";
      readonly status: HealthStatus;
      readonly pending: number;
      readonly retrying: number;
      readonly dead: number;
    }
  | {
      readonly name: "geocoder";
      readonly status: HealthStatus;
      /** The city asked for; ok when it resolved. */
      readonly city: string;
      readonly loadMs: number;
    };

/** The shipped catalog holds at least this many skills; fewer approved ones means it was not loaded in full. */
export const shippedCatalogSize = 300;

/** Migrations this build ships that the database has not applied yet are a warning: start or migrate applies them. */
export function migrationsCheck(applied: number, shipped: number): HealthCheck {
  const pending = Math.max(0, shipped - applied);
  return { name: "migrations", status: pending === 0 ? "ok" : "warn", applied, pending };
}

export function catalogCheck(approvedSkills: number): HealthCheck {
  return { name: "skill catalog", status: approvedSkills >= shippedCatalogSize ? "ok" : "warn", approvedSkills };
}

export function peopleCheck(activePeople: number): HealthCheck {
  return { name: "people", status: "ok", activePeople };
}

/** Dead events are notifications nobody got: worth a warning, but the product still runs. */
export function outboxCheck(status: Pick<OutboxStatus, "pending" | "retrying" | "dead">): HealthCheck {
  const { pending, retrying, dead } = status;
  return { name: "outbox", status: dead === 0 ? "ok" : "warn", pending, retrying, dead };
}

/** Without the gazetteer no city resolves: profiles cannot be placed and nobody is found nearby. */
export function geocoderCheck(city: string, resolved: boolean, loadMs: number): HealthCheck {
  return { name: "geocoder", status: resolved ? "ok" : "fail", city, loadMs };
}
