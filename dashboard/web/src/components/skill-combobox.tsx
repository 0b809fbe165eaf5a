import { useEffect, useRef, useState } from "preact/hooks";
import { resolveSkill, skillSuggestions } from "../api/skills.js";

const shown = 8;
const typingPause = 150;

/**
 * Catalog names for what is typed: the API's suggestions (names and aliases starting with it, then containing
 * it) and, when none match, what the name resolves to or its close spellings — so "gitar" still offers Guitar.
 */
async function namesFor(typed: string): Promise<string[]> {
  const names = await skillSuggestions(typed, shown);
  if (names.length > 0 || typed.length < 3) return names;
  const resolution = await resolveSkill(typed);
  return resolution.skill === null ? resolution.suggestions : [resolution.skill.name];
}

export interface SkillComboboxProps {
  readonly id: string;
  readonly name: string;
  readonly value: string;
  readonly onInput: (value: string) => void;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
}

/**
 * An editable combobox with a list of suggestions (the WAI-ARIA combobox pattern): typing asks the catalog, arrow
 * keys move through the options with focus staying in the field (aria-activedescendant), Enter picks one,
 * Escape closes the list and then clears the field. Any text may be submitted: the API decides what it means.
 */
export function SkillCombobox({ id, name, value, onInput, describedBy, invalid }: SkillComboboxProps) {
  const [options, setOptions] = useState<readonly string[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const asked = useRef(0);
  const listId = `${id}-options`;

  const ask = (typed: string) => {
    const request = ++asked.current;
    const query = typed.trim();
    if (query === "") {
      setOptions([]);
      setOpen(false);
      return;
    }
    const answer = (names: readonly string[]) => {
      if (request !== asked.current) return;
      setOptions(names);
      setActive(-1);
      setOpen(names.length > 0);
    };
    // A failed suggestion is no failure of the form: the person can still type the name and submit it.
    namesFor(query).then(answer, () => answer([]));
  };

  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);

  const pick = (option: string) => {
    asked.current++;
    onInput(option);
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const count = options.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (count === 0) return;
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setOpen(true);
      setActive((current) => (current === -1 && step === -1 ? count - 1 : (current + step + count) % count));
    } else if (event.key === "Enter" && open && active >= 0) {
      event.preventDefault();
      const option = options[active];
      if (option !== undefined) pick(option);
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (open) setOpen(false);
      else onInput("");
      setActive(-1);
    }
  };

  return (
    <div class="combobox">
      <input
        id={id}
        name={name}
        type="text"
        role="combobox"
        autoComplete="off"
        spellcheck={false}
        required
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid ? "true" : undefined}
        value={value}
        onInput={(event) => {
          const typed = event.currentTarget.value;
          onInput(typed);
          clearTimeout(pending.current);
          pending.current = setTimeout(() => ask(typed), typingPause);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
      />
      <ul id={listId} role="listbox" aria-label="Skills in the catalog" class="suggestions" hidden={!open}>
        {options.map((option, index) => (
          <li
            key={option}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            // Picked on pointer down, before the field's blur closes the list.
            onPointerDown={(event) => {
              event.preventDefault();
              pick(option);
            }}
          >
            {option}
          </li>
        ))}
      </ul>
    </div>
  );
}
