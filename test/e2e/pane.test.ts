/**
 * End to end, file mode: the BUILT pane in headless Debian Chromium, as an accountant uses it — a check, switching
 * the 评分方案, clicking a finding, the cells written (previous → new), bad files, office.js blocked, keyboard only,
 * an automated accessibility check (axe-core), and no horizontal scrolling at 320 and 1280 px. Screenshots of the
 * pane at 320 px go to test/.out/screenshots/.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import path from "path";
import type { FileChooser, Page } from "playwright-core";
import { cellText } from "../../src/app";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { analyzeSheet, getProfile, isOwnHighlightRule, sheetReport, SheetReport } from "../../src/engine";
import { SheetSpec, specToGrid } from "../../src/engine/sheet/sheetSpec";
import { coverSheet, SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { withCells } from "../fixtures/specCells";
import { chooseFile, horizontalOverflow, PaneBrowser, screenshot, seriousA11yViolations, startPaneBrowser, xlsxFile } from "./browser";

jest.setTimeout(120_000);

let b: PaneBrowser;
/** Seed form 1 with its 执行率 cells and 评分等级 blank and a 总分 of 94 typed where the scores add up to 96.37. */
let form1: SheetSpec;
let form1File: string;

beforeAll(async () => {
  b = await startPaneBrowser();
  const { spec, layout } = seedSheet(SEED_FORMS[0], { blank: { rates: true, grade: true } });
  const total = layout.at(layout.totalRow, 8);
  form1 = withCells(spec, [{ ...total, value: 94 }]);
  form1File = await xlsxFile(b.tmp, "购买新智能单兵设备.xlsx", [form1]);
});

afterAll(async () => {
  await b?.close();
});

const report = (spec: SheetSpec, profile = "putuo-2023"): SheetReport => sheetReport(analyzeSheet(specToGrid(spec), getProfile(profile)!));

async function check(page: Page): Promise<void> {
  await page.getByRole("button", { name: "校验并计分" }).click();
  await page.getByTestId("summary").waitFor({ timeout: 20000 });
}

/** The text a user sees in the element, without the 详情 codes. */
const visible = (page: Page, testId: string) => page.getByTestId(testId).innerText();

describe("a check in file mode", () => {
  it("shows 总分 / 等级 / 执行率 with the calculations as accountants write them, moves the focus there, and lists the cells written", async () => {
    const { page, errors } = await b.open(320);
    await chooseFile(page, form1File);
    await check(page);
    expect(await page.getByTestId("total").textContent()).toBe("96.37");
    expect(await page.getByTestId("grade").textContent()).toBe("优");
    expect(await page.getByTestId("rate").textContent()).toBe("93.77%");
    expect(await page.getByTestId("rate-calc").textContent()).toBe("91.60 ÷ 97.68 × 100% = 93.77%");
    expect(await page.getByTestId("budget-calc").textContent()).toBe("10.00 × 91.60 ÷ 97.68 = 9.37");
    // the form said 94.00; the copy has the computed 总分 written
    expect(await visible(page, "summary")).toContain("原填 94.00，已计分副本中已写入计算结果");
    // the focus is on the result, not on <body>
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe("summary");

    // 已写入: cell, previous → new, why — the typed 94 is not lost from view
    const written = page.getByTestId("written");
    expect(await written.locator("h2").textContent()).toMatch(/已写入 \d+ 个单元格（已计分副本）/);
    const row = async (a1: string) => (await written.locator(`[data-cell="${a1}"]`).innerText()).replace(/\s+/g, " ");
    const expected = report(form1);
    expect(await row(expected.form!.total.cell!)).toContain("总分 94.00 → 96.37");
    expect(await row(expected.form!.total.cell!)).toContain("原填 94.00，与计算结果不同；预算执行得分 9.37 + 指标得分 87.00 = 96.37");
    expect(await row(expected.form!.grade.cell!)).toContain("评分等级 （空） → 优");
    expect(await row(expected.form!.funds[0].rate.cell!)).toContain("执行率（年度资金总额） （空） → 93.77");

    // groups by severity, 错误 first; the codes are not shown until 详情
    const groups = await page.locator("[data-group]").evaluateAll((els) => els.map((e) => e.getAttribute("data-group")));
    expect(groups).toEqual(["error", "warning", "info"].filter((s) => expected.findings.some((f) => f.severity === s)));
    const listed = await page.locator("[data-code]").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
    expect(listed.sort()).toEqual(expected.findings.map((f) => f.code).sort());
    expect(await page.locator("main").innerText()).not.toContain("SCORE_RULE_MISMATCH");
    await screenshot(page, "pane-320-seed-form-1.png");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("one card per indicator merges its findings; clicking anywhere on it shows its cells with their values in place", async () => {
    const { page } = await b.open(320);
    await chooseFile(page, form1File);
    await check(page);
    const notice = await visible(page, "notice");
    const card = page.locator("li[data-card]").filter({ has: page.locator('[data-code="SCORE_RULE_MISMATCH"]') }).first();
    // 采购设备正常使用率: 18 typed where the rule gives 20, and no 偏差原因 — one card, both findings
    expect(await card.locator("[data-code]").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")))).toEqual(["SCORE_RULE_MISMATCH", "DEVIATION_MISSING"]);
    await card.locator("[data-nav]").click({ position: { x: 20, y: 40 } }); // on the message, not on a cell reference
    expect(await card.getAttribute("aria-current")).toBe("true");
    const grid = (await readWorkbook(fs.readFileSync(form1File))).ok ? ((await readWorkbook(fs.readFileSync(form1File))) as { grids: ReturnType<typeof specToGrid>[] }).grids[0] : null;
    const inPlace = await card.getByTestId("in-place").innerText();
    expect(inPlace).toContain(`H16 现为 ${cellText(grid!, "H16")}`);
    expect(cellText(grid!, "H16")).toBe("18.00");
    // the notice at the top is still the check's
    expect(await visible(page, "notice")).toBe(notice);
    // the codes are under 详情
    expect(await card.innerText()).not.toContain("SCORE_RULE_MISMATCH");
    await card.getByRole("button", { name: "详情" }).click();
    expect(await card.innerText()).toContain("SCORE_RULE_MISMATCH、DEVIATION_MISSING");
    await page.context().close();
  });

  it("the scored copy carries the new values, the written cells' own mark, and the 已写入 part of 校验结果", async () => {
    const { page } = await b.open(320);
    await chooseFile(page, form1File);
    await check(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载已计分副本" }).click()]);
    expect(download.suggestedFilename()).toBe("购买新智能单兵设备（已计分）.xlsx");
    const saved = path.join(b.tmp, "scored-1.xlsx");
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const ws = wb.getWorksheet(form1.name)!;
    const expected = report(form1);
    expect(ws.getCell(expected.form!.total.cell!).value).toBe(96.37);
    const rules = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] }).conditionalFormattings;
    const written = rules.filter((r) => r.rules[0].formulae?.[0] === 'LEN("ziping:written")>0').map((r) => r.ref).sort();
    // every 执行率 that has a value (0 ÷ 0 rows have none and get none written), 总分, 评分等级
    expect(written).toEqual([expected.form!.total.cell!, expected.form!.grade.cell!, ...expected.form!.funds.filter((f) => f.rate.computed !== null).map((f) => f.rate.cell!)].sort());
    expect(rules.every((r) => isOwnHighlightRule(r.rules[0].formulae?.[0]))).toBe(true);
    const list = wb.getWorksheet("校验结果")!;
    const rows: string[] = [];
    list.eachRow((r) => rows.push((r.values as unknown[]).filter((v) => v !== undefined && v !== null).join(" | ")));
    expect(rows.some((r) => r.includes(`${expected.form!.total.cell} | 已写入 | 总分：94.00 → 96.37`))).toBe(true);
    expect(rows[1]).toContain("评分方案：普陀区 2023（截尾）（putuo-2023）");
    await page.context().close();
  });

  it("switching the 评分方案 re-checks: the numbers change and the download is the copy scored under the new one", async () => {
    const { page } = await b.open(320);
    await chooseFile(page, form1File);
    await check(page);
    expect(await page.getByTestId("rate").textContent()).toBe("93.77%");
    await page.getByRole("combobox", { name: "评分方案" }).selectOption("mof-2020");
    await page.getByTestId("rate").filter({ hasText: "93.78%" }).waitFor({ timeout: 20000 });
    expect(await page.getByTestId("budget-calc").textContent()).toBe("10.00 × 91.60 ÷ 97.68 = 9.38");
    expect(await page.getByTestId("stale").count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载已计分副本" }).click()]);
    const saved = path.join(b.tmp, "scored-mof.xlsx");
    await download.saveAs(saved);
    const copy = await readWorkbook(fs.readFileSync(saved));
    if (!copy.ok) throw new Error(copy.message);
    const rate = report(form1).form!.funds[0].rate.cell!;
    expect(cellText(copy.grids[0], rate)).toBe("93.78");
    await page.context().close();
  });

  it("next year's template is built from the sheet on show, not the first one", async () => {
    const two = await xlsxFile(b.tmp, "两张表.xlsx", [seedSheet(SEED_FORMS[0]).spec, seedSheet(SEED_FORMS[5]).spec]);
    const { page } = await b.open(320);
    await chooseFile(page, two);
    await check(page);
    // the workbook view lists both forms; the 项目名称 of 表6 opens it
    await page.getByTestId("workbook").getByRole("button", { name: SEED_FORMS[5].title }).click();
    const [next] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "生成下年度模板" }).click()]);
    const saved = path.join(b.tmp, "next-6.xlsx");
    await next.saveAs(saved);
    const book = await readWorkbook(fs.readFileSync(saved));
    if (!book.ok) throw new Error(book.message);
    const model = analyzeSheet(book.grids[0], getProfile()!).form!.model;
    expect(model.projectName?.text).toBe(SEED_FORMS[5].title);
    expect(await visible(page, "notice")).toContain("按工作表“表6”");
    await page.context().close();
  });
});

describe("findings of one kind over one table", () => {
  it("are summarised in one line that expands to the cards", async () => {
    // seed form 2 with every 年度指标值 and 实际完成值 left blank
    const { spec, layout } = seedSheet(SEED_FORMS[1]);
    const n = SEED_FORMS[1].indicators.length;
    const blanks = Array.from({ length: n }, (_, i) => [5, 6].map((c) => ({ ...layout.at(layout.firstIndicatorRow + i, c), value: null }))).flat();
    const blank = withCells(spec, blanks);
    const file = await xlsxFile(b.tmp, "未填指标值.xlsx", [blank]);
    const r = report(blank);
    const onlyMissing = new Set<string>();
    for (const ind of r.form!.indicators) {
      const row = ind.score.cell!.replace(/^[A-Z]+/, "");
      // a row's errors are one card (its warnings and infos are cards of their own groups)
      const codes = r.findings.filter((f) => f.severity === "error" && f.cells.some((c) => c.replace(/^[A-Z]+/, "") === row) && !["LEVEL1_WEIGHT_NONSTANDARD", "LEVEL2_INVALID"].includes(f.code)).map((f) => f.code);
      if (codes.length > 0 && codes.every((c) => c === "VALUE_MISSING")) onlyMissing.add(row);
    }
    expect(onlyMissing.size).toBeGreaterThanOrEqual(3);

    const { page } = await b.open(320);
    await chooseFile(page, file);
    await check(page);
    const summary = page.locator('[data-repeat="VALUE_MISSING"] > button');
    expect(await summary.innerText()).toContain(`${onlyMissing.size} 个指标缺年度指标值和实际完成值`);
    expect(await page.locator('li[data-repeat] li[data-card]').count()).toBe(0);
    await summary.click();
    expect(await page.locator("li[data-repeat] li[data-card]").count()).toBe(onlyMissing.size);
    await page.context().close();
  });

  it("a real form with errors (test/fixtures/real-forms, from shared/real-forms): the pane lists what the engine finds", async () => {
    const real = path.resolve(__dirname, "../fixtures/real-forms/ah-xiaoxian-2023-planting-breeding-subsidy.xlsx");
    const book = await readWorkbook(fs.readFileSync(real));
    if (!book.ok) throw new Error(book.message);
    const r = sheetReport(analyzeSheet(book.grids[0], getProfile()!));
    const { page } = await b.open(320);
    await chooseFile(page, real);
    await check(page);
    const counts = await page.getByTestId("counts").innerText();
    expect(counts.replace(/\s+/g, " ")).toContain(`错误 ${r.findings.filter((f) => f.severity === "error").length}`);
    await screenshot(page, "pane-320-real-form.png");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});

describe("files the pane cannot use", () => {
  const noEnglish = (text: string, fileName: string) => text.replace(fileName, "").replace(/Excel|WPS|xlsx|xls|office\.js|appsforoffice\.microsoft\.com/g, "");

  it.each([
    ["a damaged .xlsx (cut short)", "损坏的表.xlsx", (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2)), /已损坏.*重新下载.*另存为/],
    ["an old .xls", "旧版自评表.xls", () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048)]), /旧版 Excel 文件（\.xls 格式.*另存为.*Excel 工作簿（\*\.xlsx）/],
  ] as const)("%s: a Chinese message with the next step, no library English, no stale prompt beside it", async (_name, fileName, make, next) => {
    const file = path.join(b.tmp, fileName);
    fs.writeFileSync(file, make(fs.readFileSync(form1File)));
    const { page } = await b.open(320);
    await chooseFile(page, file);
    await page.getByRole("button", { name: "校验并计分" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 20000 });
    const text = (await alert.innerText()).replace(/\s+/g, " ");
    expect(text).toMatch(next);
    expect(noEnglish(text, fileName)).not.toMatch(/[A-Za-z]/);
    expect(await page.getByText("选择文件后点击").count()).toBe(0);
    expect(await page.getByText("点击“校验并计分”开始校验").count()).toBe(0);
    expect(await page.getByTestId("summary").count()).toBe(0);
    if (fileName.endsWith(".xls")) await screenshot(page, "pane-320-bad-file.png");
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it("a workbook with no 自评表 says what it looked for and what it found, with no finding card", async () => {
    const file = await xlsxFile(b.tmp, "封面.xlsx", [coverSheet()]);
    const { page } = await b.open(320);
    await chooseFile(page, file);
    await page.getByRole("button", { name: "校验并计分" }).click();
    const notice = page.getByTestId("notice");
    await notice.filter({ hasText: "找到的是" }).waitFor({ timeout: 20000 });
    const text = await notice.innerText();
    expect(text).toContain("没有找到财政项目支出绩效自评表（未找到");
    expect(text).toMatch(/找到的是：工作表“说明”（\d+ 个单元格有内容，开头是“/);
    expect(await page.locator("[data-card]").count()).toBe(0);
    expect(await page.getByRole("button", { name: /A1/ }).count()).toBe(0);
    await page.context().close();
  });
});

describe("office.js blocked (the start-up policy of src/taskpane/officeReady.ts)", () => {
  it("in a browser, the CDN never answers: file mode within 5 s, with a note", async () => {
    const started = Date.now();
    const { page } = await b.open(320, { office: "hang" });
    await page.locator('input[type="file"]').waitFor({ state: "attached", timeout: 5000 });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await page.getByTestId("boot-note").innerText()).toMatch(/几秒内没有响应.*文件模式/);
    expect(b.blocked.some((u) => u.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true);
    await page.context().close();
  });

  it("opened by Excel, the CDN never answers: after 8 s still waiting, with 重新加载 and 改用文件模式; file mode when chosen, with a note", async () => {
    const started = Date.now();
    const { page } = await b.open(320, { office: "hang", query: "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0" });
    const fileMode = page.getByRole("button", { name: "改用文件模式" });
    await fileMode.waitFor({ state: "visible", timeout: 15000 });
    expect(Date.now() - started).toBeGreaterThan(7000);
    expect(await page.getByRole("button", { name: "重新加载" }).count()).toBe(1);
    expect(await page.locator('input[type="file"]').count()).toBe(0); // never file mode on its own
    await fileMode.click();
    await page.locator('input[type="file"]').waitFor({ state: "attached", timeout: 5000 });
    expect(await page.getByTestId("boot-note").innerText()).toMatch(/未能加载 Office 组件.*appsforoffice\.microsoft\.com/);
    await page.context().close();
  });

  it("refused at once (offline browser): file mode at once, no note", async () => {
    const started = Date.now();
    const { page } = await b.open(320, { office: "abort" });
    await page.locator('input[type="file"]').waitFor({ state: "attached", timeout: 5000 });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(await page.getByTestId("boot-note").count()).toBe(0);
    await page.context().close();
  });
});

describe("keyboard only", () => {
  it("choose the file, check, land on the result, then arrow through the findings as one list", async () => {
    const { page } = await b.open(320);
    // listen before any key is pressed: Playwright turns on file-chooser interception when the first listener is
    // added, and a chooser opened before that is not reported
    const chooserOpened = new Promise<FileChooser>((resolve) => page.once("filechooser", resolve));
    await page.locator('input[type="file"]').waitFor({ state: "attached", timeout: 10000 });
    const tabTo = async (pred: () => Promise<boolean>, max = 20) => {
      for (let i = 0; i < max; i++) {
        await page.keyboard.press("Tab");
        if (await pred()) return i + 1;
      }
      throw new Error("not reached by Tab");
    };
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? "");
    await tabTo(async () => (await focusedText()) === "选择 .xlsx 文件…");
    await page.keyboard.press("Enter");
    await (await chooserOpened).setFiles(form1File);
    await page.getByTestId("file-name").filter({ hasText: "购买新智能单兵设备.xlsx" }).waitFor();
    await tabTo(async () => (await focusedText()) === "校验并计分");
    await page.keyboard.press("Enter");
    await page.getByTestId("summary").waitFor({ timeout: 20000 });
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.testid === "summary");

    // into the list: one tab stop, whatever the number of findings
    const nav = () => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.nav ?? null);
    await tabTo(async () => (await nav()) !== null, 8);
    const first = await nav();
    expect(first).toBe("group:error");
    const order: string[] = [first!];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("ArrowDown");
      order.push((await nav())!);
    }
    expect(new Set(order).size).toBe(5);
    const card = order.find((k) => k.startsWith("row:"))!;
    while ((await nav()) !== card) await page.keyboard.press("ArrowUp");
    await page.keyboard.press("Enter");
    await page.locator(`li[data-card="${card}"]`).getByTestId("in-place").waitFor();
    // Tab: this card's 详情, then out of the list
    await page.keyboard.press("Tab");
    expect(await focusedText()).toBe("详情");
    await page.keyboard.press("Tab");
    expect(await nav()).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.closest("[data-group]") === null)).toBe(true);
    // no cell reference is a tab stop of its own
    expect(await page.locator("main [data-group] [tabindex='0']").count()).toBeLessThanOrEqual(2);
    // End / Home
    await page.locator(`[data-nav="${card}"]`).focus();
    await page.keyboard.press("End");
    const last = await nav();
    await page.keyboard.press("Home");
    expect(await nav()).toBe("group:error");
    expect(last).not.toBe("group:error");
    await page.context().close();
  });
});

describe("accessibility and width", () => {
  it("axe-core finds no serious or critical issue: empty, checked (a card open, 详情 shown), a bad file", async () => {
    const { page } = await b.open(320);
    await page.locator('input[type="file"]').waitFor({ state: "attached", timeout: 10000 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await chooseFile(page, form1File);
    await check(page);
    const card = page.locator("li[data-card]").first();
    await card.locator("[data-nav]").click();
    await card.getByRole("button", { name: "详情" }).click();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const bad = path.join(b.tmp, "坏.xlsx");
    fs.writeFileSync(bad, Buffer.from("这不是表格"));
    await chooseFile(page, bad);
    await page.getByRole("button", { name: "校验并计分" }).click();
    await page.getByRole("alert").waitFor({ timeout: 20000 });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("at 1280 px the pane uses the width: findings beside the summary, no horizontal scrolling", async () => {
    const { page } = await b.open(1280);
    await chooseFile(page, form1File);
    await check(page);
    const summary = (await page.getByTestId("summary").boundingBox())!;
    const findings = (await page.locator("#findings-title").boundingBox())!;
    expect(findings.x).toBeGreaterThan(summary.x + summary.width);
    expect(findings.y).toBeLessThan(summary.y + summary.height);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, "pane-1280-seed-form-1.png");
    await page.context().close();
  });
});
