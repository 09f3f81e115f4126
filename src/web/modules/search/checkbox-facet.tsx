import { type ReactNode, startTransition, useOptimistic } from "react";
import { useTranslation } from "react-i18next";

/** One value a facet offers: its label in the reader's language, its code when it has one, and its count. */
export interface FacetOption {
  value: string;
  label: ReactNode;
  code?: string;
  count: number;
  children?: FacetOption[];
}

interface Props {
  name: string;
  legend: string;
  options: FacetOption[];
  selected: string[];
  onToggle: (value: string, on: boolean) => void;
}

/** A facet as a group of checkboxes with counts; narrower values (act types) are nested under broader ones. */
export function CheckboxFacet({ name, legend, options, selected, onToggle }: Props) {
  // The address changes in a transition; until it has, the box shows the tick the user just gave.
  const [ticked, tick] = useOptimistic(selected, (now: string[], change: { value: string; on: boolean }) =>
    change.on ? [...now, change.value] : now.filter((v) => v !== change.value),
  );
  const toggle = (value: string, on: boolean) =>
    startTransition(() => {
      tick({ value, on });
      onToggle(value, on);
    });
  if (!options.length) return null;
  return (
    <fieldset className="facet">
      <legend>{legend}</legend>
      <OptionList name={name} options={options} selected={ticked} onToggle={toggle} />
    </fieldset>
  );
}

function OptionList({ name, options, selected, onToggle }: Omit<Props, "legend">) {
  const { i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <ul>
      {options.map((o) => {
        const id = `facet-${name}-${o.value}`;
        return (
          <li key={o.value}>
            <span className="facet-option">
              <input
                type="checkbox"
                id={id}
                checked={selected.includes(o.value)}
                onChange={(e) => onToggle(o.value, e.target.checked)}
              />
              <label htmlFor={id}>
                {o.label}
                {o.code ? <span className="code"> {o.code}</span> : null}{" "}
                <span className="count">({number.format(o.count)})</span>
              </label>
            </span>
            {o.children?.length ? (
              <OptionList name={name} options={o.children} selected={selected} onToggle={onToggle} />
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** Values chosen in the address but no longer counted (nothing matches them now) stay offered, at zero. */
export function withChosen(
  options: FacetOption[],
  selected: string[],
  describe: (value: string) => Omit<FacetOption, "count">,
) {
  const shown = new Set<string>();
  const visit = (os: FacetOption[]) => {
    for (const o of os) {
      shown.add(o.value);
      visit(o.children ?? []);
    }
  };
  visit(options);
  return [...options, ...selected.filter((v) => !shown.has(v)).map((v) => ({ ...describe(v), count: 0 }))];
}
