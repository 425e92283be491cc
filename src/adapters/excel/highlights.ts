import { HighlightKind, highlightHex, highlightRuleFormula, isOwnHighlightRule } from "../../engine";
import { isBlocking } from "./failures";

/**
 * The add-in's highlights in Excel: conditional formats whose rule is engine/highlight's tagged formula, so that a
 * new run replaces the previous one's (the CLI's included) and 清除标注 removes exactly these, never the user's.
 *
 * A user's own rules can break the API: reading the rule of some of them throws (office-js#6835, #6827), deleting
 * one can throw ItemNotFound (office-js#5222), and a batch stops at its first failing command. So the rules are
 * read and deleted by id, and when a batch fails the work is redone in smaller steps that step around the rule
 * Excel cannot handle — a user's odd rule never stops 校验并计分.
 */

const RULE_LOAD = "items/id,items/type,items/customOrNullObject/rule/formula";

/** Every conditional format of a worksheet (those of the whole sheet range). */
export function sheetRules(ws: Excel.Worksheet): Excel.ConditionalFormatCollection {
  return ws.getRange().conditionalFormats;
}

/** Our highlight rules among a loaded conditional-format collection (items/id,type,customOrNullObject/rule/formula). */
export function ownHighlights(collection: Excel.ConditionalFormatCollection): Excel.ConditionalFormat[] {
  return collection.items.filter((cf) => !cf.customOrNullObject.isNullObject && isOwnHighlightRule(cf.customOrNullObject.rule.formula));
}

export interface OwnHighlightIds {
  /** Our rules' ids. */
  readonly ids: readonly string[];
  /** Every rule's id (ours and the user's): what a batch adds is what was not here before it. */
  readonly all: readonly string[];
  /** Custom rules whose formula Excel would not give (they are left alone: they may be anyone's). */
  readonly unreadable: number;
}

/** Queue reading which rules of the sheet are ours; after the sync, their ids. One round trip shared with others. */
export function queueOwnHighlightIds(ws: Excel.Worksheet): () => OwnHighlightIds {
  const rules = sheetRules(ws);
  rules.load(RULE_LOAD);
  return () => ({ ids: ownHighlights(rules).map((cf) => cf.id), all: rules.items.map((cf) => cf.id), unreadable: 0 });
}

/**
 * The ids of our highlight rules, in their own round trips: all rules at once; if Excel fails on one of them, the
 * Custom rules' formulas are read in halves until the one(s) it cannot read are isolated and skipped. `alongside`
 * queues the caller's own loads into the first round trip that succeeds.
 */
export async function readOwnHighlightIds(context: Excel.RequestContext, ws: Excel.Worksheet, alongside: () => void = () => undefined): Promise<OwnHighlightIds> {
  alongside();
  const all = queueOwnHighlightIds(ws);
  try {
    await context.sync();
    return all();
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
    return { ids: [], all: [], unreadable: 1 };
  }
  const ids: string[] = [];
  let unreadable = 0;
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
      if (!cf.customOrNullObject.isNullObject && isOwnHighlightRule(cf.customOrNullObject.rule.formula)) ids.push(group[i]);
    });
  };
  const custom = rules.items.filter((r) => r.type === "Custom").map((r) => r.id);
  if (custom.length > 0) await visit(custom);
  return { ids, all: rules.items.map((r) => r.id), unreadable };
}

/** Queue deleting rules by id (no sync). */
export function queueDeleteRules(ws: Excel.Worksheet, ids: readonly string[]): void {
  const rules = sheetRules(ws);
  for (const id of ids) rules.getItem(id).delete();
}

/** The ids among `ids` that the sheet still has (one round trip; ids and types only, which every rule gives). */
export async function remainingRuleIds(context: Excel.RequestContext, ws: Excel.Worksheet, ids: readonly string[]): Promise<string[]> {
  const rules = sheetRules(ws);
  rules.load("items/id");
  await context.sync();
  const present = new Set(rules.items.map((r) => r.id));
  return ids.filter((id) => present.has(id));
}

/**
 * Delete rules by id: all in one round trip; if Excel refuses one (office-js#5222), the rest one at a time — each
 * in its own round trip, because a batch stops at its first failing command. Returns how many could not be deleted.
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
  const left = await remainingRuleIds(context, ws, ids);
  let failed = 0;
  for (const id of left) {
    queueDeleteRules(ws, [id]);
    try {
      await context.sync(); // one per round trip on purpose: isolates the rule Excel refuses
    } catch (e) {
      if (isBlocking(e)) throw e;
      failed++;
    }
  }
  return { deleted: ids.length - failed, failed };
}

/**
 * Queue one highlight rule on a cell. The tagged formula is set last: a rule that has it is complete (fill
 * included), which is how a failed batch is told apart from a finished one (applyPlan's settle).
 */
export function queueHighlight(range: Excel.Range, kind: HighlightKind): void {
  const cf = range.conditionalFormats.add("Custom");
  cf.custom.format.fill.color = highlightHex(kind);
  cf.custom.rule.formula = `=${highlightRuleFormula(kind)}`;
}
