/** @jest-environment jsdom */
/**
 * File mode off the page's thread (issue 12): the check runs in the pane's worker, which tells its progress (sheets done
 * / total) and makes the scored copy only when 下载 asks for it. Here the worker is the real service and protocol behind
 * a fake port that clones every message as a browser would (structuredClone), so the answers prove they can cross
 * threads; test/e2e runs the real Web Worker in Chromium.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen } from "@testing-library/react";
import ExcelJS from "exceljs";
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
import * as v8 from "node:v8";
import type { FileHost } from "../../src/app";
import { addSheetFromSpec, workbookToBytes } from "../fixtures/writeWorkbook";
import { readStore } from "../../src/app";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { createCheckService } from "../../src/taskpane/checkService";
import { FromCheckWorker, serveCheckWorker, ToCheckWorker } from "../../src/taskpane/checkWorkerProtocol";
import { App } from "../../src/taskpane/components/App";
import { CheckWorker, createFileHost } from "../../src/taskpane/fileHost";
import { coverSheet, SEED_FORMS, seedSheet } from "../fixtures/seedForms";

(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
};
// jsdom lacks structuredClone and TextDecoder: Node's (V8's serializer is the structured clone browsers use)
const clone = <T,>(v: T): T => v8.deserialize(v8.serialize(v)) as T;
Object.assign(globalThis, { TextDecoder: NodeTextDecoder, TextEncoder: NodeTextEncoder });

async function xlsx(...specs: Parameters<typeof addSheetFromSpec>[1][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of specs) addSheetFromSpec(wb, s);
  return workbookToBytes(wb);
}

/** The service and protocol of checkWorker.ts behind a port that clones each message both ways, answering later. */
function fakeWorker(options: { crashOn?: "check"; msPerSheet?: number } = {}) {
  const service = createCheckService();
  const copies = jest.spyOn(service, "scoredCopy");
  const listeners: { message: ((e: MessageEvent<FromCheckWorker>) => void)[]; error: ((e: ErrorEvent) => void)[] } = { message: [], error: [] };
  const serve = serveCheckWorker(service, (m) => setTimeout(() => listeners.message.forEach((l) => l({ data: clone(m) } as MessageEvent<FromCheckWorker>)), 0), () => (clock += options.msPerSheet ?? 150));
  let clock = 0;
  const sent: ToCheckWorker["type"][] = [];
  const worker: CheckWorker = {
    postMessage: (m: ToCheckWorker) => {
      sent.push(m.type);
      if (options.crashOn === m.type) setTimeout(() => listeners.error.forEach((l) => l({ message: "out of memory" } as ErrorEvent)), 0);
      else void serve(clone(m));
    },
    terminate: jest.fn(),
    addEventListener: ((type: "message" | "error", l: never) => listeners[type].push(l)) as CheckWorker["addEventListener"],
  };
  return { worker, copies, sent, started: jest.fn(() => worker) };
}

const noStorage = { getItem: () => null, setItem: () => undefined };

describe("the file host with its check worker", () => {
  let two: Uint8Array;
  beforeAll(async () => {
    two = await xlsx(coverSheet(), seedSheet(SEED_FORMS[0], { blank: { total: true, grade: true } }).spec, seedSheet(SEED_FORMS[1], { sheetName: "表2" }).spec);
  });

  it("answers as the host without a worker, tells progress per sheet, and makes the copy only when asked", async () => {
    const w = fakeWorker();
    const host = createFileHost({ storage: noStorage, startWorker: w.started });
    const progress: [number, number][] = [];
    const result = await host.checkFile({ name: "两表.xlsx", bytes: two }, "putuo-2023", { onProgress: (d, t) => progress.push([d, t]) });
    if (!result.ok) throw new Error(result.message);
    const onPage = await createFileHost({ storage: noStorage }).checkFile({ name: "两表.xlsx", bytes: two }, "putuo-2023");
    if (!onPage.ok) throw new Error(onPage.message);
    const data = <T extends { scored: { name: string } }>(r: T) => ({ ...r, scored: r.scored.name });
    expect(data(result)).toEqual(data(onPage));
    expect(result.written).toBe(2);
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(w.copies).not.toHaveBeenCalled();
    expect(w.sent).toEqual(["check"]);

    const copy = await result.scored.bytes();
    if (!copy.ok) throw new Error(copy.message);
    expect(w.copies).toHaveBeenCalledTimes(1);
    const reread = await readWorkbook(copy.bytes);
    if (!reread.ok) throw new Error(reread.message);
    // the copy keeps the 评分方案 it was scored with, in its (very hidden) store sheet
    expect(reread.sheets.map((s) => s.name)).toEqual(["说明", "表1", "表2", "校验结果", "ziping"]);
    expect(readStore(reread.grids).profile).toBe("putuo-2023");
    expect(w.started).toHaveBeenCalledTimes(1); // one worker, kept
  });

  it("tells progress at most every 100 ms, and always the last sheet", async () => {
    const w = fakeWorker({ msPerSheet: 10 });
    const progress: [number, number][] = [];
    await createFileHost({ storage: noStorage, startWorker: w.started }).checkFile({ name: "两表.xlsx", bytes: two }, "putuo-2023", { onProgress: (d, t) => progress.push([d, t]) });
    expect(progress).toEqual([
      [1, 3],
      [3, 3],
    ]);
  });

  it("a copy asked for after another check is refused (it would not match what is on show)", async () => {
    const w = fakeWorker();
    const host = createFileHost({ storage: noStorage, startWorker: w.started });
    const first = await host.checkFile({ name: "两表.xlsx", bytes: two }, "putuo-2023");
    const second = await host.checkFile({ name: "两表.xlsx", bytes: two }, "mof-2020");
    if (!first.ok || !second.ok) throw new Error("not checked");
    expect(await first.scored.bytes()).toMatchObject({ ok: false, code: "STALE" });
    expect(await second.scored.bytes()).toMatchObject({ ok: true });
  });

  it("a worker that dies answers with a Chinese failure, and the next check starts a new one", async () => {
    const dying = fakeWorker({ crashOn: "check" });
    const healthy = fakeWorker();
    const start = jest.fn<CheckWorker, []>().mockReturnValueOnce(dying.worker).mockReturnValueOnce(healthy.worker);
    const host = createFileHost({ storage: noStorage, startWorker: start });
    const failed = await host.checkFile({ name: "两表.xlsx", bytes: two }, "putuo-2023");
    expect(failed).toMatchObject({ ok: false, code: "INTERNAL" });
    expect(!failed.ok && failed.message).toMatch(/内部错误.*重新选择文件/);
    expect(await host.checkFile({ name: "两表.xlsx", bytes: two }, "putuo-2023")).toMatchObject({ ok: true });
    expect(start).toHaveBeenCalledTimes(2);
  });
});

describe("the pane in file mode", () => {
  it("shows how many sheets are done while checking, and makes the scored copy when 下载 is pressed", async () => {
    let tell: (d: number, t: number) => void = () => undefined;
    let finish: () => void = () => undefined;
    const made = jest.fn(async () => ({ ok: true as const, bytes: new Uint8Array([7]) }));
    const real = createFileHost({ storage: noStorage });
    const bytes = await xlsx(seedSheet(SEED_FORMS[0]).spec);
    const host: FileHost = {
      ...real,
      download: jest.fn(),
      checkFile: jest.fn(async (file, id, options) => {
        tell = options!.onProgress!;
        await new Promise<void>((resolve) => (finish = resolve));
        const r = await real.checkFile(file, id);
        return r.ok ? { ...r, scored: { name: r.scored.name, bytes: made } } : r;
      }),
    };
    await act(async () => {
      render(
        <FluentProvider theme={webLightTheme}>
          <App host={host} memory={{ get: () => "putuo-2023", set: () => undefined }} />
        </FluentProvider>,
      );
    });
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File([bytes as BlobPart], "表1.xlsx");
    Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "校验并计分" }));
    });
    await act(async () => tell(120, 500));
    expect(screen.getByText("正在校验… 已完成 120/500 张工作表")).toBeTruthy();
    await act(async () => finish());
    expect((await screen.findByTestId("total", undefined, { timeout: 10000 })).textContent).toBe("96.37");
    expect(made).not.toHaveBeenCalled();
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "下载已计分副本" }));
    });
    expect(made).toHaveBeenCalledTimes(1);
    expect(host.download).toHaveBeenCalledWith("表1（已计分）.xlsx", new Uint8Array([7]));
  });
});
