import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { memo, useCallback, useEffect, useRef, useState } from "react";
import type { SummaryRow } from "../../app";
import type { WorkbookSlice } from "../slices";
import { T } from "../strings";

const useStyles = makeStyles({
  root: { minWidth: 0 },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: "4px 0 2px" },
  hint: { margin: "0 0 6px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // a scroll bar that shows whatever the system's setting (overlay scroll bars hide until touched): the box says it
  // holds more than it shows
  scroll: {
    // (the rows' offsetParent: their positions are measured against the box's scroll)
    position: "relative",
    maxHeight: "320px",
    overflowY: "auto",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    scrollbarGutter: "stable",
    "::-webkit-scrollbar": { width: "10px" },
    "::-webkit-scrollbar-thumb": { backgroundColor: tokens.colorNeutralForeground3, borderRadius: "5px" },
    "::-webkit-scrollbar-track": { backgroundColor: tokens.colorNeutralBackground3 },
  },
  more: { margin: "4px 0 0", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  // inside the box, over its last visible row: how many rows are below — visible whatever the scroll bars look like
  below: {
    position: "sticky",
    bottom: 0,
    padding: "4px 6px",
    textAlign: "center",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  // a table by its roles, its rows laid out as grids of fixed columns: a row is laid out by itself, and one scrolled
  // out of the box is not laid out or painted at all (content-visibility) — 2,000 rows drawn in a table laid out every
  // row again each time one was added
  table: { width: "100%", fontSize: tokens.fontSizeBase200 },
  row: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) 5.2em 3.2em 5em" },
  head: { position: "sticky", top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground3 },
  // rows in groups of a slice: a group scrolled out of the box is neither laid out nor painted (content-visibility),
  // and the browser watches a group, not each of 2,000 rows, for coming into view
  group: { contentVisibility: "auto" },
  th: {
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: "4px 6px",
    whiteSpace: "nowrap",
  },
  td: { padding: "4px 6px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
  num: { textAlign: "right", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  current: { backgroundColor: tokens.colorBrandBackground2 },
  open: {
    padding: 0,
    border: "none",
    backgroundColor: "transparent",
    color: tokens.colorBrandForegroundLink,
    font: "inherit",
    textAlign: "left",
    cursor: "pointer",
    overflowWrap: "anywhere",
    ":hover": { textDecorationLine: "underline" },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  sheet: { color: tokens.colorNeutralForeground2, display: "block" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface WorkbookTableProps {
  readonly slice: WorkbookSlice;
  readonly onOpen: (row: SummaryRow) => void;
}

/** Rows shown without scrolling at the pane's width; past them the table scrolls and says so. */
const ROWS_IN_VIEW = 5;

/**
 * Rows drawn at once: the first ones with the result, the others a slice a task after it, so that a workbook of
 * thousands of forms never holds the page for long (issue 23: no task over 100 ms at 2,000 forms with the CPU
 * throttled ×4). A slice of 24 rows is drawn in some 10 ms; the first rows fill the box.
 */
export const FIRST_ROWS = 12;
export const ROWS_A_SLICE = 24;

/**
 * Rows drawn with the rest of the result: the first ones; none for a workbook of more forms than a few slices, whose
 * first rows come in the next task (the findings beside them are laid out first, each in a frame of its own).
 */
function firstCount(rows: readonly SummaryRow[]): number {
  return rows.length > FIRST_ROWS + 4 * ROWS_A_SLICE ? 0 : Math.min(rows.length, FIRST_ROWS);
}

/** A row's height as a group out of view is reckoned before it is laid out (a name on one line, its sheet below). */
const ROW_HEIGHT = 44;

/** The rows drawn in groups: the first rows, then a group a slice. */
function groupsOf(rows: readonly SummaryRow[]): SummaryRow[][] {
  if (rows.length === 0) return [];
  const groups: SummaryRow[][] = [rows.slice(0, FIRST_ROWS)];
  for (let at = FIRST_ROWS; at < rows.length; at += ROWS_A_SLICE) groups.push(rows.slice(at, at + ROWS_A_SLICE));
  return groups;
}

type Styles = ReturnType<typeof useStyles>;

interface RowProps {
  readonly r: SummaryRow;
  readonly isCurrent: boolean;
  readonly formsOnSheet: number;
  readonly onOpen: (row: SummaryRow) => void;
  readonly s: Styles;
}

/** One form's row; drawn again only when its own props change (the other rows stay as drawn while a slice is added). */
const WorkbookRow = memo(function WorkbookRow({ r, isCurrent, formsOnSheet, onOpen, s }: RowProps) {
  return (
    <div role="row" className={mergeClasses(s.row, isCurrent ? s.current : undefined)} aria-current={isCurrent ? "true" : undefined} data-row={r.sheet} data-testid="workbook-row">
      <div role="cell" className={s.td}>
        <button type="button" className={s.open} onClick={() => onOpen(r)}>
          {r.projectName}
        </button>
        <span className={s.sheet} data-testid="row-where">{T.workbook.where(r.sheet, r.form, formsOnSheet)}</span>
      </div>
      <div role="cell" className={mergeClasses(s.td, s.num)} data-testid="row-total">
        {r.totalLabel === "总分" ? r.total : T.workbook.sumOnly(r.total)}
      </div>
      <div role="cell" className={s.td}>{r.grade}</div>
      <div role="cell" className={mergeClasses(s.td, s.num)} aria-label={T.workbook.countsLabel(r.errors, r.warnings, r.infos, r.ignored)}>
        <span className={r.errors > 0 ? s.error : undefined}>{r.errors}</span>/{r.warnings}/{r.infos}
      </div>
    </div>
  );
});

/**
 * How many of the drawn rows lie below the box's visible part. Groups are measured, not rows: a group out of view is
 * not laid out (content-visibility), and asking a row in it where it is would lay it out. Only the group at the box's
 * bottom edge, which is in view and laid out anyway, is looked into row by row.
 */
function rowsBelow(box: HTMLElement): number {
  const groups = box.querySelectorAll<HTMLElement>("[data-group]");
  const bottom = box.scrollTop + box.clientHeight;
  let below = 0;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g];
    if (group.offsetTop >= bottom) {
      below += Number(group.dataset.group);
      continue;
    }
    for (const tr of group.querySelectorAll<HTMLElement>("[data-testid=workbook-row]")) if (tr.offsetTop + tr.offsetHeight / 2 > bottom) below++;
    break;
  }
  return below;
}

/**
 * The workbook view: every form of the workbook — 项目名称 with its sheet, 总分, 评分等级, 错误 / 警告 / 提示 — worst
 * first; a row's 项目名称 opens that form's findings (and, in Excel, its sheet).
 */
export function WorkbookTable({ slice, onOpen }: WorkbookTableProps) {
  const s = useStyles();
  const { rows, current, formsOnSheet } = slice;
  const box = useRef<HTMLDivElement>(null);
  // one callback for every row whatever the caller passes each time, so that drawn rows are not drawn again
  const opener = useRef(onOpen);
  opener.current = onOpen;
  const open = useCallback((r: SummaryRow) => opener.current(r), []);
  // the rows drawn so far, of these rows (new rows start again from the first slice)
  const [drawn, setDrawn] = useState({ rows, count: firstCount(rows) });
  const count = drawn.rows === rows ? drawn.count : firstCount(rows);
  useEffect(() => {
    if (count >= rows.length) return;
    const next = setTimeout(() => setDrawn({ rows, count: Math.min(rows.length, count === 0 ? FIRST_ROWS : count + ROWS_A_SLICE) }), 0);
    return () => clearTimeout(next);
  }, [rows, count]);
  /** Rows below the box's visible part (the box scrolls), those not yet drawn included: said in the box. */
  const [below, setBelow] = useState(0);
  const measure = () => {
    const el = box.current;
    if (!el) return;
    setBelow(rowsBelow(el) + rows.length - count);
  };
  // measured once the frame is laid out anyway (reading positions at commit would lay the page out an extra time)
  useEffect(() => {
    const frame = requestAnimationFrame(measure);
    return () => cancelAnimationFrame(frame);
  });
  return (
    <section className={s.root} aria-labelledby="workbook-title" data-testid="workbook">
      <h2 id="workbook-title" className={s.heading}>{T.workbook.title(rows.length)}</h2>
      <p className={s.hint}>{T.workbook.hint}</p>
      <div ref={box} onScroll={measure} className={s.scroll} tabIndex={rows.length > ROWS_IN_VIEW ? 0 : undefined} role={rows.length > ROWS_IN_VIEW ? "region" : undefined} aria-label={rows.length > ROWS_IN_VIEW ? T.workbook.scrollLabel(rows.length) : undefined} data-testid="workbook-scroll">
        <div role="table" aria-labelledby="workbook-title" className={s.table}>
          <div role="rowgroup" className={s.head}>
            <div role="row" className={s.row}>
              <span role="columnheader" className={s.th}>{T.workbook.project}</span>
              <span role="columnheader" className={mergeClasses(s.th, s.num)}>{T.totalScore}</span>
              <span role="columnheader" className={s.th}>{T.workbook.grade}</span>
              <span role="columnheader" className={mergeClasses(s.th, s.num)} title={T.workbook.countsTitle}>{T.workbook.counts}</span>
            </div>
          </div>
          {groupsOf(rows.slice(0, count)).map((group, g) => (
            <div role="rowgroup" key={g} data-group={group.length} className={g > 0 ? s.group : undefined} style={g > 0 ? { containIntrinsicSize: `auto ${group.length * ROW_HEIGHT}px` } : undefined}>
              {group.map((r) => (
                <WorkbookRow
                  key={`${r.sheet}#${r.form}`}
                  r={r}
                  isCurrent={current !== null && current.sheet === r.sheet && current.form === r.form - 1}
                  formsOnSheet={formsOnSheet[r.sheet] ?? 1}
                  onOpen={open}
                  s={s}
                />
              ))}
            </div>
          ))}
        </div>
        {below > 0 ? (
          <div className={s.below} data-testid="workbook-below" aria-hidden="true">
            {T.workbook.below(below)}
          </div>
        ) : null}
      </div>
      {rows.length > ROWS_IN_VIEW ? <p className={s.more}>{T.workbook.more(rows.length)}</p> : null}
    </section>
  );
}
