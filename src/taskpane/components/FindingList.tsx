import { Badge, Button, makeStyles, tokens } from "@fluentui/react-components";
import type { FindingReport, SheetReport } from "../../engine";
import { PART_LABEL, PART_ORDER, SEVERITY_LABEL, T } from "../strings";

const useStyles = makeStyles({
  group: { marginTop: "12px" },
  heading: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: "0 0 6px" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "8px" },
  item: {
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  active: { border: `2px solid ${tokens.colorBrandStroke1}` },
  head: { display: "flex", alignItems: "center", gap: "6px", flexWrap: "wrap" },
  code: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, fontFamily: tokens.fontFamilyMonospace },
  message: { margin: "6px 0 0", lineHeight: tokens.lineHeightBase300 },
  calc: { margin: "4px 0 0", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyMonospace, overflowWrap: "anywhere" },
  cells: { display: "flex", gap: "2px", flexWrap: "wrap" },
  cell: { minWidth: "auto", fontFamily: tokens.fontFamilyMonospace },
});

const SEVERITY_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export interface FindingListProps {
  readonly report: SheetReport;
  /** The finding last clicked (its index in report.findings). */
  readonly activeIndex: number | null;
  readonly onSelectCell: (finding: number, a1: string) => void;
}

/** Findings grouped by part of the form (资金 / 指标 / 总分与等级 / 目标 / 表格), each with its cells. */
export function FindingList({ report, activeIndex, onSelectCell }: FindingListProps) {
  const s = useStyles();
  if (report.findings.length === 0) return <p>{T.noFindings}</p>;
  const indexed = report.findings.map((f, i) => [f, i] as const);
  const parts = [...PART_ORDER, ...new Set(report.findings.map((f) => f.part).filter((p) => !(PART_ORDER as readonly string[]).includes(p)))];
  return (
    <div aria-label={T.findings}>
      {parts.map((part) => {
        const items = indexed.filter(([f]) => f.part === part);
        if (items.length === 0) return null;
        return (
          <section key={part} className={s.group} aria-labelledby={`part-${part}`}>
            <h3 id={`part-${part}`} className={s.heading}>{`${PART_LABEL[part] ?? part}（${items.length}）`}</h3>
            <ul className={s.list}>
              {items.map(([f, i]) => (
                <FindingItem key={i} finding={f} active={activeIndex === i} onSelectCell={(a1) => onSelectCell(i, a1)} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function FindingItem({ finding, active, onSelectCell }: { finding: FindingReport; active: boolean; onSelectCell: (a1: string) => void }) {
  const s = useStyles();
  return (
    <li className={active ? `${s.item} ${s.active}` : s.item} aria-current={active ? "true" : undefined} data-code={finding.code}>
      <div className={s.head}>
        <Badge appearance="filled" color={SEVERITY_COLOR[finding.severity]} size="small">{SEVERITY_LABEL[finding.severity]}</Badge>
        <span className={s.cells}>
          {finding.cells.map((a1) => (
            <Button key={a1} className={s.cell} size="small" appearance="subtle" aria-label={T.goToCell(a1)} title={T.goToCell(a1)} onClick={() => onSelectCell(a1)}>
              {a1}
            </Button>
          ))}
        </span>
        <span className={s.code}>{finding.code}</span>
      </div>
      <p className={s.message}>{finding.message}</p>
      {finding.calculation ? <p className={s.calc}>{`${T.calculation}：${finding.calculation}`}</p> : null}
    </li>
  );
}
