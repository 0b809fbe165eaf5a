import { isDomainError, translate } from "@skillswap/core";

export interface OutputOptions {
  readonly json?: boolean;
}

/** Prints a result for people or, with --json, as one JSON document for scripts. */
export function emit(options: OutputOptions, data: unknown, human: () => string): void {
  process.stdout.write(options.json === true ? `${JSON.stringify(data, null, 2)}\n` : `${human()}\n`);
}

/** The one place CLI failures are rendered: domain errors as their sentence, anything else as a short reason. */
export function renderFailure(error: unknown, json: boolean): string {
  if (isDomainError(error)) {
    const sentence = translate(error.messageKey, error.params);
    if (json)
      return JSON.stringify({ error: { code: error.code, kind: error.kind, message: sentence, fields: error.fields } });
    const fields = error.fields.map((f) => `  ${f.field}: ${f.message}`);
    return [sentence, ...fields].join("\n");
  }
  const message = error instanceof Error ? error.message : String(error);
  return json ? JSON.stringify({ error: { code: "INTERNAL", message } }) : `Error: ${message}`;
}

/** "1 person", "3 people": a count with its noun (the plural defaults to the noun with an "s"). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function table(rows: ReadonlyArray<readonly string[]>): string {
  const widths = rows.reduce<number[]>((acc, row) => row.map((cell, i) => Math.max(acc[i] ?? 0, cell.length)), []);
  return rows
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}
