import { HighlightKind, highlightHex, highlightRuleFormula, isOwnHighlightRule } from "../../engine";
import { isBlocking } from "./failures";

/**
 * The add-in's highlights in Excel: conditional formats whose rule is engine/highlight's tagged formula, so that a
 * new run replaces the previous one's (the CLI's included) and 清除标注 removes exactly these, never the user's.
 *
 * A conditional format has no identity in Office.js: `ConditionalFormat.id` is "the priority of the conditional
 * format in the current ConditionalFormatCollection", and `add()` puts a new rule "at the first/top priority"
 * (Excel.ConditionalFormat / ConditionalFormatCollection reference, ExcelApi 1.6). Every add moves every rule down one
 * place; every delete moves the rules after it up one. So an id is never kept from one operation to the next: our
 * rules are found by their tagged formula in the round trip before they are deleted, and they are deleted from the
 * highest position down (a delete moves only the rules after it, which are done by then), before any rule is added.
 *
 * A user's own rules can break the API: reading the rule of some of them throws (office-js#6835, #6827), deleting
 * one can throw ItemNotFound (office-js#5222), and a batch stops at its first failing command. So when a batch fails
 * the work is redone in smaller steps that step around the rule Excel cannot handle — a user's odd rule never stops
 * 校验并计分.
 */

const RULE_LOAD = "items/id,items/type,items/customOrNullObject/rule/formula";

/** Every conditional format of a worksheet (those of the whole sheet range). */
export function sheetRules(ws: Excel.Worksheet): Excel.ConditionalFormatCollection {
  return ws.getRange().conditionalFormats;
}

/**
 * Whether a loaded rule is ours: its formula is our tag — or it is a Custom rule without a formula, which is what a
 * batch of ours leaves when it stops between adding a rule and setting its formula (queueHighlight sets it last);
 * Excel's own dialog does not make a Custom rule without one.
 */
function isOurs(cf: Excel.ConditionalFormat, incomplete: boolean): boolean {
  if (cf.customOrNullObject.isNullObject) return false;
  const formula = cf.customOrNullObject.rule.formula;
  return isOwnHighlightRule(formula) || (incomplete && (formula ?? "") === "");
}

/** Our highlight rules among a loaded conditional-format collection (items/id,type,customOrNullObject/rule/formula). */
export function ownHighlights(collection: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return collection.items.filter((cf) => isOurs(cf, false));
}

export interface OwnHighlightIds {
  /** Our rules' positions in the sheet's collection, as read (valid until the next add or delete). */
  readonly ids: readonly string[];
  /** Custom rules whose formula Excel would not give (they are left alone: they may be anyone's). */
  readonly unreadable: number;
}

/** Queue reading which rules of the sheet are ours; after the sync, their positions. One round trip shared with others. */
export function queueOwnHighlightIds(ws: Excel.Worksheet): () => OwnHighlightIds {
  const rules = sheetRules(ws);
  rules.load(RULE_LOAD);
  return () => ({ ids: ownHighlights(rules).map((cf) => cf.id), unreadable: 0 });
}

/**
 * The positions of our highlight rules, in their own round trips: all rules at once; if Excel fails on one of them,
 * the Custom rules' formulas are read in halves until the one(s) it cannot read are isolated and skipped.
 * `alongside` queues the caller's own loads into the first round trip that succeeds. With `incomplete`, a Custom rule
 * without a formula counts as ours (what a failed batch of ours leaves behind).
 */
export async function readOwnHighlightIds(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  alongside: () => void = () => undefined,
  options: { readonly incomplete?: boolean } = {},
): Promise<OwnHighlightIds> {
  const incomplete = options.incomplete ?? false;
  alongside();
  const all = sheetRules(ws);
  all.load(RULE_LOAD);
  try {
    await context.sync();
    return { ids: all.items.filter((cf) => isOurs(cf, incomplete)).map((cf) => cf.id), unreadable: 0 };
  } catch (e) {
    if (isBlocking(e)) throw e;
  }
  alongside(); // a failed round trip delivers none of its loads: queue the caller's again
  const rules = sheetRules(ws);
  rules.load("items/id,items/type");
  try {
    await context.sync();
  } catch (e) {
    if (isBlocking(e)) throw e;
    alongside();
    await context.sync();
    return { ids: [], unreadable: 1 };
  }
  const ids: string[] = [];
  let unreadable = 0;
  // read-only steps: the positions stay as they were read
  const visit = async (group: readonly string[]): Promise<void> => {
    const items = group.map((id) => {
      const cf = rules.getItem(id);
      cf.load("customOrNullObject/rule/formula");
      return cf;
    });
    try {
      await context.sync();
    } catch (e) {
      if (isBlocking(e)) throw e;
      if (group.length === 1) {
        unreadable++;
        return;
      }
      const mid = Math.ceil(group.length / 2);
      await visit(group.slice(0, mid));
      await visit(group.slice(mid));
      return;
    }
    items.forEach((cf, i) => {
      if (isOurs(cf, incomplete)) ids.push(group[i]);
    });
  };
  const custom = rules.items.filter((r) => r.type === "Custom").map((r) => r.id);
  if (custom.length > 0) await visit(custom);
  return { ids, unreadable };
}

/** Positions from the highest down: deleting one then moves only rules already deleted. */
function highestFirst(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort((a, b) => Number(b) - Number(a));
}

/**
 * Queue deleting rules by their positions as read in the round trip before (no sync), from the highest position
 * down. Queue it before any add in the same batch: an add moves every rule down one place.
 */
export function queueDeleteRules(ws: Excel.Worksheet, ids: readonly string[]): void {
  const rules = sheetRules(ws);
  for (const id of highestFirst(ids)) rules.getItem(id).delete();
}

/**
 * Delete rules by their positions as read in the round trip before: all in one round trip, from the highest down.
 * If Excel refuses one (office-js#5222), the batch stopped part-way and the positions are no longer known: ours are
 * found again by their formula and deleted one round trip each (a batch stops at its first failing command),
 * highest first, so a rule Excel keeps refusing moves no other. Returns how many could not be deleted.
 */
export async function deleteRules(context: Excel.RequestContext, ws: Excel.Worksheet, ids: readonly string[]): Promise<{ readonly deleted: number; readonly failed: number }> {
  if (ids.length === 0) return { deleted: 0, failed: 0 };
  queueDeleteRules(ws, ids);
  try {
    await context.sync();
    return { deleted: ids.length, failed: 0 };
  } catch (e) {
    if (isBlocking(e)) throw e;
  }
  const { failed } = await deleteOwnOneByOne(context, ws);
  return { deleted: ids.length - failed, failed };
}

/**
 * Find our rules (and the incomplete ones a failed batch of ours left) and delete them one round trip each, highest
 * first. Returns how many were deleted and how many Excel refused.
 */
export async function deleteOwnOneByOne(context: Excel.RequestContext, ws: Excel.Worksheet): Promise<{ readonly deleted: number; readonly failed: number }> {
  const left = await readOwnHighlightIds(context, ws, undefined, { incomplete: true });
  let failed = 0;
  for (const id of highestFirst(left.ids)) {
    sheetRules(ws).getItem(id).delete();
    try {
      await context.sync(); // one per round trip on purpose: isolates the rule Excel refuses
    } catch (e) {
      if (isBlocking(e)) throw e;
      failed++;
    }
  }
  return { deleted: left.ids.length - failed, failed };
}

/**
 * Queue one highlight rule on a cell. The tagged formula is set last: a rule that has it is complete (fill
 * included); a Custom rule without a formula is what a batch that stopped in between leaves (readOwnHighlightIds'
 * `incomplete`).
 */
export function queueHighlight(range: Excel.Range, kind: HighlightKind): void {
  const cf = range.conditionalFormats.add("Custom");
  cf.custom.format.fill.color = highlightHex(kind);
  cf.custom.rule.formula = `=${highlightRuleFormula(kind)}`;
}
