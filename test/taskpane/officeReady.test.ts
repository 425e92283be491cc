import { bootHost, OfficeEnv, OfficeLike } from "../../src/taskpane/officeReady";

/** A page whose office.js is in one of the states a browser or Excel can be in. */
function env(options: {
  office?: OfficeLike;
  script?: "none" | "pending" | "settled";
  openedByOffice?: boolean;
}): OfficeEnv & { load(office: OfficeLike | undefined): void; fail(): void; elapse(): void } {
  let office = options.office;
  const listeners: Record<string, (() => void)[]> = { load: [], error: [] };
  let timer: (() => void) | null = null;
  return {
    office: () => office,
    script: () => (options.script === "none" ? null : { src: "https://appsforoffice.microsoft.com/lib/1/hosted/office.js", addEventListener: (t, l) => listeners[t].push(l) }),
    scriptSettled: () => options.script === "settled",
    openedByOffice: () => options.openedByOffice ?? false,
    wait: () => new Promise((resolve) => (timer = () => resolve())),
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
const tick = () => new Promise((r) => setTimeout(r, 0));

describe("bootHost: the pane never waits on office.js for more than a few seconds", () => {
  it("Excel answers: Excel host, no note", async () => {
    expect(await bootHost(env({ office: excel }))).toEqual({ host: "excel", note: null });
  });

  it("office.js loads after the bundle and says Excel", async () => {
    const e = env({ script: "pending" });
    const boot = bootHost(e);
    await tick();
    e.load(excel);
    expect(await boot).toEqual({ host: "excel", note: null });
  });

  it("a plain browser (Office.onReady without a host): file mode at once, no note", async () => {
    expect(await bootHost(env({ office: browser }))).toEqual({ host: "file", note: null });
  });

  it("office.js refused (offline): file mode at once; a note only when Office opened the page", async () => {
    const offline = env({ script: "pending" });
    const boot = bootHost(offline);
    await tick();
    offline.fail();
    expect(await boot).toEqual({ host: "file", note: null });
    const inExcel = env({ script: "pending", openedByOffice: true });
    const boot2 = bootHost(inExcel);
    await tick();
    inExcel.fail();
    expect(await boot2).toEqual({ host: "file", note: "blocked" });
  });

  it("office.js failed before the bundle listened (the request had already settled): file mode at once", async () => {
    expect(await bootHost(env({ script: "settled" }))).toEqual({ host: "file", note: null });
  });

  it("office.js never answers (a CDN that drops packets): file mode after the wait, with a note; Excel if it answers later", async () => {
    const e = env({ script: "pending" });
    const boot = bootHost(e);
    await tick();
    e.elapse();
    const b = await boot;
    expect(b).toMatchObject({ host: "file", note: "slow" });
    e.load(excel);
    expect(await b.late).toBe(true);
  });

  it("Office.onReady that never resolves inside Office: file mode after the wait, noted as blocked", async () => {
    const e = env({ office: never, openedByOffice: true });
    const boot = bootHost(e);
    await tick();
    e.elapse();
    expect(await boot).toMatchObject({ host: "file", note: "blocked" });
  });

  it("no office.js on the page: file mode", async () => {
    expect(await bootHost(env({ script: "none" }))).toEqual({ host: "file", note: null });
  });
});
