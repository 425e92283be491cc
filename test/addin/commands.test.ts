import { createCommands } from "../../src/commands/commands";
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
