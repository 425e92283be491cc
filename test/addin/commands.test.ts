import { createCommands, WORK_TIMEOUT_MS } from "../../src/commands/commands";
import { takeForPane } from "../../src/commands/lastResult";
import { CommandSummary, resultUrl, summaryFromQuery } from "../../src/commands/summary";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { asContext, FakeContext, FakeSheet, FakeWorkbook } from "./fakeExcel";

function setup(book: FakeWorkbook, prepare?: (ctx: FakeContext) => void) {
  const shown: CommandSummary[] = [];
  const contexts: FakeContext[] = [];
  const commands = createCommands({
    run: (batch) => {
      const ctx = new FakeContext(book);
      prepare?.(ctx);
      contexts.push(ctx);
      return batch(asContext(ctx));
    },
    show: async (s) => {
      shown.push(s);
    },
  });
  return { commands, shown, contexts, event: { completed: jest.fn() } };
}

describe("ribbon commands", () => {
  it("校验并计分 writes, highlights, reports 总分 / 评分等级 / counts, and completes; twice is harmless", async () => {
    const { spec } = seedSheet(SEED_FORMS[0], { blank: { total: true, grade: true } });
    const sheet = FakeSheet.fromSpec(spec);
    const book = new FakeWorkbook(sheet);
    const { commands, shown, contexts, event } = setup(book);
    await commands.validateAndScore(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(shown[0].ok).toBe(true);
    expect(shown[0].title).toBe("总分 96.37 · 评分等级 优");
    expect(shown[0].lines.join("\n")).toMatch(/错误 0 条，警告 \d+ 条，提示 \d+ 条/);
    expect(shown[0].lines.join("\n")).toMatch(/已写入 2 个单元格：H\d+ 总分、[A-Z]\d+ 评分等级。写入的单元格标为绿色；原值在面板的“已写入”中/);
    expect(contexts[0].syncCount).toBe(2);

    const after = sheet.snapshot();
    await commands.validateAndScore(event);
    expect(event.completed).toHaveBeenCalledTimes(2);
    expect(contexts[1].cellWrites).toEqual([]);
    expect(shown[1].lines.join("\n")).toContain("未写入任何单元格");
    expect(sheet.snapshot()).toEqual(after);
  });

  it("cell-edit mode: the Chinese reason, zero writes, and still completes", async () => {
    const book = new FakeWorkbook(FakeSheet.fromSpec(seedSheet(SEED_FORMS[0]).spec));
    const { commands, shown, contexts, event } = setup(book, (ctx) => {
      ctx.failNextSync = { code: "InvalidOperationInCellEditMode", message: "editing" };
    });
    await commands.validateAndScore(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(shown[0]).toMatchObject({ ok: false, title: "未能校验并计分" });
    expect(shown[0].lines[0]).toContain("编辑");
    expect(contexts[0].log).toEqual([]);
  });

  it("an unexpected error is shown, not swallowed silently, and the event still completes", async () => {
    const book = new FakeWorkbook(FakeSheet.fromSpec(seedSheet(SEED_FORMS[0]).spec));
    const { commands, shown, event } = setup(book, (ctx) => {
      ctx.failFromSync = { at: 1, code: "GeneralException", message: "boom" };
    });
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await commands.validateAndScore(event);
    spy.mockRestore();
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(shown[0]).toMatchObject({ ok: false, title: "发生意外错误" });
    expect(shown[0].lines[0]).toContain("boom");
  });

  it("completes even when showing the result fails", async () => {
    const book = new FakeWorkbook(FakeSheet.fromSpec(seedSheet(SEED_FORMS[0]).spec));
    const event = { completed: jest.fn() };
    const commands = createCommands({ run: (batch) => batch(asContext(new FakeContext(book))), show: () => Promise.reject(new Error("no dialog")) });
    await expect(commands.validateAndScore(event)).rejects.toThrow("no dialog");
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  it("新建自评表 adds a blank form sheet with the workbook's profile, and it reads as a form", async () => {
    const book = new FakeWorkbook(new FakeSheet("Sheet1"));
    const { commands, shown, event } = setup(book);
    await commands.newTemplate(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(shown[0]).toMatchObject({ ok: true, title: "已新建自评表" });
    expect(book.sheets.map((s) => s.name)).toEqual(["Sheet1", "自评表"]);
    expect(book.active.name).toBe("自评表");
    const { shown: checked, event: e2 } = setup(book);
    await createCommands({ run: (b) => b(asContext(new FakeContext(book))), show: async (s) => void checked.push(s) }).validateAndScore(e2);
    expect(checked[0].lines.join("")).not.toContain("没有找到项目支出绩效自评表");
  });

  it("the dialog URL carries the summary", () => {
    const s: CommandSummary = { ok: true, title: "总分 96.37 · 评分等级 优", lines: ["a&b=c", "错误 0 条"] };
    const url = resultUrl("https://localhost:3000/commands.html", s);
    expect(url.startsWith("https://localhost:3000/result.html?d=")).toBe(true);
    expect(summaryFromQuery(new URL(url).search)).toEqual(s);
    expect(summaryFromQuery("?d=%7Bbad")).toBeNull();
  });
});

describe("the command runtime as Office loads it (commands.ts with Office and Excel globals)", () => {
  type Handler = (event: { completed: () => void }) => Promise<void>;
  const globals = globalThis as unknown as Record<string, unknown>;

  afterEach(() => {
    delete globals.Office;
    delete globals.Excel;
    delete globals.window;
    delete globals.localStorage;
  });

  it("completes as soon as the result dialog is open, while the dialog stays open (the next click need not wait for it)", async () => {
    const book = new FakeWorkbook(FakeSheet.fromSpec(seedSheet(SEED_FORMS[0], { blank: { grade: true } }).spec));
    const handlers: Record<string, Handler> = {};
    const dialogs: { url: string; closed: boolean }[] = [];
    globals.Office = {
      onReady: (cb: (info: { host: string }) => void) => (cb({ host: "Excel" }), Promise.resolve({ host: "Excel" })),
      actions: { associate: (name: string, fn: Handler) => (handlers[name] = fn) },
      context: {
        ui: {
          displayDialogAsync: (url: string, _options: unknown, cb: (r: unknown) => void) => {
            const dialog = { url, closed: false, addEventHandler: () => undefined, close: () => (dialog.closed = true) };
            dialogs.push(dialog);
            setTimeout(() => cb({ status: "succeeded", value: dialog }), 5);
          },
        },
      },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    };
    globals.Excel = { run: (batch: (c: Excel.RequestContext) => Promise<unknown>) => batch(asContext(new FakeContext(book))) };
    globals.window = { location: { href: "https://localhost:3000/commands.html" } };
    // commands.ts registers its handlers when Office is there, as Office loads commands.html
    await jest.isolateModulesAsync(async () => {
      await import("../../src/commands/commands");
    });
    expect(Object.keys(handlers).sort()).toEqual(["newTemplate", "validateAndScore"]);
    const event = { completed: jest.fn() };
    await Promise.race([handlers.validateAndScore(event), new Promise((resolve) => setTimeout(resolve, 3000))]);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(dialogs).toHaveLength(1);
    expect(dialogs[0].closed).toBe(false);
    expect(dialogs[0].url).toMatch(/^https:\/\/localhost:3000\/result\.html\?d=/);
    expect(book.sheets[0].snapshot()).toMatchObject({ cells: expect.arrayContaining([[expect.any(String), expect.objectContaining({ value: "优" })]]) });
  });

  /** Office and Excel globals as the command runtime has them; `dialog` answers each displayDialogAsync. */
  function officeGlobals(book: FakeWorkbook, dialog: (options: { displayInIframe?: boolean }) => { error: number } | "open", onReady: () => Promise<unknown> = () => Promise.resolve({ host: "Excel" })) {
    const handlers: Record<string, Handler> = {};
    const dialogs: { options: { displayInIframe?: boolean }; events: Record<string, (arg: unknown) => void>; closed: boolean }[] = [];
    globals.Office = {
      onReady,
      actions: { associate: (name: string, fn: Handler) => (handlers[name] = fn) },
      context: {
        ui: {
          displayDialogAsync: (_url: string, options: { displayInIframe?: boolean }, cb: (r: unknown) => void) => {
            const answer = dialog(options);
            if (answer !== "open") return setTimeout(() => cb({ status: "failed", error: { code: answer.error, message: "refused" } }), 1);
            const d = { options, events: {} as Record<string, (arg: unknown) => void>, closed: false, addEventHandler: (t: string, h: (arg: unknown) => void) => (d.events[t] = h), close: () => (d.closed = true) };
            dialogs.push(d);
            setTimeout(() => cb({ status: "succeeded", value: d }), 1);
          },
        },
      },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    };
    globals.Excel = { run: (batch: (c: Excel.RequestContext) => Promise<unknown>) => batch(asContext(new FakeContext(book))) };
    const stored = new Map<string, string>();
    globals.localStorage = { getItem: (k: string) => stored.get(k) ?? null, setItem: (k: string, v: string) => void stored.set(k, v), removeItem: (k: string) => void stored.delete(k) };
    globals.window = { location: { href: "https://localhost:3000/commands.html" } };
    return { handlers, dialogs, storage: globals.localStorage as Storage };
  }

  it("the handlers are associated as the script runs, not when Office.onReady resolves (office-js#2744, #5176: first clicks lost)", async () => {
    const book = new FakeWorkbook(FakeSheet.fromSpec(seedSheet(SEED_FORMS[0]).spec));
    // an Office that has not said it is ready yet when the button is clicked
    const { handlers } = officeGlobals(book, () => "open", () => new Promise(() => undefined));
    await jest.isolateModulesAsync(async () => {
      await import("../../src/commands/commands");
    });
    expect(Object.keys(handlers).sort()).toEqual(["newTemplate", "validateAndScore"]);
  });

  it("a dialog Office refuses (12009 on the web): tried inside Office's page; when that fails too the result is kept for the pane, and the command completes", async () => {
    const book = new FakeWorkbook(FakeSheet.fromSpec(seedSheet(SEED_FORMS[0], { blank: { grade: true } }).spec));
    const asked: boolean[] = [];
    const { handlers, storage } = officeGlobals(book, (o) => (asked.push(Boolean(o.displayInIframe)), { error: 12009 }));
    await jest.isolateModulesAsync(async () => {
      await import("../../src/commands/commands");
    });
    const spy = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const event = { completed: jest.fn() };
    await handlers.validateAndScore(event);
    spy.mockRestore();
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(asked).toEqual([false, true]);
    // the cells were written: the pane shows what the dialog could not
    const kept = takeForPane(storage);
    expect(kept?.summary).toMatchObject({ ok: true, title: "总分 96.37 · 评分等级 优" });
    expect(kept?.summary.lines.join("")).toContain("已写入 1 个单元格");
    expect(takeForPane(storage)).toBeNull(); // shown once
  });

  it("a dialog shown inside Office's page after 12009 stays until the user closes it, then the command completes", async () => {
    const book = new FakeWorkbook(FakeSheet.fromSpec(seedSheet(SEED_FORMS[0]).spec));
    const { handlers, dialogs, storage } = officeGlobals(book, (o) => (o.displayInIframe ? "open" : { error: 12009 }));
    await jest.isolateModulesAsync(async () => {
      await import("../../src/commands/commands");
    });
    const event = { completed: jest.fn() };
    const running = handlers.validateAndScore(event);
    for (let i = 0; i < 100 && !dialogs[0]?.events.dialogMessageReceived; i++) await new Promise((r) => setTimeout(r, 5));
    expect(dialogs.map((d) => d.options.displayInIframe)).toEqual([true]);
    expect(event.completed).not.toHaveBeenCalled();
    dialogs[0].events.dialogMessageReceived({ message: "close" });
    await running;
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(dialogs[0].closed).toBe(true);
    expect(takeForPane(storage)).toBeNull();
  });

  it("work Excel does not finish (a cell being edited on the desktop holds every request): the command completes after its timeout and says so", async () => {
    const shown: CommandSummary[] = [];
    const event = { completed: jest.fn() };
    const commands = createCommands({ run: () => new Promise(() => undefined), show: async (s) => void shown.push(s), timeoutMs: 30 });
    await commands.validateAndScore(event);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(shown[0]).toMatchObject({ ok: false, title: "“校验并计分”未在 0 秒内完成" });
    expect(shown[0].lines.join("")).toContain("可能稍后仍会完成");
    expect(WORK_TIMEOUT_MS).toBe(60_000);
  });

  it("completes even if Office never says the dialog opened", async () => {
    jest.useFakeTimers();
    try {
      const { openResultDialog, DIALOG_OPEN_TIMEOUT_MS } = await import("../../src/commands/commands");
      globals.Office = { AsyncResultStatus: { Succeeded: "succeeded" }, EventType: {} };
      let done = false;
      const shown = openResultDialog({ displayDialogAsync: () => undefined } as never, "https://localhost:3000/commands.html", { ok: true, title: "t", lines: [] }).then(() => (done = true));
      await Promise.resolve();
      expect(done).toBe(false);
      jest.advanceTimersByTime(DIALOG_OPEN_TIMEOUT_MS);
      await shown;
      expect(done).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });
});
