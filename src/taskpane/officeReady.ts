/**
 * Where the pane runs, decided once at start-up. Outside Office (a plain browser, WPS users, office.js blocked or
 * offline) Office is absent or `Office.onReady` answers at once without a host: file mode, immediately. Inside
 * Excel, `Office.onReady` can take long on a slow machine or a large workbook; the pane waits for it however long it
 * takes — it never falls back to file mode inside Excel on its own — and after `slowAfterMs` tells the user, who
 * can reload the pane or choose file mode.
 */

export type HostKind = "excel" | "file";

/** The part of Office.js this needs (tests pass a fake). */
export interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  readonly HostType: { readonly Excel: unknown };
}

export interface ReadyOptions {
  /** When to call `onSlow` if Office has not answered yet. */
  readonly slowAfterMs?: number;
  /** Told that Office is slow; `useFileMode` switches to file mode (the user's choice, never automatic). */
  readonly onSlow?: (useFileMode: () => void) => void;
}

export const SLOW_AFTER_MS = 8000;

export function whereToRun(office: OfficeLike | undefined, options: ReadyOptions = {}): Promise<HostKind> {
  if (!office || typeof office.onReady !== "function") return Promise.resolve("file");
  return new Promise<HostKind>((resolve) => {
    let settled = false;
    const settle = (kind: HostKind) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(kind);
    };
    const timer = setTimeout(() => options.onSlow?.(() => settle("file")), options.slowAfterMs ?? SLOW_AFTER_MS);
    office.onReady().then(
      (info) => settle(info.host === office.HostType.Excel ? "excel" : "file"),
      () => settle("file"),
    );
  });
}
