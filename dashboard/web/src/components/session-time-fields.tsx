export interface TimeFieldsProps {
  /** Unique per form: field ids are `${prefix}-date`, `${prefix}-time`. */
  readonly prefix: string;
  readonly timeZone: string;
  readonly date: string;
  readonly time: string;
  /** The API's sentence about `startsAt`, shown next to the fields it came from. */
  readonly error: string | undefined;
}

/** A date and a time on the person's own clock, with their time zone said next to them. */
export function SessionTimeFields({ prefix, timeZone, date, time, error }: TimeFieldsProps) {
  const errorId = `${prefix}-when-error`;
  const invalid = error === undefined ? {} : { "aria-invalid": "true" as const, "aria-describedby": errorId };
  return (
    <fieldset class="when">
      <legend>When (your time, {timeZone})</legend>
      <div class="field">
        <label htmlFor={`${prefix}-date`}>Date</label>
        <input id={`${prefix}-date`} name="date" type="date" required defaultValue={date} {...invalid} />
      </div>
      <div class="field">
        <label htmlFor={`${prefix}-time`}>Time</label>
        <input id={`${prefix}-time`} name="time" type="time" required defaultValue={time} {...invalid} />
      </div>
      {error !== undefined && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
