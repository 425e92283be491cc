/** @jest-environment jsdom */
/**
 * Issue 20, through the pane on the real Excel host over the fake Excel: Excel raises onChanged for the add-in's own
 * writes ("Events triggers", excel-add-ins-events), so after 写入计算结果 the pane must not say the user edited the
 * sheet; and a re-check that started earlier never overwrites what a newer one (or a newer action) showed.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen } from "@testing-library/react";
import type { SheetOutcome } from "../../src/app";
import { ALL_CAPABILITIES, createExcelHost } from "../../src/adapters/excel";
import { App, RECHECK_DELAY_MS } from "../../src/taskpane/components/App";
import { EXPECTED, SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { asContext, FakeContext, FakeSheet, FakeWorkbook } from "./fakeExcel";

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

function excelHost(book: FakeWorkbook) {
  return createExcelHost((batch) => batch(asContext(new FakeContext(book))), { capabilities: ALL_CAPABILITIES, now: () => new Date("2026-11-25T10:00:00.000Z") });
}

async function renderPane(host: ReturnType<typeof excelHost>) {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        {/* a 评分方案 remembered, so the pane does not ask first (the first-use question is App.test.tsx's) */}
        <App host={host} memory={{ get: () => "putuo-2023", set: () => undefined }} />
      </FluentProvider>,
    );
  });
}

const click = async (name: string) => {
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name }));
  });
};

/** Let Excel's events come and the pane's debounced re-check run. */
async function settle(book: FakeWorkbook) {
  await act(async () => {
    await book.eventsSettled();
  });
  await act(async () => {
    jest.advanceTimersByTime(RECHECK_DELAY_MS + 10);
  });
  await act(async () => {
    await book.eventsSettled();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
}

const a1 = (c: { row: number; col: number }) => `${String.fromCharCode(64 + c.col)}${c.row}`;

describe("the pane and Excel's events", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it.each([
    ["with triggerSource (ExcelApi 1.14)", true],
    ["without it (the write marker)", false],
  ])("after 写入计算结果 the pane does not say the sheet was edited (%s); after the user's edit it does", async (_name, triggerSource) => {
    const { spec, layout } = seedSheet(SEED_FORMS[0], { blank: { total: true, grade: true } });
    const book = new FakeWorkbook(FakeSheet.fromSpec(spec));
    book.host.triggerSource = triggerSource;
    await renderPane(excelHost(book));
    await click("校验并计分");
    await settle(book);
    await click("写入计算结果");
    expect(screen.getByTestId("notice").textContent).toContain("已写入 2 个单元格");
    await settle(book);
    expect(screen.queryByTestId("edited")).toBeNull();
    expect(screen.getByTestId("total").textContent).toBe(EXPECTED[1].total);

    await act(async () => book.userEdit("表1", a1(layout.at(6, 6)), 80));
    await settle(book);
    expect(screen.getByTestId("edited").textContent).toContain("工作表“表1”已修改");
  });

  it("a re-check that started before a newer one never overwrites what the newer one showed", async () => {
    const { spec, layout } = seedSheet(SEED_FORMS[0], { blank: { total: true, grade: true } });
    const book = new FakeWorkbook(FakeSheet.fromSpec(spec));
    const real = excelHost(book);
    // the first re-check is held (a slow round trip on the web) until released
    let release: (() => void) | null = null;
    let calls = 0;
    const host: typeof real = {
      ...real,
      recheckSheet: async (sheet, profileId): Promise<Awaited<ReturnType<typeof real.recheckSheet>>> => {
        const result = await real.recheckSheet(sheet, profileId);
        if (++calls === 1) await new Promise<void>((r) => (release = r));
        return result as { ok: true } & SheetOutcome;
      },
    };
    await renderPane(host);
    await click("校验并计分");
    const executed = a1(layout.at(6, 6));
    await act(async () => book.userEdit("表1", executed, 50)); // the first re-check reads 50 and is held
    await settle(book);
    expect(release).not.toBeNull();
    await act(async () => book.userEdit("表1", executed, 91.6)); // back to the form's own figure: the newer re-check
    await settle(book);
    const newer = screen.getByTestId("total").textContent;
    expect(newer).toBe(EXPECTED[1].total);
    await act(async () => {
      release!();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    });
    expect(screen.getByTestId("total").textContent).toBe(newer);
  });

  it("a re-check that started before 写入计算结果 and ends after it shows nothing and says no edit", async () => {
    const { spec, layout } = seedSheet(SEED_FORMS[0], { blank: { total: true, grade: true } });
    const book = new FakeWorkbook(FakeSheet.fromSpec(spec));
    const real = excelHost(book);
    let release: (() => void) | null = null;
    const host: typeof real = {
      ...real,
      recheckSheet: async (sheet, profileId): Promise<Awaited<ReturnType<typeof real.recheckSheet>>> => {
        const result = await real.recheckSheet(sheet, profileId);
        await new Promise<void>((r) => (release = r));
        return result;
      },
    };
    await renderPane(host);
    await click("校验并计分");
    const executed = a1(layout.at(6, 6));
    await act(async () => book.userEdit("表1", executed, 50)); // read at 50, held
    await settle(book);
    expect(release).not.toBeNull();
    await act(async () => book.userEdit("表1", executed, 91.6)); // put back before 写入 (its re-check is held too)
    const held = release!;
    await click("写入计算结果");
    expect(screen.getByTestId("total").textContent).toBe(EXPECTED[1].total);
    await act(async () => {
      held();
      release?.();
      for (let i = 0; i < 5; i++) await Promise.resolve();
    });
    expect(screen.getByTestId("total").textContent).toBe(EXPECTED[1].total);
    expect(screen.queryByTestId("edited")).toBeNull();
  });
});
