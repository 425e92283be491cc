import { SLOW_AFTER_MS, whereToRun } from "../../src/taskpane/officeReady";

const HostType = { Excel: "Excel" };

describe("where the pane runs (no silent fall back to file mode inside Excel)", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("file mode at once when Office is absent (a plain browser, office.js blocked)", async () => {
    await expect(whereToRun(undefined)).resolves.toBe("file");
  });

  it("file mode when Office.onReady answers without a host, Excel when it answers Excel", async () => {
    await expect(whereToRun({ HostType, onReady: async () => ({ host: null }) })).resolves.toBe("file");
    await expect(whereToRun({ HostType, onReady: async () => ({ host: "Excel" }) })).resolves.toBe("excel");
  });

  it("Excel ready after 20 s: the pane says it is slow at 8 s, keeps waiting, and runs on Excel", async () => {
    let ready: (info: { host: unknown }) => void = () => undefined;
    const onSlow = jest.fn();
    const where = whereToRun({ HostType, onReady: () => new Promise((r) => (ready = r)) }, { onSlow });
    jest.advanceTimersByTime(SLOW_AFTER_MS);
    expect(onSlow).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(12_000);
    ready({ host: "Excel" });
    await expect(where).resolves.toBe("excel");
  });

  it("while waiting, file mode only when the user asks for it", async () => {
    let useFileMode: () => void = () => undefined;
    const where = whereToRun({ HostType, onReady: () => new Promise(() => undefined) }, { onSlow: (f) => (useFileMode = f) });
    jest.advanceTimersByTime(60_000);
    let settled = false;
    void where.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    useFileMode();
    await expect(where).resolves.toBe("file");
  });
});
