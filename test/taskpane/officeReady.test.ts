import { BROWSER_WAIT_MS, OFFICE_WAIT_MS, OfficeEnv, OfficeLike, StartState, startPane } from "../../src/taskpane/officeReady";

/** A page whose office.js is in one of the states a browser or Excel can be in. */
function env(options: {
  office?: OfficeLike;
  script?: "none" | "pending" | "settled";
  openedByOffice?: boolean;
}): OfficeEnv & { load(office: OfficeLike | undefined): void; fail(): void; elapse(): void; waited: number[] } {
  let office = options.office;
  const listeners: Record<string, (() => void)[]> = { load: [], error: [] };
  let timer: (() => void) | null = null;
  const waited: number[] = [];
  return {
    waited,
    office: () => office,
    script: () => (options.script === "none" ? null : { src: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js", addEventListener: (t, l) => listeners[t].push(l) }),
    scriptSettled: () => options.script === "settled",
    openedByOffice: () => options.openedByOffice ?? false,
    wait: (ms) => {
      waited.push(ms);
      return new Promise((resolve) => (timer = () => resolve()));
    },
    load(o) {
      office = o;
      listeners.load.forEach((l) => l());
    },
    fail() {
      listeners.error.forEach((l) => l());
    },
    elapse() {
      timer?.();
    },
  };
}

const excel: OfficeLike = { HostType: { Excel: "Excel" }, onReady: async () => ({ host: "Excel" }) };
const browser: OfficeLike = { HostType: { Excel: "Excel" }, onReady: async () => ({ host: null }) };
const never: OfficeLike = { HostType: { Excel: "Excel" }, onReady: () => new Promise(() => undefined) };
const tick = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};

/** Start a pane over `e` and record every state it shows. */
function started(e: OfficeEnv) {
  const shown: StartState[] = [];
  const controls = startPane(e, (s) => shown.push(s));
  return { shown, controls };
}

const pane = (host: "excel" | "file", note: "blocked" | "slow" | null, excelReady = false) => ({ kind: "pane", host, note, excelReady });

describe("the start-up policy (officeReady.ts; README, The task pane): never hangs, never throws the user's work away", () => {
  it("Excel answers: the Excel pane, no note", async () => {
    const { shown } = started(env({ office: excel, openedByOffice: true }));
    await tick();
    expect(shown).toEqual([pane("excel", null)]);
  });

  it("office.js loads after the bundle and says Excel", async () => {
    const e = env({ script: "pending", openedByOffice: true });
    const { shown } = started(e);
    await tick();
    e.load(excel);
    await tick();
    expect(shown).toEqual([pane("excel", null)]);
  });

  it("a plain browser (Office.onReady without a host): file mode at once, no note", async () => {
    const { shown } = started(env({ office: browser }));
    await tick();
    expect(shown).toEqual([pane("file", null)]);
  });

  it("office.js refused (offline): file mode at once; a note only when Office opened the page", async () => {
    const offline = env({ script: "pending" });
    const a = started(offline);
    await tick();
    offline.fail();
    await tick();
    expect(a.shown).toEqual([pane("file", null)]);
    const inExcel = env({ script: "pending", openedByOffice: true });
    const b = started(inExcel);
    await tick();
    inExcel.fail();
    await tick();
    expect(b.shown).toEqual([pane("file", "blocked")]);
  });

  it("office.js failed before the bundle listened, or is not on the page: file mode", async () => {
    const a = started(env({ script: "settled" }));
    const b = started(env({ script: "none" }));
    await tick();
    expect([a.shown, b.shown]).toEqual([[pane("file", null)], [pane("file", null)]]);
  });

  it(`in Office, no answer within ${OFFICE_WAIT_MS / 1000} s (a cold start, a slow CDN): still waiting, with 重新加载 and 改用文件模式; Excel answering then takes over`, async () => {
    const e = env({ script: "pending", openedByOffice: true });
    const { shown } = started(e);
    await tick();
    expect(e.waited).toEqual([OFFICE_WAIT_MS]);
    e.elapse();
    await tick();
    expect(shown).toEqual([{ kind: "waiting" }]);
    e.load(excel); // nothing was chosen or done yet: nothing is lost
    await tick();
    expect(shown).toEqual([{ kind: "waiting" }, pane("excel", null)]);
  });

  it("in Office, the user chooses 改用文件模式; Excel answering later is offered, and only the user's click switches", async () => {
    const e = env({ script: "pending", openedByOffice: true });
    const { shown, controls } = started(e);
    await tick();
    e.elapse();
    await tick();
    controls.useFileMode();
    expect(shown.at(-1)).toEqual(pane("file", "blocked"));
    controls.useExcel(); // nothing to switch to yet
    expect(shown).toHaveLength(2);
    e.load(excel);
    await tick();
    expect(shown.at(-1)).toEqual(pane("file", "blocked", true));
    controls.useExcel();
    expect(shown.at(-1)).toEqual(pane("excel", null));
  });

  it("in a browser, no answer within a few seconds: file mode with a note; Excel answering later is only offered", async () => {
    const e = env({ script: "pending" });
    const { shown, controls } = started(e);
    await tick();
    expect(e.waited).toEqual([BROWSER_WAIT_MS]);
    e.elapse();
    await tick();
    expect(shown).toEqual([pane("file", "slow")]);
    e.load(excel);
    await tick();
    // the file the user chose and its results stay: the pane offers, it does not switch
    expect(shown).toEqual([pane("file", "slow"), pane("file", "slow", true)]);
    controls.useExcel();
    expect(shown.at(-1)).toEqual(pane("excel", null));
  });

  it("Office.onReady that never resolves inside Office: waiting after the wait, and file mode only when chosen", async () => {
    const e = env({ office: never, openedByOffice: true });
    const { shown } = started(e);
    await tick();
    expect(shown).toEqual([]);
    e.elapse();
    await tick();
    expect(shown).toEqual([{ kind: "waiting" }]);
  });
});
