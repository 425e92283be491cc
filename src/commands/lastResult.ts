import type { CommandSummary } from "./summary";

/**
 * A ribbon command's result that no dialog could show (displayDialogAsync failed, e.g. 12009 on the web when the user
 * dismissed the prompt, or 12011 when the browser blocks pop-ups): kept in this origin's localStorage, which the
 * command runtime and the task pane share, so that the pane shows it — at once when it is open (the `storage` event),
 * else when it is next opened. Cells may have been written; the user must hear of it.
 */
export const LAST_RESULT_KEY = "ziping.lastCommandResult";

export interface KeptResult {
  readonly at: string;
  readonly summary: CommandSummary;
}

type Store = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** Keep a result for the pane; false when there is no storage to keep it in (then only the console has it). */
export function keepForPane(summary: CommandSummary, storage: Store | undefined, now: Date = new Date()): boolean {
  try {
    if (!storage) return false;
    storage.setItem(LAST_RESULT_KEY, JSON.stringify({ at: now.toISOString(), summary } satisfies KeptResult));
    return true;
  } catch {
    return false;
  }
}

/** The kept result, removed as it is taken (shown once); null when there is none or it is damaged. */
export function takeForPane(storage: Store | undefined): KeptResult | null {
  try {
    const text = storage?.getItem(LAST_RESULT_KEY);
    if (!text) return null;
    storage!.removeItem(LAST_RESULT_KEY);
    const kept = JSON.parse(text) as KeptResult;
    return typeof kept.at === "string" && typeof kept.summary?.title === "string" && Array.isArray(kept.summary.lines) ? kept : null;
  } catch {
    return null;
  }
}
