/** @jest-environment jsdom */
/**
 * Issue 13 through the pane, on the real Excel host over the fake Excel: the workbook view after 校验全部, a row
 * opening its form (and its sheet), 忽略 with a reason kept in the workbook, 表头设置, the live re-check.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { ALL_CAPABILITIES, createExcelHost } from "../../src/adapters/excel";
import { App, RECHECK_DELAY_MS } from "../../src/taskpane/components/App";
import { changedForm } from "../fixtures/cleanForm";
import { coverSheet, EXPECTED, SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { asContext, FakeContext, FakeSheet, FakeWorkbook } from "../addin/fakeExcel";

class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

function seedBook(): FakeWorkbook {
  return new FakeWorkbook(FakeSheet.fromSpec(coverSheet()), ...SEED_FORMS.map((f, i) => FakeSheet.fromSpec(seedSheet(f, { sheetName: `表${i + 1}` }).spec)));
}

function paneOver(book: FakeWorkbook) {
  const contexts: FakeContext[] = [];
  const host = createExcelHost(
    (batch) => {
      const ctx = new FakeContext(book);
      contexts.push(ctx);
      return batch(asContext(ctx));
    },
    { capabilities: ALL_CAPABILITIES, now: () => new Date("2026-11-25T10:00:00.000Z") },
  );
  return { host, contexts, cellWrites: () => contexts.flatMap((c) => c.cellWrites) };
}

async function renderPane(book: FakeWorkbook) {
  const pane = paneOver(book);
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={pane.host} memory={{ get: () => "putuo-2023", set: () => undefined }} />
      </FluentProvider>,
    );
  });
  return pane;
}

const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el);
  });
};
const button = (name: string | RegExp) => screen.getByRole("button", { name }) as HTMLButtonElement;
const rows = () => [...screen.getByTestId("workbook").querySelectorAll("[data-testid=workbook-row]")] as HTMLElement[];

describe("the workbook view (Excel)", () => {
  it("校验全部 says between Excel's round trips how many sheets it reads, then checks", async () => {
    const pane = paneOver(seedBook());
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // the real host, held after its first stage (as Excel on the web is while the sheets' cells travel)
    const held: typeof pane.host = {
      ...pane.host,
      checkAll: async (id, options) => {
        options?.onProgress?.({ stage: "reading", sheets: 11 });
        await gate;
        return pane.host.checkAll(id, options);
      },
    };
    await act(async () => {
      render(
        <FluentProvider theme={webLightTheme}>
          <App host={held} memory={{ get: () => "putuo-2023", set: () => undefined }} />
        </FluentProvider>,
      );
    });
    await click(button("校验全部"));
    expect(screen.getByText("正在从 Excel 读取 11 张工作表…")).toBeTruthy();
    await act(async () => {
      release();
      await gate;
    });
    expect(rows()).toHaveLength(11);
    expect(screen.queryByText(/正在从 Excel 读取/)).toBeNull();
  });

  it("校验全部 lists the 11 seed forms with the rules.md §6 totals and grades, writes nothing; a row opens its form and sheet", async () => {
    const book = seedBook();
    const pane = await renderPane(book);
    await click(button("校验全部"));
    expect(rows()).toHaveLength(11);
    const bySheet = new Map(rows().map((r) => [r.dataset.row, r.querySelector("[data-testid=row-total]")!.textContent]));
    SEED_FORMS.forEach((f, i) => expect(bySheet.get(`表${i + 1}`)).toBe(EXPECTED[f.id].total));
    expect(rows().every((r) => r.textContent!.includes("优"))).toBe(true);
    // 校验全部 writes nothing (no value, no highlight); the pane starts listening for edits
    expect(pane.contexts.flatMap((c) => c.log).map((l) => l.op)).toEqual(["onChanged.add"]);
    expect(screen.getByTestId("notice").textContent).toContain("已校验 11 张自评表");

    await click(within(screen.getByTestId("workbook")).getByRole("button", { name: SEED_FORMS[8].title }));
    expect(screen.getByTestId("summary").querySelector("h2")!.textContent).toBe(SEED_FORMS[8].title);
    expect(screen.getByTestId("total").textContent).toBe(EXPECTED[9].total);
    expect(book.active.name).toBe("表9");
  });
});

describe("忽略 with a reason, in the pane", () => {
  it("a warning accepted with a reason is kept in the workbook's store, listed as 已忽略 and no longer counted; 取消忽略 takes it back", async () => {
    const book = seedBook();
    book.activeIndex = 1; // 表1
    await renderPane(book);
    await click(button("校验并计分"));
    const warnings = () => Number(/\d+/.exec(within(screen.getByTestId("counts")).getByRole("button", { name: /^警告/ }).textContent!)![0]);
    const before = warnings();
    const card = document.querySelector('[data-code="DEVIATION_MISSING"]')!.closest("li[data-card]") as HTMLElement;
    await click(card.querySelector("[data-nav]") as HTMLElement);
    await click(within(card).getAllByTestId("ignore")[0]);
    // no reason: nothing saved
    await click(within(card).getByRole("button", { name: "确定忽略" }));
    expect(book.sheet("ziping")).toBeUndefined();
    await act(async () => {
      fireEvent.change(within(card).getByTestId("ignore-reason"), { target: { value: "扣分理由已在纸质材料中说明" } });
      fireEvent.change(within(card).getByTestId("ignore-by"), { target: { value: "张会计" } });
    });
    await click(within(card).getByRole("button", { name: "确定忽略" }));
    expect(book.sheet("ziping")?.visibility).toBe("VeryHidden");
    const ignored = document.querySelector('[data-group="ignored"]') as HTMLElement;
    expect(ignored.textContent).toContain("理由：扣分理由已在纸质材料中说明（张会计，2026-11-25）");
    expect(warnings()).toBe(before - 1);
    await click(within(ignored).getAllByRole("button", { name: "取消忽略" })[0]);
    expect(document.querySelector('[data-group="ignored"]')).toBeNull();
    expect(warnings()).toBe(before);
  });

  it("an error offers no 忽略", async () => {
    const book = new FakeWorkbook(FakeSheet.fromSpec(changedForm([{ row: 22, col: 8, value: 98 }])));
    await renderPane(book);
    await click(button("校验并计分"));
    const card = document.querySelector('[data-code="TOTAL_MISMATCH"]')!.closest("li[data-card]") as HTMLElement;
    await click(card.querySelector("[data-nav]") as HTMLElement);
    expect(within(card).queryByTestId("ignore")).toBeNull();
    expect(card.textContent).toContain("错误不能忽略");
  });
});

describe("表头设置 in the pane", () => {
  it("a header the locator does not know, said to be 实际完成值, makes the form read", async () => {
    const book = new FakeWorkbook(FakeSheet.fromSpec({ ...changedForm([{ row: 14, col: 6, value: "完成程度说明" }]), name: "自评表" }));
    await renderPane(book);
    await click(button("校验并计分"));
    expect(document.querySelector('[data-code="FIELD_MISSING"]')).not.toBeNull();
    const row = screen.getByTestId("teach").querySelector('[data-teach="完成程度说明"]') as HTMLElement;
    await act(async () => {
      fireEvent.change(within(row).getByRole("combobox"), { target: { value: "indicators.actual" } });
    });
    await click(within(row).getByRole("button", { name: "保存" }));
    expect(document.querySelector('[data-code="FIELD_MISSING"]')).toBeNull();
    expect(screen.queryByTestId("teach")).toBeNull();
    expect(screen.getByTestId("notice").textContent).toContain("已设置：“完成程度说明”读作“绩效指标表：实际完成值”");
  });
});

describe("the live re-check", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("edits are heard; one debounced re-read of that sheet updates its numbers; nothing is written", async () => {
    const book = seedBook();
    book.activeIndex = 1;
    const pane = await renderPane(book);
    await click(button("校验并计分"));
    const logBefore = pane.contexts.flatMap((c) => c.log).length;
    expect(screen.getByTestId("total").textContent).toBe("96.37");
    const readsBefore = pane.contexts.length;
    // three quick edits of the 全年执行数 of 表1 (F6): one re-check after the last
    const at = seedSheet(SEED_FORMS[0]).layout.at(6, 6);
    const a1 = `${String.fromCharCode(64 + at.col)}${at.row}`;
    for (const v of [80, 85, 90]) await act(async () => book.userEdit("表1", a1, v));
    const afterEdits = pane.contexts.length;
    await act(async () => {
      jest.advanceTimersByTime(RECHECK_DELAY_MS + 10);
    });
    await act(async () => {
      await Promise.resolve();
    });
    // the edits each cost one name lookup; the re-check is one more run (two round trips), once
    const rechecks = pane.contexts.slice(afterEdits);
    expect(rechecks).toHaveLength(1);
    expect(rechecks[0].syncCount).toBe(2);
    expect(afterEdits - readsBefore).toBe(3);
    expect(pane.contexts.flatMap((c) => c.log)).toHaveLength(logBefore); // no write, no highlight
    expect(screen.getByTestId("total").textContent).not.toBe("96.37");
    expect(screen.getByTestId("edited").textContent).toContain("工作表“表1”已修改");
  });
});
