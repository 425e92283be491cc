/**
 * Which host the pane runs on, without ever hanging on Office.js and without ever throwing away what the user did.
 * The page loads office.js from Microsoft's CDN with `async`, so a CDN that an intranet blocks (or lets time out) does
 * not hold the page. The one start-up policy (README, "The task pane"; test/taskpane/officeReady.test.ts):
 *
 *  1. Office.js says Excel → the Excel pane.
 *  2. Office.js fails, is not on the page, or says another host (a plain browser) → file mode at once, with a note
 *     when Office opened the page (office.js blocked).
 *  3. No answer yet:
 *     - opened by Office (a cold Excel start, a slow CDN from mainland China): after OFFICE_WAIT_MS the pane, still
 *       waiting, offers 重新加载 and 改用文件模式; it becomes the Excel pane whenever Excel answers first (nothing has
 *       been done yet, so nothing is lost), or file mode when office.js fails;
 *     - in a browser (no Office can answer there): file mode after BROWSER_WAIT_MS, with a note.
 *  4. Once the pane is in file mode, it never switches on its own: when Excel answers later the pane offers
 *     切换到 Excel, and only the user's click switches (the chosen file and its results stay until then).
 *
 * Host-free logic with the browser behind `OfficeEnv`, so it is tested without a browser.
 */

/** The part of the Office global this needs. */
export interface OfficeLike {
  onReady(): Promise<{ readonly host: unknown }>;
  readonly HostType: { readonly Excel: unknown };
}

export interface OfficeEnv {
  /** The Office global once office.js has run. */
  office(): OfficeLike | undefined;
  /** The office.js <script> element (absent when the page has none). */
  script(): { addEventListener(type: "load" | "error", listener: () => void): void; readonly src: string } | null;
  /** Whether the script's request has finished, loaded or failed (a failed async script may settle before we listen). */
  scriptSettled(src: string): boolean;
  /** Whether Office opened this page as an add-in (it adds `_host_Info` to the URL), even if office.js never arrives. */
  openedByOffice(): boolean;
  wait(ms: number): Promise<void>;
}

/** Opened by Office: how long office.js gets before the pane, still waiting, offers 重新加载 and 改用文件模式. */
export const OFFICE_WAIT_MS = 8000;
/** In a browser: how long office.js gets (it says "no host" at once when it loads) before the pane is file mode. */
export const BROWSER_WAIT_MS = 2500;

export type BootNote = "blocked" | "slow" | null;

/** What the page shows while it starts, and after. */
export type StartState =
  /** Opened by Office, office.js has not answered within OFFICE_WAIT_MS: still waiting; 重新加载 or 改用文件模式. */
  | { readonly kind: "waiting" }
  | {
      readonly kind: "pane";
      readonly host: "excel" | "file";
      readonly note: BootNote;
      /** File mode, and Excel has answered since: offer 切换到 Excel (never switch on its own). */
      readonly excelReady: boolean;
    };

export interface StartControls {
  /** 改用文件模式, chosen while waiting. */
  useFileMode(): void;
  /** 切换到 Excel, chosen after Excel answered in file mode. */
  useExcel(): void;
}

/** The Office global when office.js has run, null when it failed or is not on the page; pending while it loads. */
function officeScript(env: OfficeEnv): Promise<OfficeLike | null> {
  return new Promise((resolve) => {
    const now = env.office();
    if (now) return resolve(now);
    const script = env.script();
    if (!script) return resolve(null);
    if (env.scriptSettled(script.src)) return resolve(env.office() ?? null);
    script.addEventListener("load", () => resolve(env.office() ?? null));
    script.addEventListener("error", () => resolve(null));
  });
}

/** Whether Office answers "Excel" (false: it failed, or is another host). Never rejects; may never resolve. */
function excelAnswer(env: OfficeEnv): Promise<boolean> {
  return officeScript(env).then(async (office) => {
    if (!office) return false;
    try {
      return (await office.onReady()).host === office.HostType.Excel;
    } catch {
      return false;
    }
  });
}

/**
 * Start the pane by the policy above: `show` is called with each state the page should show, the first one within
 * OFFICE_WAIT_MS (in Office) or BROWSER_WAIT_MS (in a browser); the controls are the user's choices.
 */
export function startPane(env: OfficeEnv, show: (state: StartState) => void): StartControls {
  let state: StartState | null = null;
  let excelAnswered = false;
  const set = (next: StartState) => {
    state = next;
    show(next);
  };
  const inOffice = env.openedByOffice();
  const waitMs = inOffice ? OFFICE_WAIT_MS : BROWSER_WAIT_MS;
  void excelAnswer(env).then((excel) => {
    excelAnswered = excel;
    if (state === null || state.kind === "waiting") {
      set(excel ? { kind: "pane", host: "excel", note: null, excelReady: false } : { kind: "pane", host: "file", note: inOffice ? "blocked" : null, excelReady: false });
    } else if (excel && state.host === "file") set({ ...state, excelReady: true });
  });
  void env.wait(waitMs).then(() => {
    if (state !== null) return;
    set(inOffice ? { kind: "waiting" } : { kind: "pane", host: "file", note: "slow", excelReady: false });
  });
  return {
    useFileMode() {
      // in Office and office.js never answered: most likely a network that blocks Microsoft's CDN
      if (state?.kind === "waiting") set({ kind: "pane", host: "file", note: "blocked", excelReady: excelAnswered });
    },
    useExcel() {
      if (state?.kind === "pane" && state.host === "file" && state.excelReady) set({ kind: "pane", host: "excel", note: null, excelReady: false });
    },
  };
}

/** The browser's OfficeEnv. */
export function browserOfficeEnv(win: Window = window): OfficeEnv {
  const doc = win.document;
  return {
    office: () => (win as unknown as { Office?: OfficeLike }).Office,
    script: () => doc.querySelector<HTMLScriptElement>('script[src*="office.js"]'),
    scriptSettled: (src) => typeof win.performance?.getEntriesByName === "function" && win.performance.getEntriesByName(src).length > 0,
    openedByOffice: () => /[?&]_host_Info=/i.test(win.location.search),
    wait: (ms) => new Promise((resolve) => win.setTimeout(resolve, ms)),
  };
}
