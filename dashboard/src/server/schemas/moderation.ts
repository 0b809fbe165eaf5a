import { z } from "zod";
import { list, pageOf } from "./common.js";

export const blockView = z
  .object({ handle: z.string(), blockedAt: z.date() })
  .describe("Only the handle: a block says nothing of a profile I may not see")
  .meta({ id: "Block" });

export const blockPage = pageOf(blockView).meta({ id: "BlockPage" });

export const personReportReceipt = z
  .object({
    reportIds: list(z.string()).describe("One report per community I share with them (or one for the operators)"),
  })
  .meta({ id: "PersonReportReceipt" });
