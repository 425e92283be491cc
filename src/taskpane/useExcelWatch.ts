import { Dispatch, MutableRefObject, useEffect, useRef } from "react";
import type { ExcelHost } from "../app";
import type { PaneAction } from "./state";

/** How long the pane waits after the last edit of a sheet before it checks that sheet again (the live re-check). */
export const RECHECK_DELAY_MS = 800;

/**
 * Excel only: coming back to the pane after clicking another sheet marks a result of the old sheet out of date; and
 * the live re-check — after the user edits a sheet, that sheet is read and checked again (debounced, read-only: no
 * write, no highlight changes until 校验并计分 is pressed) and its numbers on show follow.
 */
export function useExcelWatch(
  excel: ExcelHost | null,
  watching: boolean,
  hasOutcome: boolean,
  profileId: string,
  dispatch: Dispatch<PaneAction>,
  /** The pane's action count (usePaneActions): a re-check older than the last action is not shown. */
  actionCount: MutableRefObject<number> = { current: 0 },
) {
  useEffect(() => {
    if (!excel?.activeSheet || !hasOutcome) return;
    const look = () => {
      void excel.activeSheet!().then((sheet) => sheet && dispatch({ type: "activeSheetSeen", sheet }));
    };
    window.addEventListener("focus", look);
    return () => window.removeEventListener("focus", look);
  }, [excel, hasOutcome, dispatch]);

  const profileRef = useRef(profileId);
  profileRef.current = profileId;
  useEffect(() => {
    if (!excel || !watching) return;
    let live = true;
    let stop: (() => Promise<void>) | null = null;
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    // the sequence guard: a re-check's result is shown only if no newer re-check of that sheet and no action of the
    // pane (校验并计分, 写入, 撤销, 忽略 …) started after it, so an older reading never overwrites a newer one
    let started = 0;
    const latest = new Map<string, number>();
    const recheck = (sheet: string) => {
      const mine = ++started;
      const before = actionCount.current;
      latest.set(sheet, mine);
      void excel
        .recheckSheet(sheet, profileRef.current)
        .then((r) => live && r.ok && latest.get(sheet) === mine && actionCount.current === before && dispatch({ type: "sheetRechecked", sheet, outcome: r, edited: true }))
        .catch(() => undefined); // a re-check that fails leaves the numbers as they were; 校验并计分 says why
    };
    void excel
      .watchEdits((sheet) => {
        clearTimeout(timers.get(sheet));
        timers.set(sheet, setTimeout(() => (timers.delete(sheet), live && recheck(sheet)), RECHECK_DELAY_MS));
      })
      .then((s) => {
        if (live) stop = s;
        else void s?.();
      })
      .catch(() => undefined);
    return () => {
      live = false;
      timers.forEach(clearTimeout);
      void stop?.();
    };
  }, [excel, watching, dispatch, actionCount]);
}
