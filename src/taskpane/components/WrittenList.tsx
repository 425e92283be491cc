import { makeStyles, tokens } from "@fluentui/react-components";
import type { WrittenSlice } from "../slices";
import { HIGHLIGHT_DOT, useDotStyles } from "./palette";
import { T } from "../strings";

const useStyles = makeStyles({
  root: { minWidth: 0 },
  heading: { display: "flex", alignItems: "center", gap: "6px", fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: "4px 0 2px" },
  hint: { margin: "0 0 6px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  item: { padding: "6px 8px", borderLeft: `4px solid ${HIGHLIGHT_DOT.written}`, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusSmall },
  line: { display: "flex", gap: "6px", flexWrap: "wrap", alignItems: "baseline" },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  what: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  change: { fontVariantNumeric: "tabular-nums" },
  why: { display: "block", marginTop: "2px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
});

export interface WrittenListProps {
  readonly slice: WrittenSlice;
}

/** 已写入 / 待写入: every cell the add-in writes, with what it held before and why (rules.md §5). */
export function WrittenList({ slice }: WrittenListProps) {
  const { writes, mode } = slice;
  const s = useStyles();
  const dots = useDotStyles();
  if (writes.length === 0) return null;
  const title = mode === "pending" ? T.written.pendingTitle(writes.length) : mode === "file" ? T.written.titleFile(writes.length) : T.written.title(writes.length);
  const hint = mode === "pending" ? T.written.pendingHint : mode === "file" ? T.written.hintFile : T.written.hint;
  return (
    <section className={s.root} aria-labelledby="written-title" data-testid="written">
      <h2 id="written-title" className={s.heading}>
        <span className={dots.written} aria-hidden="true" />
        {title}
      </h2>
      <p className={s.hint}>{hint}</p>
      <ul className={s.list}>
        {writes.map((w) => (
          <li key={`${w.sheet}!${w.cell}`} className={s.item} data-cell={w.cell}>
            <span className={s.line}>
              <span className={s.cell}>{w.cell}</span>
              <span className={s.what}>{w.what}</span>
              <span className={s.change}>{T.written.change(w.previous, w.value)}</span>
            </span>
            <span className={s.why}>{w.why}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
