/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import type { WrittenCell } from "../../src/app";
import { analyzeSheet, getProfile, SheetReport, sheetReport } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { App } from "../../src/taskpane/components/App";
import type { Notice } from "../../src/taskpane/state";
import type { ExcelHost, FileHost } from "../../src/app/host";
import { coverSheet, SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { changedForm } from "../fixtures/cleanForm";
import { tableGrid } from "../fixtures/tableGrid";

// jsdom has no ResizeObserver; Fluent's MessageBar uses one to reflow long text.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

const report1: SheetReport = sheetReport(analyzeSheet(specToGrid(seedSheet(SEED_FORMS[0]).spec), getProfile()!));
const writes: WrittenCell[] = [
  { sheet: report1.sheet, cell: "H22", kind: "totalScore", what: "总分", previous: "94.00", value: "96.37", why: "原填 94.00，与计算结果不同；预算执行得分 9.37 + 指标得分 87.00 = 96.37" },
  { sheet: report1.sheet, cell: "C23", kind: "grade", what: "评分等级", previous: "", value: "优", why: "原为空；按总分 96.37 评定" },
];

function excelHost(overrides: Partial<ExcelHost> = {}): ExcelHost {
  return {
    kind: "excel",
    check: jest.fn(async (id: string, { write }: { write: boolean }) => ({ ok: true as const, report: report1, profileId: id, written: write ? 2 : 0, pending: write ? 0 : 2, highlighted: 7, writes, details: {} })),
    clearHighlights: jest.fn(async () => ({ ok: true as const, cleared: 7 })),
    undoLastWrite: jest.fn(async () => ({ ok: true as const, restored: 2, skipped: 0 })),
    selectCell: jest.fn(async () => ({ ok: true as const })),
    addTemplate: jest.fn(async (kind: string) => ({ ok: true as const, sheet: kind === "new" ? "自评表" : "表1 (2)", year: 2024 })),
    activeSheet: jest.fn(async () => report1.sheet),
    loadProfileId: jest.fn(async () => "mof-2020"),
    saveProfileId: jest.fn(async () => undefined),
    checkAll: jest.fn(async (id: string) => ({ ok: true as const, reports: [report1], details: {}, profileId: id, notes: [] })),
    recheckSheet: jest.fn(async (_sheet: string, id: string) => ({ ok: true as const, report: report1, details: [], profileId: id })),
    activateSheet: jest.fn(async () => ({ ok: true as const })),
    updateStore: jest.fn(async () => ({ ok: true as const, store: { profile: null, accepted: [], taught: [] } })),
    selectedCell: jest.fn(async () => ({ ok: true as const, sheet: report1.sheet, cell: "A1", text: "" })),
    addSummary: jest.fn(async () => ({ ok: true as const, sheet: "汇总", rows: 1 })),
    watchEdits: jest.fn(async () => null),
    ...overrides,
  };
}

/** This browser's memory of the 评分方案, as a test gives it (null: first use, the pane asks). */
function memoryOf(remembered: string | null = "putuo-2023") {
  let id = remembered;
  return { get: () => id, set: jest.fn((x: string) => void (id = x)) };
}

async function renderApp(host: ExcelHost | FileHost, bootNote: Notice | null = null, memory = memoryOf()) {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} bootNote={bootNote} memory={memory} />
      </FluentProvider>,
    );
  });
}

const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el);
  });
};
const button = (name: string | RegExp) => screen.getByRole("button", { name }) as HTMLButtonElement;
const cardWith = (code: string) => document.querySelector(`[data-code="${code}"]`)!.closest("li[data-card]") as HTMLElement;
const cardButton = (card: HTMLElement) => card.querySelector("[data-nav]") as HTMLElement;

describe("task pane in Excel", () => {
  it("starts empty; 校验并计分 shows the summary, moves the focus to it, lists the cells to be written and the findings by severity", async () => {
    const host = excelHost();
    await renderApp(host);
    expect(screen.getByText(/点击“校验并计分”检查当前工作表/)).toBeTruthy();
    expect((screen.getByRole("combobox", { name: "评分方案" }) as HTMLSelectElement).value).toBe("mof-2020");
    expect(button("写入计算结果").disabled).toBe(true);

    await click(button("校验并计分"));
    expect(host.check).toHaveBeenCalledWith("mof-2020", { write: false });
    expect(screen.getByTestId("total").textContent).toBe("96.37");
    expect(screen.getByTestId("grade").textContent).toBe("优");
    expect(screen.getByTestId("rate").textContent).toBe("93.77%");
    expect(document.activeElement).toBe(screen.getByTestId("summary"));
    expect(screen.getByText(/有 2 个计算结果/)).toBeTruthy();
    const pending = screen.getByTestId("written");
    expect(within(pending).getByRole("heading").textContent).toContain("待写入 2 个单元格");
    expect(pending.querySelector('[data-cell="H22"]')!.textContent).toContain("94.00 → 96.37");
    expect(pending.querySelector('[data-cell="C23"]')!.textContent).toContain("（空） → 优");

    const headings = screen.getAllByRole("heading", { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual([expect.stringMatching(/^▾警告（\d+ 处(，合并为 \d+ 张卡片)?）$/), expect.stringMatching(/^▾提示（\d+ 处(，合并为 \d+ 张卡片)?）$/)]);
    // one card for the indicator with two findings; its code only under 详情
    const card = cardWith("SCORE_RULE_MISMATCH");
    expect([...card.querySelectorAll("[data-code]")].map((e) => e.getAttribute("data-code"))).toEqual(["SCORE_RULE_MISMATCH", "DEVIATION_MISSING"]);
    expect(card.textContent).not.toContain("SCORE_RULE_MISMATCH");
    expect(within(card).getAllByText(/^计算：/)[0].textContent!.length).toBeGreaterThan(4);
    await click(within(card).getByRole("button", { name: "详情" }));
    expect(card.textContent).toContain("代码：SCORE_RULE_MISMATCH、DEVIATION_MISSING");
  });

  it("the whole card selects its first cell in Excel", async () => {
    const host = excelHost();
    await renderApp(host);
    await click(button("校验并计分"));
    const card = cardWith("SCORE_RULE_MISMATCH");
    await click(card.querySelector("[data-code]") as HTMLElement); // the message, not a cell reference
    expect(host.selectCell).toHaveBeenCalledWith(report1.sheet, "H16");
    expect(card.getAttribute("aria-current")).toBe("true");
    // said in the card, not in the notice at the top (out of view on a long list)
    expect(within(card).getByTestId("in-place").textContent).toBe(`已在 Excel 中选中 ${report1.sheet}!H16。`);
    expect(screen.getByTestId("notice").textContent).toContain("有 2 个计算结果");
  });

  it("写入计算结果 lists what it wrote; 撤销上次写入 marks the result out of date; 清除标注 says how many", async () => {
    const host = excelHost();
    await renderApp(host);
    await click(button("校验并计分"));
    await click(button("写入计算结果"));
    expect(host.check).toHaveBeenLastCalledWith("mof-2020", { write: true });
    expect(screen.getByText(/已写入 2 个单元格（绿色标注）/)).toBeTruthy();
    expect(within(screen.getByTestId("written")).getByRole("heading").textContent).toContain("已写入 2 个单元格");
    await click(button("清除标注"));
    expect(screen.getByText("已清除 7 处标注。")).toBeTruthy();
    await click(button("撤销上次写入"));
    expect(screen.getByText(/已恢复 2 个单元格/)).toBeTruthy();
    expect(screen.getByTestId("stale").textContent).toContain("已恢复为写入前的值");
    expect(screen.queryByTestId("written")).toBeNull();
    expect(button("写入计算结果").disabled).toBe(true);
  });

  it("never writes a result into another sheet than the one it was computed for", async () => {
    const host = excelHost({ activeSheet: jest.fn(async () => "表6") });
    await renderApp(host);
    await click(button("校验并计分"));
    await click(button("写入计算结果"));
    expect(host.check).not.toHaveBeenCalledWith(expect.anything(), { write: true });
    expect(screen.getByTestId("notice").textContent).toContain("当前工作表已换成“表6”");
    expect(screen.getByTestId("stale").textContent).toContain(`下面的结果是工作表“${report1.sheet}”的，当前工作表是“表6”`);
    expect(button("写入计算结果").disabled).toBe(true);
  });

  it("coming back to the pane after another sheet was activated marks the result out of date", async () => {
    let active = report1.sheet;
    const host = excelHost({ activeSheet: jest.fn(async () => active) });
    await renderApp(host);
    await click(button("校验并计分"));
    expect(screen.queryByTestId("stale")).toBeNull();
    active = "说明";
    await act(async () => {
      window.dispatchEvent(new Event("focus"));
    });
    expect(screen.getByTestId("stale").textContent).toContain("当前工作表是“说明”");
  });

  it("shows a host failure (protected sheet) as an alert, with the report it came with", async () => {
    const host = excelHost({
      check: jest.fn(async () => ({ ok: false as const, code: "SHEET_PROTECTED", message: "当前工作表受保护，未写入任何内容。", report: report1 })),
    });
    await renderApp(host);
    await click(button("校验并计分"));
    expect(screen.getByRole("alert").textContent).toContain("受保护");
    expect(screen.getByTestId("total").textContent).toBe("96.37");
  });

  it("a sheet that is no form: the message says so, and there is no summary, no card, no cell button", async () => {
    const cover = sheetReport(analyzeSheet(specToGrid(coverSheet()), getProfile()!));
    const host = excelHost({ check: jest.fn(async () => ({ ok: false as const, code: "FORM_NOT_FOUND", message: "当前工作表中没有找到项目支出绩效自评表", report: cover })) });
    await renderApp(host);
    await click(button("校验并计分"));
    expect(screen.queryByTestId("summary")).toBeNull();
    expect(document.querySelector("[data-card]")).toBeNull();
    expect(screen.queryByRole("button", { name: /A1/ })).toBeNull();
    expect(screen.getByTestId("notice").textContent).toContain("没有找到项目支出绩效自评表");
    expect(screen.queryByText(/点击“校验并计分”检查当前工作表/)).toBeNull();
  });

  it("an unexpected error is shown in Chinese with the host's own text under 详情, never swallowed", async () => {
    const host = excelHost({ clearHighlights: jest.fn(async () => Promise.reject(new Error("GeneralException"))) });
    await renderApp(host);
    await click(button("清除标注"));
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("发生意外错误，操作没有完成。请重试");
    expect(alert.querySelector("details")!.textContent).toBe("详情Error: GeneralException");
  });

  it("switching the 评分方案 after a check marks the result out of date and turns 写入计算结果 off until checked again", async () => {
    const host = excelHost();
    await renderApp(host);
    await click(button("校验并计分"));
    expect(button("写入计算结果").disabled).toBe(false);
    await act(async () => {
      fireEvent.change(screen.getByRole("combobox", { name: "评分方案" }), { target: { value: "putuo-2023" } });
    });
    expect(host.saveProfileId).toHaveBeenCalledWith("putuo-2023");
    expect(screen.getByTestId("stale").textContent).toContain("财预〔2020〕10号");
    expect(button("写入计算结果").disabled).toBe(true);
    expect(screen.queryByTestId("written")).toBeNull();
    await click(button("校验并计分"));
    expect(host.check).toHaveBeenLastCalledWith("putuo-2023", { write: false });
    expect(screen.queryByTestId("stale")).toBeNull();
    expect(button("写入计算结果").disabled).toBe(false);
  });

  it("a form whose weights do not add up shows its sum as 得分合计 with the reason, and no grade", async () => {
    const r110 = sheetReport(analyzeSheet(specToGrid(changedForm([{ row: 15, col: 7, value: 40 }, { row: 15, col: 8, value: 40 }])), getProfile()!));
    await renderApp(excelHost({ check: jest.fn(async (id: string) => ({ ok: true as const, report: r110, profileId: id, written: 0, pending: 0, highlighted: 1, writes: [], details: {} })) }));
    await click(button("校验并计分"));
    expect(screen.getByText("得分合计")).toBeTruthy();
    expect(screen.getByTestId("total").textContent).toBe("109.37");
    expect(screen.getByTestId("total-reason").textContent).toBe("分值合计为 110.00，不是 100.00，不给出总分和评分等级");
    expect(screen.queryByTestId("grade")).toBeNull();
  });

  it("the counts filter the list: 提示 shows only the cards with a 提示", async () => {
    await renderApp(excelHost());
    await click(button("校验并计分"));
    const info = within(screen.getByTestId("counts")).getByRole("button", { name: /^提示 \d+$/ });
    await click(info);
    expect(info.getAttribute("aria-pressed")).toBe("true");
    expect([...document.querySelectorAll("[data-group]")].map((g) => g.getAttribute("data-group"))).toEqual(["info"]);
    await click(info);
    expect([...document.querySelectorAll("[data-group]")].map((g) => g.getAttribute("data-group"))).toEqual(["warning", "info"]);
  });

  it("a group folds away under its heading", async () => {
    await renderApp(excelHost());
    await click(button("校验并计分"));
    const heading = screen.getByRole("button", { name: /警告（\d+ 处/ });
    expect(heading.getAttribute("aria-expanded")).toBe("true");
    await click(heading);
    expect(heading.getAttribute("aria-expanded")).toBe("false");
    expect(document.querySelector('[data-group="warning"] [data-card]')).toBeNull();
  });

  it("the findings are one tab stop: ↑ ↓ Home End move the focus between the items", async () => {
    await renderApp(excelHost());
    await click(button("校验并计分"));
    const items = () => [...document.querySelectorAll<HTMLElement>("[data-nav]")];
    expect(items().filter((el) => el.tabIndex === 0)).toHaveLength(1);
    const first = items()[0];
    await act(async () => first.focus());
    const key = async (k: string) => {
      await act(async () => {
        fireEvent.keyDown(document.activeElement!, { key: k });
      });
      return (document.activeElement as HTMLElement).dataset.nav;
    };
    expect(await key("ArrowDown")).toBe(items()[1].dataset.nav);
    expect(await key("ArrowDown")).toBe(items()[2].dataset.nav);
    expect(await key("ArrowUp")).toBe(items()[1].dataset.nav);
    expect(await key("End")).toBe(items()[items().length - 1].dataset.nav);
    expect(await key("Home")).toBe(first.dataset.nav);
    // the tab stop follows the focus
    await key("ArrowDown");
    expect(items().filter((el) => el.tabIndex === 0).map((el) => el.dataset.nav)).toEqual([items()[1].dataset.nav]);
  });

  it("while an action runs its button stays focusable (aria-disabled), so the focus never falls to <body>", async () => {
    let finish: () => void = () => undefined;
    const host = excelHost({
      check: jest.fn(
        () =>
          new Promise((resolve) => {
            finish = () => resolve({ ok: true as const, report: report1, profileId: "mof-2020", written: 0, pending: 0, highlighted: 0, writes: [], details: {} });
          }),
      ),
    });
    await renderApp(host);
    const check = button("校验并计分");
    await act(async () => check.focus());
    await click(check);
    expect(check.disabled).toBe(false);
    expect(check.getAttribute("aria-disabled")).toBe("true");
    expect(document.activeElement).toBe(check);
    await act(async () => finish());
    expect(document.activeElement).toBe(screen.getByTestId("summary"));
  });

  it("shows the start-up note (office.js blocked or late)", async () => {
    await renderApp(excelHost(), { intent: "success", text: "Excel 已连接，已切换到 Excel 模式。" });
    expect(screen.getByTestId("boot-note").textContent).toContain("Excel 已连接");
  });
});

describe("task pane in file mode", () => {
  function fileHost(overrides: Partial<FileHost> = {}): FileHost {
    return {
      kind: "file",
      checkFile: jest.fn(async (_file: unknown, profileId: string) => ({
        ok: true as const,
        report: report1,
        profileId,
        reports: [report1],
        written: 2,
        pending: 0,
        highlighted: 7,
        writes,
        cellText: { [report1.sheet]: { H16: "18.00", F16: "99.00(%)", I16: "" } },
        scored: { name: "表1（已计分）.xlsx", bytes: async () => ({ ok: true as const, bytes: new Uint8Array([1, 2, 3]) }) },
        details: {},
      })),
      download: jest.fn(),
      makeTemplate: jest.fn(async () => ({ ok: true as const, name: "自评表（2026 年度，新项目）.xlsx", bytes: new Uint8Array([9]), year: 2026 })),
      loadProfileId: jest.fn(async () => null),
      saveProfileId: jest.fn(async () => undefined),
      ...overrides,
    };
  }

  async function chooseFile(name = "表1.xlsx", bytes = new Uint8Array([80, 75, 3, 4])) {
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File([bytes], name);
    Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.buffer });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
  }

  it("names a 申报表 in words (rules.md §7.1): read and its targets checked, never scored", async () => {
    const declaration = sheetReport(
      analyzeSheet(
        tableGrid([
          [{ v: "项目支出绩效目标申报表", cs: 5 }],
          ["项目名称", { v: "城区路灯维护", cs: 4 }],
          [{ v: "资金情况（万元）", rs: 1 }, "年度资金总额：", { v: "100", cs: 3 }],
          [{ v: "绩效指标", rs: 3 }, "一级指标", "二级指标", "三级指标", "指标值"],
          ["产出指标", "数量指标", "维护路灯数", "≥1000盏"],
          ["效益指标", "社会效益指标", "夜间出行安全", "有效"],
          ["满意度指标", "服务对象满意度指标", "市民满意度", "≥90%"],
        ]),
        getProfile()!,
      ),
    );
    const host = fileHost({
      checkFile: jest.fn(async (_file: unknown, profileId: string) => ({ ok: true as const, report: declaration, profileId, reports: [declaration], written: 0, pending: 0, highlighted: 0, writes: [], cellText: {}, scored: { name: "申报表（已校验）.xlsx", bytes: async () => ({ ok: true as const, bytes: new Uint8Array([1]) }) }, details: {} })),
    });
    await renderApp(host);
    await chooseFile("申报表.xlsx");
    await act(async () => {
      fireEvent.click(button("校验并计分"));
    });
    expect(screen.getByTestId("form-kind").textContent).toBe("这是一张绩效目标申报表：只审核目标，不计分");
  });

  it("offers a file picker; 校验并计分 shows results, the cells written in the copy, and a download of it", async () => {
    const host = fileHost();
    await renderApp(host);
    expect(screen.getByText(/未在 Excel 中运行/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "写入计算结果" })).toBeNull();
    expect(button("校验并计分").disabled).toBe(true);

    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const opened = jest.spyOn(input, "click").mockImplementation(() => undefined);
    await click(button("选择 .xlsx 文件…"));
    expect(opened).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("file-name").textContent).toBe("尚未选择文件");
    await chooseFile();
    expect(screen.getByTestId("file-name").textContent).toBe("表1.xlsx");
    expect(screen.getByText("点击“校验并计分”开始校验。")).toBeTruthy();
    await click(button("校验并计分"));
    expect(host.checkFile).toHaveBeenCalledWith({ name: "表1.xlsx", bytes: new Uint8Array([80, 75, 3, 4]) }, "putuo-2023", { onProgress: expect.any(Function), preferStoredProfile: true });
    expect(screen.getByTestId("total").textContent).toBe("96.37");
    expect(screen.getByText(/已校验并计分：已计分副本“表1（已计分）.xlsx”写入 2 个单元格/)).toBeTruthy();
    expect(within(screen.getByTestId("written")).getByRole("heading").textContent).toContain("已写入 2 个单元格（已计分副本）");

    await click(button("下载已计分副本"));
    expect(host.download).toHaveBeenCalledWith("表1（已计分）.xlsx", new Uint8Array([1, 2, 3]));
  });

  it("a click on a card shows its cells with their values in place, and leaves the notice alone", async () => {
    await renderApp(fileHost());
    await chooseFile();
    await click(button("校验并计分"));
    const notice = screen.getByTestId("notice").textContent;
    const card = cardWith("SCORE_RULE_MISMATCH");
    await click(cardButton(card));
    expect(within(card).getByTestId("in-place").textContent).toBe(`工作表“${report1.sheet}”中：H16 现为 18.00；F16 现为 99.00(%)；I16 现为 （空）`);
    expect(screen.getByTestId("notice").textContent).toBe(notice);
    expect(screen.queryByText(/文件模式下无法跳转/)).toBeNull();
  });

  it("switching the 评分方案 re-checks the file, so numbers and the download always match the choice", async () => {
    const host = fileHost();
    await renderApp(host);
    await chooseFile();
    await click(button("校验并计分"));
    expect(host.checkFile).toHaveBeenLastCalledWith(expect.anything(), "putuo-2023", expect.anything());
    await act(async () => {
      fireEvent.change(screen.getByRole("combobox", { name: "评分方案" }), { target: { value: "mof-2020" } });
    });
    expect(host.checkFile).toHaveBeenLastCalledWith(expect.anything(), "mof-2020", expect.anything());
    expect(host.checkFile).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId("stale")).toBeNull();
    await click(button("下载已计分副本"));
    expect(host.download).toHaveBeenCalledTimes(1);
  });

  it("a re-check that fails after switching leaves no download of the copy scored under the old 评分方案", async () => {
    let calls = 0;
    const ok = fileHost().checkFile;
    const host = fileHost({ checkFile: jest.fn(async (f, id) => (++calls === 1 ? ok(f, id) : { ok: false as const, code: "FILE_UNREADABLE", message: "读不出" })) });
    await renderApp(host);
    await chooseFile();
    await click(button("校验并计分"));
    expect(screen.getByRole("button", { name: "下载已计分副本" })).toBeTruthy();
    await act(async () => {
      fireEvent.change(screen.getByRole("combobox", { name: "评分方案" }), { target: { value: "mof-2020" } });
    });
    expect(screen.queryByRole("button", { name: "下载已计分副本" })).toBeNull();
    expect(screen.getByTestId("stale")).toBeTruthy();
  });

  it("the 评分方案 choice stays focusable while the re-check runs, and takes no change meanwhile", async () => {
    const ok = fileHost().checkFile;
    let finish: () => void = () => undefined;
    const host = fileHost({
      checkFile: jest.fn((f, id) => ((host.checkFile as jest.Mock).mock.calls.length === 1 ? ok(f, id) : new Promise((resolve) => (finish = () => resolve(ok(f, id)))))) as FileHost["checkFile"],
    });
    await renderApp(host);
    await chooseFile();
    await click(button("校验并计分"));
    const select = screen.getByRole("combobox", { name: "评分方案" }) as HTMLSelectElement;
    await act(async () => select.focus());
    await act(async () => {
      fireEvent.change(select, { target: { value: "mof-2020" } });
    });
    expect(select.disabled).toBe(false);
    expect(select.getAttribute("aria-disabled")).toBe("true");
    expect(document.activeElement).toBe(select);
    await act(async () => {
      fireEvent.change(select, { target: { value: "putuo-2023" } });
    });
    expect(host.checkFile).toHaveBeenCalledTimes(2);
    expect(select.value).toBe("mof-2020");
    await act(async () => finish());
    expect(select.getAttribute("aria-disabled")).toBeNull();
    expect(screen.getByTestId("total").textContent).toBe("96.37");
  });

  it("an unreadable file gives its reason and no stale prompt beside it", async () => {
    const host = fileHost({ checkFile: jest.fn(async () => ({ ok: false as const, code: "FILE_UNREADABLE", message: "“a.xlsx”已损坏，无法读取。请重新下载。" })) });
    await renderApp(host);
    await chooseFile("a.xlsx", new Uint8Array([120]));
    await click(button("校验并计分"));
    expect(screen.getByRole("alert").textContent).toContain("已损坏");
    expect(screen.queryByText(/点击“校验并计分”开始校验/)).toBeNull();
    expect(screen.queryByText(/选择文件后点击/)).toBeNull();
  });

  it("生成下年度模板 uses the sheet on show", async () => {
    const report2 = sheetReport(analyzeSheet(specToGrid(seedSheet(SEED_FORMS[5]).spec), getProfile()!));
    const host = fileHost({
      checkFile: jest.fn(async (_f: unknown, profileId: string) => ({ ...(await fileHost().checkFile({ name: "", bytes: new Uint8Array() }, profileId)), reports: [report1, report2] }) as never),
    });
    await renderApp(host);
    await chooseFile();
    await click(button("校验并计分"));
    // the workbook view lists both forms, worst first; a 项目名称 opens its form
    await click(within(screen.getByTestId("workbook")).getByRole("button", { name: SEED_FORMS[5].title }));
    expect(screen.getByTestId("summary").querySelector("h2")!.textContent).toBe(SEED_FORMS[5].title);
    await click(button("生成下年度模板"));
    expect(host.makeTemplate).toHaveBeenCalledWith("nextYear", "putuo-2023", expect.objectContaining({ name: "表1.xlsx" }), report2.sheet);
  });
});

describe("templates from the pane", () => {
  it("in Excel: 新建自评表 and 生成下年度模板 add a sheet with the chosen profile", async () => {
    const host = excelHost();
    await renderApp(host);
    await click(button("新建自评表"));
    expect(host.addTemplate).toHaveBeenCalledWith("new", "mof-2020");
    expect(screen.getByText(/已新建工作表“自评表”（2024 年度）/)).toBeTruthy();
    await click(button("生成下年度模板"));
    expect(host.addTemplate).toHaveBeenCalledWith("nextYear", "mof-2020");
    expect(screen.getByText(/已新建工作表“表1 \(2\)”/)).toBeTruthy();
  });

  it("in Excel: a sheet that is no form gets the host's message", async () => {
    const host = excelHost({ addTemplate: jest.fn(async () => ({ ok: false as const, code: "FORM_NOT_FOUND", message: "当前工作表中没有找到项目支出绩效自评表" })) });
    await renderApp(host);
    await click(button("生成下年度模板"));
    expect(screen.getByText(/没有找到项目支出绩效自评表/)).toBeTruthy();
  });
});

describe("the 评分方案 chosen on purpose (issue 21)", () => {
  const fileHostWith = (overrides: Partial<FileHost> = {}): FileHost => ({
    kind: "file",
    checkFile: jest.fn(async (_f: unknown, profileId: string) => ({
      ok: true as const, report: report1, profileId, profileFrom: "given" as const, reports: [report1], written: 2, pending: 0, highlighted: 7, writes, cellText: {},
      scored: { name: "表1（已计分）.xlsx", bytes: async () => ({ ok: true as const, bytes: new Uint8Array([1]) }) }, details: {},
    })),
    download: jest.fn(),
    makeTemplate: jest.fn(),
    loadProfileId: jest.fn(async () => null),
    saveProfileId: jest.fn(async () => undefined),
    ...overrides,
  }) as FileHost;
  const choose = async (name = "表1.xlsx") => {
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File([new Uint8Array([80, 75, 3, 4])], name);
    Object.defineProperty(file, "arrayBuffer", { value: async () => new Uint8Array([80, 75, 3, 4]).buffer });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
  };

  it("first use: the pane asks, the national one first with what differs, and nothing is checked before the answer; the answer is remembered", async () => {
    const memory = memoryOf(null);
    const host = fileHostWith();
    await renderApp(host, null, memory);
    const ask = screen.getByTestId("profile-ask");
    const radios = within(ask).getAllByRole("radio") as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(["mof-2020", "putuo-2023"]);
    expect(ask.textContent).toContain("全国通用");
    expect(ask.textContent).toContain("截尾");
    expect(button("选择 .xlsx 文件…").disabled).toBe(true);
    expect(button("校验并计分").disabled).toBe(true);
    await click(radios[1]);
    await click(within(ask).getByRole("button", { name: "使用此评分方案" }));
    expect(memory.set).toHaveBeenCalledWith("putuo-2023");
    expect(screen.queryByTestId("profile-ask")).toBeNull();
    expect((screen.getByRole("combobox", { name: "评分方案" }) as HTMLSelectElement).value).toBe("putuo-2023");
    await choose();
    await click(button("校验并计分"));
    expect(host.checkFile).toHaveBeenLastCalledWith(expect.anything(), "putuo-2023", expect.objectContaining({ preferStoredProfile: true }));
  });

  it("file mode: a file's own 评分方案 wins, the choice shows it and the notice says so; a choice made then re-checks with it", async () => {
    const host = fileHostWith({
      checkFile: jest.fn(async (_f: unknown, profileId: string, o?: { preferStoredProfile?: boolean }) => {
        const own = o?.preferStoredProfile ?? false;
        return {
          ok: true as const, report: report1, profileId: own ? "mof-2020" : profileId, profileFrom: own ? ("workbook" as const) : ("given" as const), reports: [report1], written: 2, pending: 0, highlighted: 7, writes, cellText: {},
          scored: { name: "表1（已计分）.xlsx", bytes: async () => ({ ok: true as const, bytes: new Uint8Array([1]) }) }, details: {},
        };
      }),
    });
    await renderApp(host);
    await choose();
    await click(button("校验并计分"));
    const select = screen.getByRole("combobox", { name: "评分方案" }) as HTMLSelectElement;
    expect(select.value).toBe("mof-2020");
    expect(screen.getByTestId("notice").textContent).toContain("本文件保存的评分方案是“财预〔2020〕10号（四舍五入）”");
    expect(screen.getByText(/本工作簿保存的方案/)).toBeTruthy();
    expect(screen.queryByTestId("stale")).toBeNull();
    await act(async () => {
      fireEvent.change(select, { target: { value: "putuo-2023" } });
    });
    expect(host.checkFile).toHaveBeenLastCalledWith(expect.anything(), "putuo-2023", expect.objectContaining({ preferStoredProfile: false }));
    expect(select.value).toBe("putuo-2023");
    // the download says what was saved, where, under which name, with which 评分方案
    await click(button("下载已计分副本"));
    expect(screen.getByTestId("notice").textContent).toMatch(/已下载“表1（已计分）\.xlsx”，保存在浏览器的下载文件夹.*评分方案“普陀区 2023（截尾）”/);
  });

  it("Excel: 写入计算结果 keeps the 评分方案 in use (remembered, not the workbook's) with the workbook", async () => {
    const host = excelHost({ loadProfileId: jest.fn(async () => null) });
    await renderApp(host, null, memoryOf("mof-2020"));
    expect(screen.getByText(/上次选择的方案/)).toBeTruthy();
    await click(button("校验并计分"));
    expect(host.saveProfileId).not.toHaveBeenCalled();
    await click(button("写入计算结果"));
    expect(host.saveProfileId).toHaveBeenCalledWith("mof-2020");
    expect(screen.getByTestId("notice").textContent).toContain("评分方案“财预〔2020〕10号（四舍五入）”已保存在工作簿中");
  });

  it("the summary names the sheet, and its counts are those of the list's groups", async () => {
    await renderApp(excelHost());
    await click(button("校验并计分"));
    expect(screen.getByTestId("summary-where").textContent).toBe(`工作表“${report1.sheet}”`);
    const counts = [...screen.getByTestId("counts").querySelectorAll("[data-severity]")].map((b) => [b.getAttribute("data-severity"), Number(b.getAttribute("data-count"))]);
    for (const [sev, n] of counts) {
      const heading = document.querySelector(`[data-group="${sev}"] h3`)?.textContent ?? "";
      if (n === 0) expect(heading).toBe("");
      else expect(heading).toMatch(new RegExp(`（${n} 处`));
      expect(document.querySelectorAll(`[data-group="${sev}"] [data-code]`).length + [...document.querySelectorAll(`[data-group="${sev}"] [data-repeat]`)].reduce((m, e) => m + Number(e.getAttribute("data-findings")), 0)).toBe(n);
    }
  });
});

