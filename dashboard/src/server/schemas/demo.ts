import { z } from "zod";
import { list } from "./common.js";

export const demoPersonView = z
  .object({
    handle: z.string(),
    displayName: z.string(),
    teaches: list(z.string()).describe("Skill names, as the catalog spells them"),
    learns: list(z.string()),
  })
  .meta({ id: "DemoPerson" });

export const demoPeopleList = z
  .object({ people: list(demoPersonView).describe("Empty unless the server runs with its demo data") })
  .meta({ id: "DemoPeople" });
