/**
 * An instant as the date and time fields of a form show it on someone's own clock: the schedule form takes the
 * person's local time in their profile's time zone, not the browser's nor the server's.
 */
export function onClockOf(timeZone: string, instant: Date): { readonly date: string; readonly time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts["year"]}-${parts["month"]}-${parts["day"]}`,
    time: `${parts["hour"]}:${parts["minute"]}`,
  };
}
