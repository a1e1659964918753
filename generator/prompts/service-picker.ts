import { styleText } from "node:util";
import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isSpaceKey,
  isUpKey,
  makeTheme,
  useKeypress,
  useMemo,
  usePagination,
  usePrefix,
  useState,
} from "@inquirer/core";
import { costLine, type PickerItem, type PickerRow, rowsFor } from "./service-catalog";

export interface ServicePickerConfig {
  readonly message: string;
  /** Services offered, in the order shown. */
  readonly items: readonly PickerItem[];
  /** Keys selected at the start. @default none */
  readonly selected?: readonly string[];
  /** Zones each interface endpoint is in, for the cost line. @default no cost line (see `footer`) */
  readonly zones?: number;
  /** The line under the list, given the chosen keys. @default the interface endpoints' monthly cost in `zones` */
  readonly footer?: (keys: readonly string[]) => string;
  /** The question's own check of the chosen keys: true, or the message naming the field. */
  readonly validate: (keys: string[]) => true | string;
  /** Said after "no service matches …". @default nothing */
  readonly noMatch?: string;
  /** Lines of the list shown at once. @default 15 */
  readonly pageSize?: number;
}

const isItem = (row: PickerRow | undefined): row is Extract<PickerRow, { item: unknown }> => row !== undefined && "item" in row;

/** The next service row from `from` in `step` direction, or `from` at either end (no wrapping). */
function nextItem(rows: readonly PickerRow[], from: number, step: 1 | -1): number {
  for (let i = from + step; i >= 0 && i < rows.length; i += step) if (isItem(rows[i])) return i;
  return from;
}

/**
 * A checkbox over the service catalog that filters as you type. Letters edit
 * the filter (matched against key, title and group), up and down move, space
 * toggles, enter confirms. The selection is kept while the filter changes, and
 * the monthly cost of the selection is shown under the list.
 */
export const servicePicker = createPrompt<string[], ServicePickerConfig>((config, done) => {
  const { items, zones, validate, pageSize = 15 } = config;
  const footer = config.footer ?? ((keys: readonly string[]) => (zones === undefined ? "" : costLine(keys.length, zones)));
  const theme = makeTheme();
  const [status, setStatus] = useState<"idle" | "done">("idle");
  const [filter, setFilter] = useState("");
  const [selected, setSelected] = useState<readonly string[]>(config.selected ?? []);
  const [error, setError] = useState<string | undefined>();
  const rows = useMemo(() => rowsFor(items, filter), [filter]);
  const [active = nextItem(rows, -1, 1), setActive] = useState<number | undefined>();
  const prefix = usePrefix({ status, theme });
  // Catalog order, whatever order they were toggled in.
  const chosen = items.filter((i) => selected.includes(i.key)).map((i) => i.key);

  useKeypress((key, rl) => {
    const keepFilter = () => {
      rl.clearLine(0);
      rl.write(filter);
    };
    if (isEnterKey(key)) {
      const valid = validate(chosen);
      if (valid === true) {
        setStatus("done");
        done(chosen);
      } else {
        setError(valid);
        rl.write(filter); // enter emptied the line
      }
    } else if (isSpaceKey(key)) {
      keepFilter();
      const row = rows[active];
      if (isItem(row)) {
        const k = row.item.key;
        setSelected(selected.includes(k) ? selected.filter((s) => s !== k) : [...selected, k]);
        setError(undefined);
      }
    } else if (isUpKey(key) || isDownKey(key)) {
      keepFilter();
      setActive(nextItem(rows, active, isUpKey(key) ? -1 : 1));
    } else if (rl.line !== filter) {
      setFilter(rl.line);
      setActive(undefined);
      setError(undefined);
    }
  });

  const page = usePagination({
    items: rows,
    active: Math.max(active, 0),
    pageSize,
    loop: false,
    renderItem: ({ item: row, isActive }) => {
      if (!isItem(row)) return styleText("dim", ` ── ${row.heading}`);
      const box = selected.includes(row.item.key) ? styleText("green", "◉") : "◯";
      const line = `${isActive ? "❯" : " "}${box} ${row.item.key.padEnd(26)} ${row.item.title}`;
      return isActive ? theme.style.highlight(line) : line;
    },
  });
  const message = theme.style.message(config.message, status);
  if (status === "done") return `${prefix} ${message} ${theme.style.answer(chosen.join(", ") || "none")}`;
  const body = [
    rows.length > 0 ? page : theme.style.error(`no service matches "${filter}"${config.noMatch ?? ""}`),
    " ",
    footer(chosen),
    error ? theme.style.error(error) : "",
    theme.style.help("type to filter • ↑↓ move • space toggle • enter confirm"),
  ];
  return [`${prefix} ${message} ${theme.style.answer(filter)}`.trimEnd(), body.filter(Boolean).join("\n")];
});
