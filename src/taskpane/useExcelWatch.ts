import { Dispatch, useEffect, useRef } from "react";
import type { ExcelHost } from "../app";
import type { PaneAction } from "./state";

/** How long the pane waits after the last edit of a sheet before it checks that sheet again (the live re-check). */
export const RECHECK_DELAY_MS = 800;

/**
 * Excel only: coming back to the pane after clicking another sheet marks a result of the old sheet out of date; and
 * the live re-check — after the user edits a sheet, that sheet is read and checked again (debounced, read-only: no
 * write, no highlight changes until 校验并计分 is pressed) and its numbers on show follow.
 */
export function useExcelWatch(excel: ExcelHost | null, watching: boolean, hasOutcome: boolean, profileId: string, dispatch: Dispatch<PaneAction>) {
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
    const recheck = (sheet: string) => {
      void excel
        .recheckSheet(sheet, profileRef.current)
        .then((r) => live && r.ok && dispatch({ type: "sheetRechecked", sheet, outcome: r, edited: true }))
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
  }, [excel, watching, dispatch]);
}
