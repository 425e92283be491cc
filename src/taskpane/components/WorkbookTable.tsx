import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useLayoutEffect, useRef, useState } from "react";
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
  table: { width: "100%", borderCollapse: "collapse", fontSize: tokens.fontSizeBase200 },
  th: {
    position: "sticky",
    top: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: "4px 6px",
    whiteSpace: "nowrap",
  },
  td: { padding: "4px 6px", borderTop: `1px solid ${tokens.colorNeutralStroke2}`, verticalAlign: "top" },
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
 * The workbook view: every form of the workbook — 项目名称 with its sheet, 总分, 评分等级, 错误 / 警告 / 提示 — worst
 * first; a row's 项目名称 opens that form's findings (and, in Excel, its sheet).
 */
export function WorkbookTable({ slice, onOpen }: WorkbookTableProps) {
  const s = useStyles();
  const { rows, current, formsOnSheet } = slice;
  const box = useRef<HTMLDivElement>(null);
  /** Rows below the box's visible part (the box scrolls): said in the box. */
  const [below, setBelow] = useState(0);
  const measure = () => {
    const el = box.current;
    if (!el) return;
    const bottom = el.scrollTop + el.clientHeight;
    setBelow([...el.querySelectorAll("tbody tr")].filter((tr) => (tr as HTMLElement).offsetTop + (tr as HTMLElement).offsetHeight / 2 > bottom).length);
  };
  useLayoutEffect(measure, [rows]);
  return (
    <section className={s.root} aria-labelledby="workbook-title" data-testid="workbook">
      <h2 id="workbook-title" className={s.heading}>{T.workbook.title(rows.length)}</h2>
      <p className={s.hint}>{T.workbook.hint}</p>
      <div ref={box} onScroll={measure} className={s.scroll} tabIndex={rows.length > ROWS_IN_VIEW ? 0 : undefined} role={rows.length > ROWS_IN_VIEW ? "region" : undefined} aria-label={rows.length > ROWS_IN_VIEW ? T.workbook.scrollLabel(rows.length) : undefined} data-testid="workbook-scroll">
        <table className={s.table}>
          <thead>
            <tr>
              <th className={s.th} scope="col">{T.workbook.project}</th>
              <th className={mergeClasses(s.th, s.num)} scope="col">{T.totalScore}</th>
              <th className={s.th} scope="col">{T.workbook.grade}</th>
              <th className={mergeClasses(s.th, s.num)} scope="col" title={T.workbook.countsTitle}>{T.workbook.counts}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const isCurrent = current !== null && current.sheet === r.sheet && current.form === r.form - 1;
              return (
                <tr key={`${r.sheet}#${r.form}`} className={isCurrent ? s.current : undefined} aria-current={isCurrent ? "true" : undefined} data-row={r.sheet}>
                  <td className={s.td}>
                    <button type="button" className={s.open} onClick={() => onOpen(r)}>
                      {r.projectName}
                    </button>
                    <span className={s.sheet}>{T.workbook.where(r.sheet, r.form, formsOnSheet[r.sheet] ?? 1)}</span>
                  </td>
                  <td className={mergeClasses(s.td, s.num)} data-testid="row-total">
                    {r.totalLabel === "总分" ? r.total : T.workbook.sumOnly(r.total)}
                  </td>
                  <td className={s.td}>{r.grade}</td>
                  <td className={mergeClasses(s.td, s.num)} aria-label={T.workbook.countsLabel(r.errors, r.warnings, r.infos, r.ignored)}>
                    <span className={r.errors > 0 ? s.error : undefined}>{r.errors}</span>/{r.warnings}/{r.infos}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
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
