import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { countBySeverity, SheetReport, verdictText } from "../../engine";
import { T } from "../strings";

const useStyles = makeStyles({
  root: { display: "grid", gridTemplateColumns: "1fr 1fr", gap: "8px 12px", padding: "12px", borderRadius: tokens.borderRadiusMedium, backgroundColor: tokens.colorNeutralBackground2 },
  label: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  value: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  counts: { gridColumn: "1 / span 2", display: "flex", gap: "8px", flexWrap: "wrap" },
  project: { gridColumn: "1 / span 2", fontWeight: tokens.fontWeightSemibold },
  calc: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
});

/** 总分, 评分等级, 执行率 and the counts of 错误 / 警告 / 提示. */
export function Summary({ report }: { report: SheetReport }) {
  const s = useStyles();
  const form = report.form;
  const counts = countBySeverity(report.findings);
  const rate = form?.funds[0]?.rate.computed;
  const verdict = form ? verdictText(form) : null;
  return (
    <section className={s.root} aria-label="校验结果汇总">
      <div className={s.project}>{form?.projectName ?? `${T.sheet}“${report.sheet}”`}</div>
      <div>
        <div className={s.label}>{verdict?.label ?? T.totalScore}</div>
        <div className={s.value} data-testid="total">{verdict?.value ?? "—"}</div>
        {verdict?.reason ? <div className={s.calc} data-testid="verdict-reason">{verdict.reason}</div> : null}
      </div>
      <div>
        <div className={s.label}>{T.grade}</div>
        <div className={s.value} data-testid="grade">{form?.grade.computed ?? "—"}</div>
      </div>
      <div>
        <div className={s.label}>{T.rate}</div>
        <div className={s.value} data-testid="rate">{rate ? `${rate}%` : "—"}</div>
        {form?.calculations.rate ? <div className={s.calc} data-testid="rate-calc">{form.calculations.rate}</div> : null}
      </div>
      <div>
        <div className={s.label}>{T.budgetScore}</div>
        <div className={s.value}>{form?.budgetScore.computed ?? "—"}</div>
        {form?.calculations.budgetScore ? <div className={s.calc} data-testid="budget-calc">{form.calculations.budgetScore}</div> : null}
      </div>
      <div className={s.counts} data-testid="counts">
        <Badge appearance="filled" color="danger">{`${T.errors} ${counts.error}`}</Badge>
        <Badge appearance="filled" color="warning">{`${T.warnings} ${counts.warning}`}</Badge>
        <Badge appearance="tint" color="informative">{`${T.infos} ${counts.info}`}</Badge>
      </div>
    </section>
  );
}
