import { FormField } from "./form-field.js";

/** The zone the browser runs in, as an IANA name ("Europe/Lisbon"). */
export const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A new account's zone is UTC until someone says otherwise (Discord and Slack do not tell): the browser's own
 * zone is then the better first guess, offered in the field and saved with the rest.
 */
export function suggestedTimeZone(saved: string): { zone: string; detected: boolean } {
  const detected = browserTimeZone();
  return saved === "UTC" && detected !== "UTC" ? { zone: detected, detected: true } : { zone: saved, detected: false };
}

/** Every zone the browser knows, with `current` first when the browser does not know it. */
export function timeZonesWith(current: string): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes(current) ? zones : [current, ...zones];
}

export interface TimeZoneFieldProps {
  readonly id: string;
  readonly zone: string;
  readonly hint: string;
  readonly error: string | undefined;
}

/** A time zone picked from the browser's list: uncontrolled, starting on `zone`. */
export function TimeZoneField({ id, zone, hint, error }: TimeZoneFieldProps) {
  return (
    <FormField id={id} label="Time zone" hint={hint} error={error}>
      {(input) => (
        <select {...input} name="timeZone">
          {timeZonesWith(zone).map((name) => (
            <option key={name} value={name} selected={name === zone}>
              {name.replaceAll("_", " ")}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}
