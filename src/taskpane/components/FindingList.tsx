import { Badge, mergeClasses } from "@fluentui/react-components";
import { useStyles } from "./FindingList.styles";
import { KeyboardEvent, useMemo, useRef, useState } from "react";
import type { FindingReport, Severity } from "../../engine";
import { FindingCard, findingGroups, groupHeading, RepeatedCards } from "../findingCards";
import { inPlaceText } from "../inPlace";
import type { FindingsSlice } from "../slices";
import { CODE_TITLE, SEVERITY_LABEL, T } from "../strings";
import { IgnoreForm } from "./IgnoreForm";
import { useDotStyles } from "./palette";

const SEVERITY_COLOR = { error: "danger", warning: "warning", info: "informative" } as const;

export interface FindingListProps {
  /** The form on show, the filter, the card last clicked, and (file mode) what the cells display. */
  readonly slice: FindingsSlice;
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
export function FindingList({ slice, selected = null, onActivate, ignore }: FindingListProps) {
  const s = useStyles();
  const { report, filter, active: activeKey, cellText } = slice;
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
          {card.where ? <span className={s.where} data-testid="where">{T.whereLabel(card.where)}</span> : null}
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
              {inPlaceText(card.cells, cellText)}
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
      <li key={item.key} data-repeat={item.code} data-findings={item.cards.reduce((n, c) => n + c.findings.length, 0)}>
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
                  {groupHeading(SEVERITY_LABEL[g.severity], g)}
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
