/**
 * Which host the pane starts on, without ever hanging on Office.js. The page loads office.js from Microsoft's CDN
 * with `async`, so a CDN that an intranet blocks (or lets time out) no longer holds the page. Office.js gets a few
 * seconds to load and say "Excel"; if it fails, or says anything else, the pane is the file mode at once; if it has
 * not answered by then, the pane starts in file mode with a note and switches to Excel if Excel answers later.
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

/** How long office.js gets before the pane starts in file mode (a slow Excel still takes over when it answers). */
export const OFFICE_WAIT_MS = 3000;

export type BootNote = "blocked" | "slow" | null;

export interface Boot {
  readonly host: "excel" | "file";
  /** blocked: opened by Office but office.js failed or did not answer; slow: not answered yet in a browser. */
  readonly note: BootNote;
  /** When started in file mode before Office answered: resolves true if Excel answers later. */
  readonly late?: Promise<boolean>;
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

/** Decide the host: never waits more than `waitMs`. */
export async function bootHost(env: OfficeEnv, waitMs: number = OFFICE_WAIT_MS): Promise<Boot> {
  const excel = officeScript(env).then(async (office) => {
    if (!office) return false;
    try {
      return (await office.onReady()).host === office.HostType.Excel;
    } catch {
      return false;
    }
  });
  const first = await Promise.race([excel, env.wait(waitMs).then(() => "timeout" as const)]);
  if (first === true) return { host: "excel", note: null };
  if (first === false) return { host: "file", note: env.openedByOffice() ? "blocked" : null };
  return { host: "file", note: env.openedByOffice() ? "blocked" : "slow", late: excel };
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
