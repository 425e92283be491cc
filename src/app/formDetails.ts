import { DEFAULT_VOCABULARY, findingKey, SheetAnalysis, TaughtLabel, toA1 } from "../engine";

/** A header label of a form's table that the locator could not place (HEADER_UNRECOGNIZED), to teach it. */
export interface UnplacedHeader {
  readonly text: string;
  /** Its cell (A1). */
  readonly cell: string;
  readonly table: "funds" | "indicators";
}

/**
 * What the pane needs of a form beyond its report, as plain data (it crosses from a host, or a worker, to the pane):
 * the key of each finding (findingKey, in the report's order) so a finding can be accepted (忽略) or unaccepted by
 * key, and the header labels it could not place, so the user can say what they are (teach a layout).
 */
export interface FormDetails {
  readonly keys: readonly string[];
  readonly unplaced: readonly UnplacedHeader[];
}

/** The details of each form of an analysed sheet, in form order (empty for a sheet that holds none). */
export function formDetails(analysis: SheetAnalysis): FormDetails[] {
  if (!analysis.isForm) return [];
  return analysis.forms.map(({ form, findings }) => ({
    keys: findings.map((f) => findingKey(form, f)),
    unplaced: form.model.unplaced.map((u) => ({ text: u.text, cell: toA1(u.at), table: u.where })),
  }));
}

/** A field a header cell can be taught as, with the name accountants know it by (its first word in the vocabulary). */
export interface TeachField {
  readonly table: TaughtLabel["table"];
  readonly field: string;
  /** `项目资金表：全年预算数`. */
  readonly name: string;
}

const TABLE_NAMES: Record<TaughtLabel["table"], string> = { header: "表头", funds: "项目资金表", goal: "年度总体目标", indicators: "绩效指标表" };

/** Every field a header can be taught as, table by table, in the vocabulary's order. */
export const TEACH_FIELDS: readonly TeachField[] = (Object.keys(TABLE_NAMES) as TaughtLabel["table"][]).flatMap((table) =>
  Object.entries(DEFAULT_VOCABULARY[table] as Record<string, readonly string[]>).map(([field, words]) => ({ table, field, name: `${TABLE_NAMES[table]}：${words[0]}` })),
);

/** A taught label from the pane's choice, or null when the choice is no field of that table or the text is blank. */
export function taughtLabel(table: string, field: string, text: string): TaughtLabel | null {
  const t = text.trim();
  if (t === "" || !TEACH_FIELDS.some((f) => f.table === table && f.field === field)) return null;
  return { table, field, text: t } as TaughtLabel;
}
