import { areaOfRange, MergeArea } from "../../engine";

/**
 * The add-in's own writes, as the live re-check must tell them from the user's. Excel raises
 * WorksheetCollection.onChanged for changes made by add-in code as well as by the user ("Events triggers",
 * learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events). Where ExcelApi 1.14 is there, the event says so
 * itself (`triggerSource: "ThisLocalAddin"`, Excel.EventTriggerSource), and this is not needed. On an Excel without
 * it, every batch that writes cells notes them here first (a write marker), and an event whose cells were all
 * written by the add-in within the last GRACE_MS is taken as ours. Not `runtime.enableEvents = false` around the
 * batches: that switches events off for the whole add-in and would lose the user's own edits made meanwhile, and a
 * batch that failed half-way would leave them off.
 */
export interface OwnWrites {
  /** Note cells (A1 ranges) of a sheet about to be written by this add-in; `id` when known (events name sheets by id). */
  note(sheet: { readonly name: string; readonly id?: string }, ranges: readonly string[]): void;
  /** Whether an event's cells were all written by the add-in a moment ago: by sheet id (no round trip) … */
  byId(worksheetId: string, address: string): boolean;
  /** … or by sheet name, once the id has been looked up. */
  byName(name: string, address: string): boolean;
}

/** How long after a batch noted its cells an event for them is taken as the add-in's (events come after the batch). */
export const GRACE_MS = 10_000;

interface Entry {
  readonly name: string;
  readonly id?: string;
  readonly areas: readonly MergeArea[];
  readonly at: number;
}

const within = (a: MergeArea, b: MergeArea) => a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;

/** Event addresses are A1 ranges (no sheet); a whole column or row, or anything unparseable, is never taken as ours. */
function areaOf(address: string): MergeArea | null {
  try {
    return /^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/i.test(address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "")) ? areaOfRange(address.replace(/\$/g, "")) : null;
  } catch {
    return null;
  }
}

export function ownWrites(now: () => number = Date.now): OwnWrites {
  let entries: Entry[] = [];
  const live = () => {
    const t = now();
    entries = entries.filter((e) => t - e.at <= GRACE_MS);
    return entries;
  };
  const covered = (match: (e: Entry) => boolean, address: string) => {
    const area = areaOf(address);
    return area !== null && live().some((e) => match(e) && e.areas.some((a) => within(area, a)));
  };
  return {
    note(sheet, ranges) {
      const areas = ranges.flatMap((r) => {
        const a = areaOf(r);
        return a ? [a] : [];
      });
      if (areas.length > 0) entries = [...live(), { name: sheet.name, ...(sheet.id ? { id: sheet.id } : {}), areas, at: now() }];
    },
    byId: (worksheetId, address) => covered((e) => e.id === worksheetId, address),
    byName: (name, address) => covered((e) => e.name === name, address),
  };
}

/** A recorder that notes nothing (tests and callers that do not listen to events). */
export const NO_OWN_WRITES: OwnWrites = { note: () => undefined, byId: () => false, byName: () => false };
