import { Button, makeStyles, Select, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { TEACH_FIELDS, UnplacedHeader } from "../../app";
import { T } from "../strings";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "6px", padding: "8px", borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke2}` },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  hint: { margin: 0, color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: "6px" },
  label: { overflowWrap: "anywhere" },
  select: { minWidth: "12em", maxWidth: "100%" },
});

/** A header text to teach, and the tables its field may be of (an unplaced header: its own table; a selected cell: any). */
export interface TeachItem {
  readonly text: string;
  readonly cell: string;
  readonly tables: readonly UnplacedHeader["table"][] | null;
}

export interface TeachLayoutProps {
  /** The headers the locator could not place on the form on show. */
  readonly unplaced: readonly UnplacedHeader[];
  /** Excel: read the selected cell (the user points at a header); omitted in file mode. */
  readonly pickSelection?: () => Promise<{ readonly cell: string; readonly text: string } | null>;
  readonly onTeach: (table: string, field: string, text: string) => Promise<void>;
  readonly busy: boolean;
}

/**
 * 表头设置 — the escape hatch for a layout the locator does not know: each header it could not place (and, in Excel,
 * the cell the user selects) can be said to be one of the form's fields; the word is kept in the workbook's store.
 */
export function TeachLayout({ unplaced, pickSelection, onTeach, busy }: TeachLayoutProps) {
  const s = useStyles();
  const [picked, setPicked] = useState<TeachItem | null>(null);
  const [empty, setEmpty] = useState<string | null>(null);
  const items: TeachItem[] = [...unplaced.map((u) => ({ text: u.text, cell: u.cell, tables: [u.table] })), ...(picked ? [picked] : [])];
  return (
    <section className={s.root} aria-labelledby="teach-title" data-testid="teach">
      <h2 id="teach-title" className={s.heading}>{T.teach.title}</h2>
      <p className={s.hint}>{T.teach.hint}</p>
      {items.map((item) => (
        <TeachRow key={`${item.cell}:${item.text}`} item={item} onTeach={onTeach} busy={busy} />
      ))}
      {empty ? <p className={s.hint}>{empty}</p> : null}
      {pickSelection ? (
        <div className={s.row}>
          <Button
            size="small"
            disabled={busy}
            onClick={() =>
              void pickSelection().then((sel) => {
                if (!sel) return;
                if (sel.text.trim() === "") {
                  setPicked(null);
                  setEmpty(T.teach.emptySelection(sel.cell));
                } else {
                  setEmpty(null);
                  setPicked({ text: sel.text.trim(), cell: sel.cell, tables: null });
                }
              })
            }
          >
            {T.teach.fromSelection}
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function TeachRow({ item, onTeach, busy }: { readonly item: TeachItem; readonly onTeach: TeachLayoutProps["onTeach"]; readonly busy: boolean }) {
  const s = useStyles();
  const [choice, setChoice] = useState("");
  const fields = TEACH_FIELDS.filter((f) => item.tables === null || (item.tables as readonly string[]).includes(f.table));
  const label = item.tables === null ? T.teach.selection(item.cell, item.text) : T.teach.unplaced(item.text, item.cell);
  return (
    <div className={s.row} data-teach={item.text}>
      <span className={s.label}>{label}</span>
      <Select className={s.select} value={choice} onChange={(_, d) => setChoice(d.value)} aria-label={label}>
        <option value="">{T.teach.choose}</option>
        {fields.map((f) => (
          <option key={`${f.table}.${f.field}`} value={`${f.table}.${f.field}`}>
            {f.name}
          </option>
        ))}
      </Select>
      <Button
        size="small"
        appearance="primary"
        disabled={busy || choice === ""}
        onClick={() => {
          const [table, field] = choice.split(".");
          void onTeach(table, field, item.text);
        }}
      >
        {T.teach.save}
      </Button>
    </div>
  );
}
