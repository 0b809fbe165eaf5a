import { useEffect, useRef, useState } from "preact/hooks";
import { suggestCities, type CitySuggestion } from "../api/profile.js";
import { FormField } from "./form-field.js";

export interface CityChoice {
  /** What the field shows. */
  readonly text: string;
  /** The query of the suggestion picked, which names exactly one city; null when the text was typed. */
  readonly query: string | null;
}

/** A saved city as the field shows it ("Lisbon, Lisbon, PT"); "" for none. */
export const cityTextOf = (location: { name: string; region: string; country: string } | null) =>
  location === null ? "" : [location.name, location.region, location.country].filter((p) => p !== "").join(", ");

/** How long typing must pause before the suggestions are asked for: one request per pause, not per key. */
const pauseMs = 200;

function useCitySuggestions(typed: string, wanted: boolean): readonly CitySuggestion[] {
  const [suggestions, setSuggestions] = useState<readonly CitySuggestion[]>([]);
  useEffect(() => {
    if (!wanted || typed.trim().length < 2) {
      setSuggestions([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      // Suggestions only help: when they cannot be had, the city as typed is still sent and resolved.
      suggestCities(typed.trim()).then(
        (found) => current && setSuggestions(found),
        () => current && setSuggestions([]),
      );
    }, pauseMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [typed, wanted]);
  return suggestions;
}

export interface CityFieldProps {
  readonly id: string;
  readonly value: CityChoice;
  readonly onChange: (choice: CityChoice) => void;
  readonly error?: string | undefined;
}

/**
 * A city with autocomplete from the server's gazetteer, as an ARIA combobox: arrows move through the
 * suggestions, Enter picks one, Escape closes them; a click or tap picks too.
 */
export function CityField({ id, value, onChange, error }: CityFieldProps) {
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const suggestions = useCitySuggestions(value.text, open && value.query === null);
  const listId = `${id}-suggestions`;
  const shown = open && suggestions.length > 0;
  const input = useRef<HTMLInputElement>(null);

  const pick = (suggestion: CitySuggestion) => {
    onChange({ text: suggestion.label, query: suggestion.query });
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!shown) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => (index + step + suggestions.length) % suggestions.length);
    } else if (event.key === "Enter" && shown && suggestions[active] !== undefined) {
      event.preventDefault();
      pick(suggestions[active]);
    } else if (event.key === "Escape" && shown) {
      event.preventDefault();
      setOpen(false);
    }
  };

  return (
    <FormField
      id={id}
      label="City"
      hint="Start typing and pick your city, or leave it empty. Only the city is shown, never an address."
      error={error}
    >
      {(described) => (
        <div class="combobox">
          <input
            {...described}
            ref={input}
            type="text"
            name="city"
            autoComplete="off"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={shown}
            aria-controls={listId}
            aria-activedescendant={shown && active >= 0 ? `${listId}-${active}` : undefined}
            value={value.text}
            onInput={(event) => {
              onChange({ text: event.currentTarget.value, query: null });
              setOpen(true);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onBlur={() => setOpen(false)}
          />
          <ul id={listId} role="listbox" aria-label="Cities" class="suggestions" hidden={!shown}>
            {suggestions.map((suggestion, index) => (
              <li
                key={suggestion.query}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                // Before the input's blur: the pick happens and focus stays in the field.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(suggestion);
                  input.current?.focus();
                }}
              >
                {suggestion.label}
              </li>
            ))}
          </ul>
        </div>
      )}
    </FormField>
  );
}
