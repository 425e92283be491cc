import { makeStyles, mergeClasses, tokens, ToggleButton } from "@fluentui/react-components";
import { forwardRef } from "react";
import { countBySeverity, SEVERITY_ORDER, Severity, SheetReport, verdictText } from "../../engine";
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
  project: { gridColumn: "1 / span 2", margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  wide: { gridColumn: "1 / span 2" },
  counts: { gridColumn: "1 / span 2", display: "flex", gap: "6px", flexWrap: "wrap" },
  dotGap: { marginRight: "4px" },
});

export interface SummaryProps {
  readonly report: SheetReport;
  readonly filter: Severity | null;
  readonly onFilter: (filter: Severity | null) => void;
}

/**
 * 总分 (or, when the form does not add up at its root, 得分合计 with the reason), 评分等级, 执行率 and 预算执行得分 with
 * how they were computed, and the counts of 错误 / 警告 / 提示, which filter the list. Focusable, so the pane can
 * move the focus here after a check.
 */
export const Summary = forwardRef<HTMLElement, SummaryProps>(function Summary({ report, filter, onFilter }, ref) {
  const s = useStyles();
  const dots = useDotStyles();
  const form = report.form;
  const counts = countBySeverity(report.findings);
  const totalsRow = form?.funds[0];
  const rate = totalsRow?.rate.computed;
  // rules.md §5: nothing derived from a form that does not add up at its root — its sum is shown as 得分合计, and a
  // form with no 分值/得分 is not scored; either says why
  const verdict = form ? verdictText(form) : null;
  const sumOnly = verdict?.label === "得分合计";
  // 填写值: what the form itself says, shown where it differs from the computed value (only where the cell exists)
  const differs = (v: { declared: string | null; computed: string | null; cell: string | null }) => v.cell !== null && v.computed !== null && v.declared !== v.computed;
  return (
    <section ref={ref} tabIndex={-1} className={s.root} aria-labelledby="summary-title" data-testid="summary">
      <h2 id="summary-title" className={s.project}>
        {form?.projectName ?? `${T.sheet}“${report.sheet}”`}
      </h2>
      <div className={sumOnly ? s.wide : undefined}>
        <div className={s.label}>{sumOnly ? T.scoreSum : T.totalScore}</div>
        <div className={s.value} data-testid="total">{verdict?.value ?? "—"}</div>
        {verdict?.reason ? <div className={s.note} data-testid="verdict-reason">{verdict.reason}</div> : null}
        {form && !sumOnly && differs(form.total) ? <div className={s.note}>{T.declared(form.total.declared)}</div> : null}
      </div>
      {sumOnly ? null : (
        <div>
          <div className={s.label}>{T.grade}</div>
          <div className={s.value} data-testid="grade">{form?.grade.computed ?? "—"}</div>
          {form && differs(form.grade) ? <div className={s.note}>{T.declared(form.grade.declared)}</div> : null}
        </div>
      )}
      <div>
        <div className={s.label}>{T.rate}</div>
        <div className={s.value} data-testid="rate">{rate ? `${rate}%` : "—"}</div>
        {form?.calculations.rate ? <div className={s.note} data-testid="rate-calc">{form.calculations.rate}</div> : null}
      </div>
      <div>
        <div className={s.label}>{T.budgetScore}</div>
        <div className={s.value}>{form?.budgetScore.computed ?? "—"}</div>
        {form?.calculations.budgetScore ? <div className={s.note} data-testid="budget-calc">{form.calculations.budgetScore}</div> : null}
      </div>
      <div className={s.counts} role="group" aria-label={T.filterHint} data-testid="counts">
        {SEVERITY_ORDER.map((sev) => (
          <ToggleButton
            key={sev}
            size="small"
            shape="circular"
            checked={filter === sev}
            onClick={() => onFilter(filter === sev ? null : sev)}
            data-severity={sev}
          >
            <span className={mergeClasses(dots[sev], s.dotGap)} aria-hidden="true" />
            {T.countButton(SEVERITY_LABEL[sev], counts[sev])}
          </ToggleButton>
        ))}
      </div>
    </section>
  );
});
