import { makeStyles, mergeClasses, tokens, ToggleButton } from "@fluentui/react-components";
import { forwardRef } from "react";
import { formKindSentence, SEVERITY_ORDER, Severity } from "../../engine";
import type { Figure as FigureData } from "../explain";
import type { ResultSlice } from "../slices";
import { useDotStyles } from "./palette";
import { SEVERITY_LABEL, T } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    gap: "8px 12px",
    padding: "12px",
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  where: { gridColumn: "1 / span 2", margin: "-6px 0 0", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  project: { gridColumn: "1 / span 2", margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  wide: { gridColumn: "1 / span 2" },
  bands: { margin: "-4px 0 0" },
  counts: { gridColumn: "1 / span 2", display: "flex", gap: "6px", flexWrap: "wrap" },
  dotGap: { marginRight: "4px" },
});

export interface SummaryProps {
  readonly slice: ResultSlice;
  readonly onFilter: (filter: Severity | null) => void;
}

/** One number of the summary: label, value, how it was computed, and why when it is "—". */
function Figure({ label, figure, testId, wide, extra }: { label: string; figure: FigureData; testId: string; wide?: boolean; extra?: string | null }) {
  const s = useStyles();
  return (
    <div className={wide ? s.wide : undefined}>
      <div className={s.label}>{label}</div>
      <div className={s.value} data-testid={testId}>{figure.value}</div>
      {figure.calculation ? <div className={s.note} data-testid={`${testId}-calc`}>{figure.calculation}</div> : null}
      {figure.reason ? <div className={s.note} data-testid={`${testId}-reason`}>{figure.reason}</div> : null}
      {extra ? <div className={s.note}>{extra}</div> : null}
    </div>
  );
}

/**
 * The result: 总分 (or 得分合计 with the reason), 评分等级 with its bands, 执行率 and 预算执行得分, each with how it was
 * computed and why when it could not be; the sheet and, for a sheet of several forms, which one; the counts of
 * 错误 / 警告 / 提示 as the list shows them, which filter it. Focusable, so the pane moves the focus here after a check.
 */
export const Summary = forwardRef<HTMLElement, SummaryProps>(function Summary({ slice, onFilter }, ref) {
  const s = useStyles();
  const dots = useDotStyles();
  const { form, figures: f, counts, filter } = slice;
  // 填写值: what the form itself says, shown where it differs from the computed value (only where the cell exists)
  const differs = (v: { declared: string | null; computed: string | null; cell: string | null }) => v.cell !== null && v.computed !== null && v.declared !== v.computed;
  // what the form said, or — once the computed value was written there — what it said before
  const declared = (v: { declared: string | null; cell: string | null }) => (v.cell !== null && slice.written.has(v.cell) ? T.declaredBefore(v.declared, slice.writtenIn) : T.declared(v.declared));
  const sumOnly = f.totalLabel === "得分合计";
  return (
    <section ref={ref} tabIndex={-1} className={s.root} aria-labelledby="summary-title" data-testid="summary">
      <h2 id="summary-title" className={s.project}>
        {form.projectName ?? `${T.sheet}“${slice.sheet}”`}
      </h2>
      <p className={s.where} data-testid="summary-where">{T.summaryWhere(slice.sheet, slice.index, slice.of)}</p>
      {/* which form of the cycle, in words (rules.md §7.1): a 申报表 is read and its targets checked, never scored */}
      {form.formKind !== "selfEvaluation" ? <p className={s.where} data-testid="form-kind">{formKindSentence(form.formKind)}</p> : null}
      <Figure label={sumOnly ? T.scoreSum : T.totalScore} figure={f.total} testId="total" wide={sumOnly} extra={!sumOnly && differs(form.total) ? declared(form.total) : null} />
      {f.grade ? <Figure label={T.grade} figure={f.grade} testId="grade" extra={differs(form.grade) ? declared(form.grade) : null} /> : null}
      {f.grade?.bands ? <p className={mergeClasses(s.note, s.wide, s.bands)} data-testid="grade-bands">{T.gradeBands(f.grade.bands)}</p> : null}
      <Figure label={T.rate} figure={f.rate} testId="rate" />
      <Figure label={T.budgetScore} figure={f.budgetScore} testId="budget" />
      <div className={s.counts} role="group" aria-label={T.filterHint} data-testid="counts">
        {SEVERITY_ORDER.map((sev) => (
          <ToggleButton key={sev} size="small" shape="circular" checked={filter === sev} onClick={() => onFilter(filter === sev ? null : sev)} data-severity={sev} data-count={counts[sev]}>
            <span className={mergeClasses(dots[sev], s.dotGap)} aria-hidden="true" />
            {T.countButton(SEVERITY_LABEL[sev], counts[sev])}
          </ToggleButton>
        ))}
      </div>
    </section>
  );
});
