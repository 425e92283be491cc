/** @jest-environment jsdom */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { analyzeSheet, getProfile, SheetReport, sheetReport } from "../../src/engine";
import { specToGrid } from "../../src/engine/sheet/sheetSpec";
import { App } from "../../src/taskpane/components/App";
import type { ExcelHost, FileHost } from "../../src/app/host";
import { coverSheet, SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { changedForm } from "../fixtures/cleanForm";

// jsdom has no ResizeObserver; Fluent's MessageBar uses one to reflow long text.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;

const report1: SheetReport = sheetReport(analyzeSheet(specToGrid(seedSheet(SEED_FORMS[0]).spec), getProfile()!));

function excelHost(overrides: Partial<ExcelHost> = {}): ExcelHost {
  return {
    kind: "excel",
    check: jest.fn(async (id: string, { write }: { write: boolean }) => ({ ok: true as const, report: report1, profileId: id, written: write ? 3 : 0, pending: write ? 0 : 3, highlighted: 7 })),
    clearHighlights: jest.fn(async () => ({ ok: true as const, cleared: 7 })),
    undoLastWrite: jest.fn(async () => ({ ok: true as const, restored: 3, skipped: 0 })),
    selectCell: jest.fn(async () => ({ ok: true as const })),
    addTemplate: jest.fn(async (kind: string) => ({ ok: true as const, sheet: kind === "new" ? "自评表" : "表1 (2)", year: 2024 })),
    loadProfileId: jest.fn(async () => "mof-2020"),
    saveProfileId: jest.fn(async () => undefined),
    ...overrides,
  };
}

async function renderApp(host: ExcelHost | FileHost) {
  await act(async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App host={host} />
      </FluentProvider>,
    );
  });
}

const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el);
  });
};

describe("task pane in Excel", () => {
  it("starts empty, loads the workbook's profile, and 校验并计分 shows the summary and grouped findings", async () => {
    const host = excelHost();
    await renderApp(host);
    expect(screen.getByText(/点击“校验并计分”检查当前工作表/)).toBeTruthy();
    expect((screen.getByRole("combobox") as HTMLSelectElement).value).toBe("mof-2020");
    expect((screen.getByRole("button", { name: "写入计算结果" }) as HTMLButtonElement).disabled).toBe(true);

    await click(screen.getByRole("button", { name: "校验并计分" }));
    expect(host.check).toHaveBeenCalledWith("mof-2020", { write: false });
    expect(screen.getByTestId("total").textContent).toBe("96.37");
    expect(screen.getByTestId("grade").textContent).toBe("优");
    expect(screen.getByTestId("rate").textContent).toBe("93.77%");
    expect(screen.getByTestId("counts").textContent).toMatch(/错误 0.*警告 \d+.*提示 \d+/);
    expect(screen.getByText(/有 3 个计算结果/)).toBeTruthy();
    for (const heading of [/^指标（\d+）$/, /^目标（\d+）$/]) expect(screen.getByRole("heading", { name: heading })).toBeTruthy();
    const finding = document.querySelector('[data-code="SCORE_RULE_MISMATCH"]') as HTMLElement;
    expect(finding).toBeTruthy();
    const calc = within(finding).getByText(/^计算：/);
    expect(calc.textContent!.length).toBeGreaterThan(4);

    const cellButton = within(finding).getAllByRole("button")[0];
    await click(cellButton);
    expect(host.selectCell).toHaveBeenCalledWith(report1.sheet, cellButton.textContent);
    expect(finding.getAttribute("aria-current")).toBe("true");
  });

  it("写入计算结果, 清除标注, 撤销上次写入 call the host and say what happened", async () => {
    const host = excelHost();
    await renderApp(host);
    await click(screen.getByRole("button", { name: "校验并计分" }));
    await click(screen.getByRole("button", { name: "写入计算结果" }));
    expect(host.check).toHaveBeenLastCalledWith("mof-2020", { write: true });
    expect(screen.getByText(/已写入 3 个单元格/)).toBeTruthy();
    await click(screen.getByRole("button", { name: "清除标注" }));
    expect(screen.getByText("已清除 7 处标注。")).toBeTruthy();
    await click(screen.getByRole("button", { name: "撤销上次写入" }));
    expect(screen.getByText(/已恢复 3 个单元格/)).toBeTruthy();
  });

  it("shows a host failure (protected sheet) as an alert, with the report it came with", async () => {
    const host = excelHost({
      check: jest.fn(async () => ({ ok: false as const, code: "SHEET_PROTECTED", message: "当前工作表受保护，未写入任何内容。", report: report1 })),
    });
    await renderApp(host);
    await click(screen.getByRole("button", { name: "校验并计分" }));
    expect(screen.getByRole("alert").textContent).toContain("受保护");
    expect(screen.getByTestId("total").textContent).toBe("96.37");
  });

  it("a sheet that is no form shows the FORM_NOT_FOUND finding and no summary", async () => {
    const cover = sheetReport(analyzeSheet(specToGrid(coverSheet()), getProfile()!));
    const host = excelHost({ check: jest.fn(async () => ({ ok: false as const, code: "FORM_NOT_FOUND", message: "当前工作表中没有找到项目支出绩效自评表", report: cover })) });
    await renderApp(host);
    await click(screen.getByRole("button", { name: "校验并计分" }));
    expect(screen.queryByTestId("total")).toBeNull();
    expect(document.querySelector('[data-code="FORM_NOT_FOUND"]')).toBeTruthy();
    expect(screen.getByRole("heading", { name: /^表格（1）$/ })).toBeTruthy();
  });

  it("an unexpected error is shown, never swallowed", async () => {
    const host = excelHost({ clearHighlights: jest.fn(async () => Promise.reject(new Error("GeneralException"))) });
    await renderApp(host);
    await click(screen.getByRole("button", { name: "清除标注" }));
    expect(screen.getByRole("alert").textContent).toBe("发生意外错误：GeneralException");
  });

  it("stores the profile with the workbook and uses it", async () => {
    const host = excelHost({ loadProfileId: jest.fn(async () => null) });
    await renderApp(host);
    const select = screen.getByRole("combobox") as HTMLSelectElement;
    expect(select.value).toBe("putuo-2023");
    await act(async () => {
      fireEvent.change(select, { target: { value: "mof-2020" } });
    });
    expect(host.saveProfileId).toHaveBeenCalledWith("mof-2020");
    await click(screen.getByRole("button", { name: "校验并计分" }));
    expect(host.check).toHaveBeenCalledWith("mof-2020", { write: false });
  });

  it("switching the 评分方案 after a check marks the result out of date and turns 写入计算结果 off until checked again", async () => {
    const host = excelHost();
    await renderApp(host);
    await click(screen.getByRole("button", { name: "校验并计分" }));
    const write = () => screen.getByRole("button", { name: "写入计算结果" }) as HTMLButtonElement;
    expect(write().disabled).toBe(false);
    await act(async () => {
      fireEvent.change(screen.getByRole("combobox"), { target: { value: "putuo-2023" } });
    });
    expect(screen.getByTestId("stale").textContent).toContain("财预〔2020〕10号");
    expect(write().disabled).toBe(true);
    await click(screen.getByRole("button", { name: "校验并计分" }));
    expect(host.check).toHaveBeenLastCalledWith("putuo-2023", { write: false });
    expect(screen.queryByTestId("stale")).toBeNull();
    expect(write().disabled).toBe(false);
  });

  it("a form whose weights do not add up shows its sum as 得分合计 with the reason, and no grade", async () => {
    const r110 = sheetReport(analyzeSheet(specToGrid(changedForm([{ row: 15, col: 7, value: 40 }, { row: 15, col: 8, value: 40 }])), getProfile()!));
    await renderApp(excelHost({ check: jest.fn(async (id: string) => ({ ok: true as const, report: r110, profileId: id, written: 0, pending: 0, highlighted: 1 })) }));
    await click(screen.getByRole("button", { name: "校验并计分" }));
    expect(screen.getByText("得分合计")).toBeTruthy();
    expect(screen.getByTestId("total").textContent).toBe("109.37");
    expect(screen.getByTestId("verdict-reason").textContent).toBe("分值合计为 110.00，不是 100.00，不给出总分和评分等级");
    expect(screen.getByTestId("grade").textContent).toBe("—");
  });

  it("every action is a real button reachable by keyboard", async () => {
    await renderApp(excelHost());
    for (const name of ["校验并计分", "写入计算结果", "清除标注", "撤销上次写入"]) {
      const b = screen.getByRole("button", { name });
      expect(b.tagName).toBe("BUTTON");
      expect(b.getAttribute("tabindex")).not.toBe("-1");
    }
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
        written: 0,
        pending: 0,
        highlighted: 7,
        scored: { name: "表1（已计分）.xlsx", bytes: new Uint8Array([1, 2, 3]) },
      })),
      download: jest.fn(),
      makeTemplate: jest.fn(async () => ({ ok: true as const, name: "自评表（2026 年度，新项目）.xlsx", bytes: new Uint8Array([9]), year: 2026 })),
      loadProfileId: jest.fn(async () => null),
      saveProfileId: jest.fn(async () => undefined),
      ...overrides,
    };
  }

  it("offers a file picker; 校验并计分 shows results and a download of the scored copy", async () => {
    const host = fileHost();
    await renderApp(host);
    expect(screen.getByText(/未在 Excel 中运行/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "写入计算结果" })).toBeNull();
    const check = screen.getByRole("button", { name: "校验并计分" }) as HTMLButtonElement;
    expect(check.disabled).toBe(true);

    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const opened = jest.spyOn(input, "click").mockImplementation(() => undefined);
    await click(screen.getByRole("button", { name: "选择 .xlsx 文件…" }));
    expect(opened).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("file-name").textContent).toBe("尚未选择文件");
    const file = new File([new Uint8Array([80, 75, 3, 4])], "表1.xlsx");
    Object.defineProperty(file, "arrayBuffer", { value: async () => new Uint8Array([80, 75, 3, 4]).buffer });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    expect(screen.getByTestId("file-name").textContent).toBe("表1.xlsx");
    await click(check);
    expect(host.checkFile).toHaveBeenCalledWith({ name: "表1.xlsx", bytes: new Uint8Array([80, 75, 3, 4]) }, "putuo-2023");
    expect(screen.getByTestId("total").textContent).toBe("96.37");
    expect(screen.getByText(/已生成已计分副本“表1（已计分）.xlsx”/)).toBeTruthy();

    await click(screen.getByRole("button", { name: "下载已计分副本" }));
    expect(host.download).toHaveBeenCalledWith("表1（已计分）.xlsx", new Uint8Array([1, 2, 3]));

    const finding = document.querySelector('[data-code="SCORE_RULE_MISMATCH"]') as HTMLElement;
    await click(within(finding).getAllByRole("button")[0]);
    expect(screen.getByRole("status").textContent).toMatch(/文件模式下无法跳转/);
  });

  it("switching the 评分方案 re-checks the file, so numbers and the download always match the choice", async () => {
    const host = fileHost();
    await renderApp(host);
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(["x"], "表1.xlsx");
    Object.defineProperty(file, "arrayBuffer", { value: async () => new Uint8Array([80, 75]).buffer });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await click(screen.getByRole("button", { name: "校验并计分" }));
    expect(host.checkFile).toHaveBeenLastCalledWith(expect.anything(), "putuo-2023");
    await act(async () => {
      fireEvent.change(screen.getByRole("combobox"), { target: { value: "mof-2020" } });
    });
    expect(host.checkFile).toHaveBeenLastCalledWith(expect.anything(), "mof-2020");
    expect(host.checkFile).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId("stale")).toBeNull();
    await click(screen.getByRole("button", { name: "下载已计分副本" }));
    expect(host.download).toHaveBeenCalledTimes(1);
  });

  it("an unreadable file gives its Chinese reason", async () => {
    const host = fileHost({ checkFile: jest.fn(async () => ({ ok: false as const, code: "FILE_UNREADABLE", message: "不是 .xlsx 文件（文件内容无法识别）" })) });
    await renderApp(host);
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    const file = new File(["x"], "a.xlsx");
    Object.defineProperty(file, "arrayBuffer", { value: async () => new Uint8Array([120]).buffer });
    await act(async () => {
      fireEvent.change(input, { target: { files: [file] } });
    });
    await click(screen.getByRole("button", { name: "校验并计分" }));
    expect(screen.getByRole("alert").textContent).toContain("不是 .xlsx 文件");
  });
});

describe("templates from the pane", () => {
  it("in Excel: 新建自评表 and 生成下年度模板 add a sheet with the chosen profile", async () => {
    const host = excelHost();
    await renderApp(host);
    await click(screen.getByRole("button", { name: "新建自评表" }));
    expect(host.addTemplate).toHaveBeenCalledWith("new", "mof-2020");
    expect(screen.getByText(/已新建工作表“自评表”（2024 年度）/)).toBeTruthy();
    await click(screen.getByRole("button", { name: "生成下年度模板" }));
    expect(host.addTemplate).toHaveBeenCalledWith("nextYear", "mof-2020");
    expect(screen.getByText(/已新建工作表“表1 \(2\)”/)).toBeTruthy();
  });

  it("in Excel: a sheet that is no form gets the host's message", async () => {
    const host = excelHost({ addTemplate: jest.fn(async () => ({ ok: false as const, code: "FORM_NOT_FOUND", message: "当前工作表中没有找到项目支出绩效自评表" })) });
    await renderApp(host);
    await click(screen.getByRole("button", { name: "生成下年度模板" }));
    expect(screen.getByText(/没有找到项目支出绩效自评表/)).toBeTruthy();
  });
});
