import { Badge, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { KeyboardEvent, useMemo, useRef, useState } from "react";
import type { FindingReport, Severity, SheetReport } from "../../engine";
import { FindingCard, findingGroups, RepeatedCards } from "../findingCards";
import { CODE_TITLE, SEVERITY_LABEL, T } from "../strings";
import { IgnoreForm } from "./IgnoreForm";
import { useDotStyles } from "./palette";

const focusRing = { ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" } };
/** A button that reads as a link: no frame, the link colour, the text's own font. */
const textButton = {
  border: "none",
  backgroundColor: "transparent",
  color: tokens.colorBrandForegroundLink,
  font: "inherit",
  fontSize: tokens.fontSizeBase200,
  cursor: "pointer",
  ...focusRing,
};

const useStyles = makeStyles({
  root: { minWidth: 0 },
  heading: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: "4px 0 2px" },
  hint: { margin: "0 0 6px", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  group: { marginTop: "8px" },
  groupHeading: { margin: 0 },
  groupToggle: {
    display: "flex",
    alignItems: "center",
    gap: "6px",
    width: "100%",
    padding: "6px 4px",
    border: "none",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    fontWeight: tokens.fontWeightSemibold,
    textAlign: "left",
    cursor: "pointer",
    ...focusRing,
  },
  chevron: { display: "inline-block", width: "1em", color: tokens.colorNeutralForeground2 },
  list: { listStyleType: "none", margin: "6px 0 0", padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  nested: { listStyleType: "none", margin: "6px 0 0 8px", padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  card: {
    position: "relative",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: "hidden",
  },
  active: { border: `2px solid ${tokens.colorBrandStroke1}` },
  main: {
    display: "block",
    width: "100%",
    // room on the right for 详情, which sits over the card's top-right corner
    padding: "8px 48px 8px 8px",
    border: "none",
    backgroundColor: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    textAlign: "left",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ...focusRing,
  },
  head: { display: "flex", alignItems: "baseline", gap: "6px", flexWrap: "wrap" },
  title: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  cells: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, fontFamily: tokens.fontFamilyMonospace },
  message: { display: "block", margin: "6px 0 0", lineHeight: tokens.lineHeightBase300, overflowWrap: "anywhere" },
  calc: { display: "block", margin: "2px 0 0", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  foot: { display: "flex", flexDirection: "column", gap: "4px", padding: "0 8px", ":empty": { display: "none" } },
  inPlace: {
    margin: "0 0 6px",
    padding: "4px 6px",
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground3,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
  },
  detailsToggle: { ...textButton, position: "absolute", top: "6px", right: "6px", padding: "2px 4px" },
  details: { margin: "0 0 6px", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  code: { fontFamily: tokens.fontFamilyMonospace },
  ignoreRow: { display: "flex", alignItems: "baseline", gap: "6px", flexWrap: "wrap", margin: "0 0 6px", fontSize: tokens.fontSizeBase200 },
  linkButton: { ...textButton, padding: "0 2px" },
  ignoredItem: {
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
  },
  repeatToggle: {
    display: "block",
    width: "100%",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    textAlign: "left",
    cursor: "pointer",
    overflowWrap: "anywhere",
    ...focusRing,
  },
});

const SEVERITY_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export interface FindingListProps {
  readonly report: SheetReport;
  readonly filter: Severity | null;
  /** The card last clicked (its key). */
  readonly activeKey: string | null;
  /** File mode: what the cells display, to show a clicked card's cells in place. Excel: null. */
  readonly cellText: Readonly<Record<string, string>> | null;
  /** Excel: the cell selected for the active card, said in place (not in the notice at the top, out of view). */
  readonly selected?: string | null;
  readonly onActivate: (card: FindingCard) => void;
  /**
   * 忽略 with a reason (omitted where the host cannot keep it): the key of a finding (formDetails), and what saves or
   * takes back a decision — resolving to a Chinese message when it could not be done.
   */
  readonly ignore?: {
    readonly keyOf: (f: FindingReport) => string | undefined;
    readonly by: string;
    readonly accept: (f: FindingReport, key: string, reason: string, by: string) => Promise<string | null>;
    readonly unaccept: (key: string) => Promise<void>;
  };
}

/**
 * The findings as the Accessibility Checker lists them: 错误 / 警告 / 提示 groups (collapsible), one card per place,
 * runs of one kind summarised. One tab stop for the whole list: ↑ ↓ Home End move between its items (roving
 * tabindex); the current card's 详情 is the only other stop. Enter or a click on a card selects its cell in Excel,
 * or shows its cells with their values in place (file mode).
 */
export function FindingList({ report, filter, activeKey, cellText, selected = null, onActivate, ignore }: FindingListProps) {
  const s = useStyles();
  const dots = useDotStyles();
  // 已忽略 findings are listed apart, at the end, with their reasons; the groups hold the others
  const live = useMemo(() => ({ ...report, findings: report.findings.filter((f) => !f.ignored) }), [report]);
  const ignored = useMemo(() => report.findings.filter((f) => f.ignored), [report]);
  const groups = useMemo(() => findingGroups(live, filter), [live, filter]);
  /** The finding whose 忽略 form is open (by its key). */
  const [ignoring, setIgnoring] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState<ReadonlySet<Severity>>(new Set());
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [details, setDetails] = useState<ReadonlySet<string>>(new Set());
  const [current, setCurrent] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const toggle = <T,>(set: ReadonlySet<T>, value: T) => {
    const next = new Set(set);
    if (next.has(value)) next.delete(value);
    else next.add(value);
    return next;
  };

  // the items ↑ ↓ move between, in the order they are shown
  const navKeys: string[] = [];
  for (const g of groups) {
    navKeys.push(`group:${g.severity}`);
    if (collapsed.has(g.severity)) continue;
    for (const item of g.items) {
      navKeys.push(item.key);
      if (item.kind === "repeat" && expanded.has(item.key)) navKeys.push(...item.cards.map((c) => c.key));
    }
  }
  const currentKey = current !== null && navKeys.includes(current) ? current : (navKeys[0] ?? null);

  const focusItem = (key: string) => {
    setCurrent(key);
    const items = listRef.current?.querySelectorAll<HTMLElement>("[data-nav]") ?? [];
    [...items].find((el) => el.dataset.nav === key)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const i = currentKey === null ? -1 : navKeys.indexOf(currentKey);
    const next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: navKeys.length - 1 }[e.key];
    if (next === undefined || (e.target as HTMLElement).dataset.nav === undefined) return;
    e.preventDefault();
    if (next >= 0 && next < navKeys.length) focusItem(navKeys[next]);
  };
  const nav = (key: string) => ({ "data-nav": key, tabIndex: key === currentKey ? 0 : -1, onFocus: () => setCurrent(key) });

  if (report.findings.length === 0) return <p>{T.noFindings}</p>;

  /** The active card's warnings and infos, each with 忽略… (errors can't be ignored), or its open form. */
  const renderIgnore = (card: FindingCard) => {
    if (!ignore || card.key !== activeKey) return null;
    return card.findings.map((f, i) => {
      const key = ignore.keyOf(f);
      if (!key) return null;
      if (ignoring === key) {
        return (
          <IgnoreForm
            key={i}
            message={f.message}
            by={ignore.by}
            onCancel={() => setIgnoring(null)}
            onSubmit={async (reason, by) => {
              const refused = await ignore.accept(f, key, reason, by);
              if (!refused) setIgnoring(null);
              return refused;
            }}
          />
        );
      }
      return (
        <p key={i} className={s.ignoreRow}>
          <span>{CODE_TITLE_OR(f)}</span>
          {f.severity === "error" ? (
            <span>{T.ignore.noErrors}</span>
          ) : (
            <button type="button" className={s.linkButton} data-testid="ignore" onClick={() => setIgnoring(key)}>
              {T.ignore.button}
            </button>
          )}
        </p>
      );
    });
  };

  const renderCard = (card: FindingCard) => {
    const active = card.key === activeKey;
    const mixed = new Set(card.findings.map((f) => f.severity)).size > 1;
    const open = details.has(card.key);
    return (
      <li key={card.key} className={mergeClasses(s.card, active && s.active)} aria-current={active ? "true" : undefined} data-card={card.key}>
        <button
          type="button"
          className={s.main}
          {...nav(card.key)}
          onClick={() => onActivate(card)}
        >
          <span className={s.head}>
            <Badge appearance="filled" color={SEVERITY_COLOR[card.severity]} size="small">
              {SEVERITY_LABEL[card.severity]}
            </Badge>
            <span className={s.title}>{card.title}</span>
            {card.cells.length ? <span className={s.cells}>{card.cells.join("、")}</span> : null}
          </span>
          <span>
            {card.findings.map((f, i) => (
              <span key={i} data-code={f.code} data-severity={f.severity}>
                <span className={s.message}>
                  {mixed ? `【${SEVERITY_LABEL[f.severity]}】` : null}
                  {f.message}
                </span>
                {f.calculation ? <span className={s.calc}>{`${T.calculation}：${f.calculation}`}</span> : null}
              </span>
            ))}
          </span>
        </button>
        <button type="button" className={s.detailsToggle} aria-expanded={open} tabIndex={card.key === currentKey ? 0 : -1} onClick={() => setDetails(toggle(details, card.key))}>
          {T.details}
        </button>
        <div className={s.foot}>
          {active && cellText && card.cells.length > 0 ? (
            <p className={s.inPlace} role="status" data-testid="in-place">
              {T.cellsInFile(report.sheet)}
              {card.cells.map((a1) => T.cellNow(a1, cellText[a1] ?? "")).join("；")}
            </p>
          ) : null}
          {active && !cellText && selected ? (
            <p className={s.inPlace} role="status" data-testid="in-place">
              {T.selected(report.sheet, selected)}
            </p>
          ) : null}
          {renderIgnore(card)}
          {open ? (
            <p className={s.details}>
              {`${T.codeLabel}：`}
              <span className={s.code}>{[...new Set(card.findings.map((f) => f.code))].join("、")}</span>
            </p>
          ) : null}
        </div>
      </li>
    );
  };

  const renderRepeat = (item: RepeatedCards) => {
    const open = expanded.has(item.key);
    return (
      <li key={item.key} data-repeat={item.code}>
        <button type="button" className={s.repeatToggle} {...nav(item.key)} aria-expanded={open} onClick={() => setExpanded(toggle(expanded, item.key))}>
          <span className={s.chevron} aria-hidden="true">{open ? "▾" : "▸"}</span>
          {item.label}
          <span className={s.cells}>{`（${open ? T.repeatHide : T.repeatShow}）`}</span>
        </button>
        {open ? <ul className={s.nested}>{item.cards.map(renderCard)}</ul> : null}
      </li>
    );
  };

  return (
    <section className={s.root} aria-labelledby="findings-title">
      <h2 id="findings-title" className={s.heading}>{T.findings}</h2>
      <p className={s.hint}>{T.findingsHint}</p>
      {groups.length === 0 && filter ? <p>{T.noFindingsOfKind(SEVERITY_LABEL[filter])}</p> : null}
      <div ref={listRef} onKeyDown={onKeyDown}>
        {groups.map((g) => {
          const open = !collapsed.has(g.severity);
          return (
            <div key={g.severity} className={s.group} data-group={g.severity}>
              <h3 className={s.groupHeading}>
                <button type="button" className={s.groupToggle} {...nav(`group:${g.severity}`)} aria-expanded={open} aria-controls={open ? `group-${g.severity}` : undefined} onClick={() => setCollapsed(toggle(collapsed, g.severity))}>
                  <span className={s.chevron} aria-hidden="true">{open ? "▾" : "▸"}</span>
                  <span className={dots[g.severity]} aria-hidden="true" />
                  {T.groupHeading(SEVERITY_LABEL[g.severity], g.places)}
                </button>
              </h3>
              {open ? (
                <ul id={`group-${g.severity}`} className={s.list}>
                  {g.items.map((item) => (item.kind === "card" ? renderCard(item) : renderRepeat(item)))}
                </ul>
              ) : null}
            </div>
          );
        })}
      </div>
      {ignored.length > 0 ? (
        <div className={s.group} data-group="ignored">
          <h3 className={s.groupHeading}>{T.ignore.group(ignored.length)}</h3>
          <ul className={s.list}>
            {ignored.map((f, i) => {
              const key = ignore?.keyOf(f);
              return (
                <li key={i} className={s.ignoredItem} data-code={f.code} data-ignored="true">
                  <span>{`${f.cells.length ? `${f.cells.join("、")} ` : ""}${f.message}`}</span>
                  <span className={s.message}>{T.ignore.line(f.ignored!.reason, f.ignored!.by, f.ignored!.at)}</span>
                  {ignore && key ? (
                    <button type="button" className={s.linkButton} onClick={() => void ignore.unaccept(key)}>
                      {T.ignore.undo}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

/** A finding's short name (CODE_TITLE) for the 忽略 row, or its severity when it has none. */
const CODE_TITLE_OR = (f: FindingReport) => `【${SEVERITY_LABEL[f.severity]}】${CODE_TITLE[f.code as keyof typeof CODE_TITLE] ?? f.code}`;
