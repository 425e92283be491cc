/**
 * An accountant's first day (issue 21), end to end in the BUILT pane at 320 px in headless Chromium, offline: the
 * first-use question, a check with every number explained, a finding, the written cells, 忽略, the sample with its 11
 * forms, templates, a renamed .ods, the help page — axe-core finds nothing in any of these states. Each state is the
 * screenshot of the user guide (docs/使用说明.md) it illustrates: they go to test/.out/guide/, and with
 * ZIPING_UPDATE_GUIDE=1 also to docs/guide/ (the committed ones); the test checks the guide names exactly these.
 */
import fs from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { strToU8, zipSync } from "fflate";
import { main } from "../../src/cli/ziping";
import { SheetSpec } from "../../src/engine/sheet/sheetSpec";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { withCells } from "../fixtures/specCells";
import { chooseFile, horizontalOverflow, PaneBrowser, seriousA11yViolations, startPaneBrowser, xlsxFile } from "./browser";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.resolve(__dirname, "../.out/guide");
const DOCS = path.join(ROOT, "docs/guide");
const UPDATE = process.env.ZIPING_UPDATE_GUIDE === "1";
const made: string[] = [];

let b: PaneBrowser;
let form1File: string;

/** The viewport (320 × 900) with `target` scrolled into view: what the user sees at that moment. */
async function shot(page: Page, name: string, target?: ReturnType<Page["locator"]>): Promise<void> {
  if (target) await target.scrollIntoViewIfNeeded();
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  await page.screenshot({ path: file });
  made.push(name);
  if (UPDATE) {
    fs.mkdirSync(DOCS, { recursive: true });
    fs.copyFileSync(file, path.join(DOCS, name));
  }
}

async function noA11yIssues(page: Page): Promise<void> {
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
}

/** Two forms on one sheet, the second below the first. */
function stacked(a: SheetSpec, b2: SheetSpec, name: string): SheetSpec {
  const shift = Math.max(...a.cells.map((c) => c.row)) + 4;
  return {
    ...a,
    name,
    cells: [...a.cells, ...b2.cells.map((c) => ({ ...c, row: c.row + shift }))],
    merges: [...a.merges, ...b2.merges.map((m) => ({ ...m, top: m.top + shift, bottom: m.bottom + shift }))],
  };
}

beforeAll(async () => {
  b = await startPaneBrowser();
  const { spec, layout } = seedSheet(SEED_FORMS[0], { blank: { rates: true, grade: true } });
  form1File = await xlsxFile(b.tmp, "购买新智能单兵设备.xlsx", [withCells(spec, [{ ...layout.at(layout.totalRow, 8), value: 94 }])]);
});

afterAll(async () => {
  await b?.close();
});

describe("an accountant's first day, at 320 px", () => {
  it("first use asks for the 评分方案, national first; then a check explains every number; a finding, the written cells, 忽略", async () => {
    const { page, errors } = await b.open(320, { remembered: null });
    const ask = page.getByTestId("profile-ask");
    await ask.waitFor({ timeout: 10000 });
    expect(await ask.getByRole("radio").evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).toEqual(["mof-2020", "putuo-2023"]);
    expect(await page.getByRole("button", { name: "校验并计分" }).isDisabled()).toBe(true);
    await noA11yIssues(page);
    await shot(page, "01-first-use.png");
    await ask.getByRole("button", { name: "使用此评分方案" }).click();
    expect(await page.evaluate(() => localStorage.getItem("ziping.profile"))).toBe("mof-2020");

    await chooseFile(page, form1File);
    await page.getByRole("button", { name: "校验并计分" }).click();
    await page.getByTestId("summary").waitFor({ timeout: 20000 });
    expect(await page.getByTestId("total-calc").textContent()).toBe("预算执行得分 9.38 + 指标得分 87.00 = 96.38");
    expect(await page.getByTestId("grade-calc").textContent()).toBe("总分 96.38 ≥ 90，评为“优”");
    expect(await page.getByTestId("budget-calc").textContent()).toBe("10.00 × 91.60 ÷ 97.68 = 9.38");
    expect(await page.getByTestId("summary-where").textContent()).toBe("工作表“表1”");
    // the summary's counts are the groups' and the cards' (every state: all, then each filter)
    const counts = await page.getByTestId("counts").locator("[data-severity]").evaluateAll((els) => els.map((e) => [e.getAttribute("data-severity"), Number(e.getAttribute("data-count"))] as const));
    const listed = (sev: string) => page.locator(`[data-group="${sev}"] [data-code]`).count();
    for (const [sev, n] of counts) expect(await listed(sev!)).toBe(n);
    for (const [sev, n] of counts) {
      if (n === 0) continue;
      await page.getByTestId("counts").locator(`[data-severity="${sev}"]`).click();
      expect(await page.locator("[data-group]").evaluateAll((els) => els.map((e) => e.getAttribute("data-group")))).toEqual([sev]);
      expect(await listed(sev!)).toBe(n);
      await noA11yIssues(page);
      await page.getByTestId("counts").locator(`[data-severity="${sev}"]`).click();
    }
    await noA11yIssues(page);
    await shot(page, "02-checked.png", page.getByTestId("summary"));

    const card = page.locator("li[data-card]").filter({ has: page.locator('[data-code="SCORE_RULE_MISMATCH"]') }).first();
    await card.locator("[data-nav]").click({ position: { x: 20, y: 40 } });
    expect(await card.getByTestId("in-place").innerText()).toContain("H16 现为 18.00");
    await noA11yIssues(page);
    await shot(page, "03-finding.png", card);

    const written = page.getByTestId("written");
    expect(await written.locator("h2").textContent()).toMatch(/已写入 \d+ 个单元格（已计分副本）/);
    await shot(page, "04-written.png", written);

    await card.getByTestId("ignore").first().click();
    await page.getByRole("textbox", { name: /理由/ }).fill("扣分理由已在纸质材料中说明");
    await noA11yIssues(page);
    await shot(page, "05-ignore.png", card);
    await page.getByRole("button", { name: "确定忽略" }).click();
    await page.locator('[data-group="ignored"]').waitFor({ timeout: 20000 });
    await noA11yIssues(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("示例 opens the bundled sample and checks it: 11 forms listed, scrolling visibly, each with its sheet", async () => {
    const { page } = await b.open(320);
    await page.getByRole("button", { name: "示例" }).click();
    const table = page.getByTestId("workbook");
    await table.waitFor({ timeout: 30000 });
    expect(await page.getByTestId("file-name").textContent()).toBe("示例：普陀区 2023 年 11 张自评表.xlsx");
    expect(await table.getByTestId("workbook-row").count()).toBe(11);
    expect(await table.innerText()).toContain("工作表“");
    // the box scrolls, and says so inside it whatever the scroll bars look like (overlay ones, headless ones are hidden):
    // how many rows are below, until the last is in view
    const scroll = page.getByTestId("workbook-scroll");
    expect(await scroll.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
    const below = page.getByTestId("workbook-below");
    expect(await below.isVisible()).toBe(true);
    expect(await below.textContent()).toMatch(/^↓ 下面还有 \d+ 张，请在框内向下滚动$/);
    expect(await table.innerText()).toContain("共 11 张，表格可上下滚动查看全部");
    await noA11yIssues(page);
    await shot(page, "06-workbook.png", table);
    await scroll.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await below.waitFor({ state: "detached" });
    await scroll.evaluate((el) => el.scrollTo(0, 0));

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "新建自评表" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^自评表（\d{4} 年度，新项目）\.xlsx$/);
    await shot(page, "07-templates.png", page.getByTestId("notice"));
    await page.context().close();
  });

  it("two forms stacked on one sheet are told apart: 第 1 张 / 第 2 张, in the list and the summary", async () => {
    const file = await xlsxFile(b.tmp, "两张上下.xlsx", [stacked(seedSheet(SEED_FORMS[0]).spec, seedSheet(SEED_FORMS[5]).spec, "汇总表1")]);
    const { page } = await b.open(320);
    await chooseFile(page, file);
    await page.getByRole("button", { name: "校验并计分" }).click();
    const table = page.getByTestId("workbook");
    await table.waitFor({ timeout: 20000 });
    const wheres = await table.getByTestId("workbook-row").evaluateAll((rows) => rows.map((r) => r.querySelector("[data-testid=row-where]")?.textContent));
    expect(wheres.sort()).toEqual(["工作表“汇总表1”第 1 张（共 2 张）", "工作表“汇总表1”第 2 张（共 2 张）"]);
    await table.getByRole("button", { name: SEED_FORMS[5].title }).click();
    expect(await page.getByTestId("summary-where").textContent()).toBe("工作表“汇总表1”中的第 2 张（共 2 张）");
    await noA11yIssues(page);
    await page.context().close();
  });

  it("an .ods renamed .xlsx is named for what it is, with its next step", async () => {
    const ods = zipSync({ mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }], "content.xml": strToU8("<office:document-content/>"), "META-INF/manifest.xml": strToU8("<manifest/>") });
    const file = path.join(b.tmp, "自评表.xlsx");
    fs.writeFileSync(file, ods);
    const { page } = await b.open(320);
    await chooseFile(page, file);
    await page.getByRole("button", { name: "校验并计分" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 20000 });
    expect((await alert.innerText()).replace(/\s+/g, "")).toMatch(/OpenDocument表格.*扩展名是\.xlsx，但内容不是.*另存为/);
    await noA11yIssues(page);
    await shot(page, "08-bad-file.png");
    await page.context().close();
  });

  it("the command line for reviewers, on the same sample", async () => {
    let out = "";
    const cwd = process.cwd();
    process.chdir(ROOT);
    try {
      await main(["check", "samples/seed-forms-2023.xlsx"], { out: (t) => (out += t), err: () => undefined });
    } finally {
      process.chdir(cwd);
    }
    const lines = out.trimEnd().split("\n");
    const end = lines.findIndex((l) => l.startsWith("共 1 个文件"));
    expect(end).toBeGreaterThan(0);
    const shown = ["$ npx ziping check samples/seed-forms-2023.xlsx", ...lines.slice(0, 8), "  …", ...lines.slice(end)].join("\n");
    expect(shown).toContain("汇总（错误、警告多的在前");
    const { page } = await b.open(800);
    await page.setContent(`<html lang="zh-CN"><body style="margin:0;background:#1e1e1e"><pre style="margin:0;padding:12px;color:#e0e0e0;font:13px/1.45 monospace;white-space:pre-wrap"></pre></body></html>`);
    await page.locator("pre").evaluate((el, text) => (el.textContent = text), shown);
    fs.mkdirSync(OUT, { recursive: true });
    await page.locator("pre").screenshot({ path: path.join(OUT, "09-cli.png") });
    made.push("09-cli.png");
    if (UPDATE) fs.copyFileSync(path.join(OUT, "09-cli.png"), path.join(DOCS, "09-cli.png"));
    await page.context().close();
  });

  it("帮助 opens the user guide from the pane's own site, offline, with its screenshots", async () => {
    const { page, context } = await b.open(320);
    const help = page.getByTestId("help");
    await help.waitFor({ timeout: 10000 });
    expect(await help.getAttribute("target")).toBe("_blank");
    const [guide] = await Promise.all([context.waitForEvent("page"), help.click()]);
    await guide.waitForLoadState("load");
    expect(new URL(guide.url()).pathname).toBe("/help.html");
    expect(await guide.locator("h1").textContent()).toBe("自评表助手 使用说明");
    const images = await guide.locator("img").evaluateAll((els) => els.map((e) => [e.getAttribute("src"), (e as HTMLImageElement).naturalWidth] as const));
    expect(images.length).toBe(11);
    for (const [, width] of images) expect(width).toBeGreaterThan(0);
    await noA11yIssues(guide);
    await context.close();
  });
});

/** The screenshots the tests of this file make, for the user guide. */
const SHOTS = ["01-first-use.png", "02-checked.png", "03-finding.png", "04-written.png", "05-ignore.png", "06-workbook.png", "07-templates.png", "08-bad-file.png", "09-cli.png"];

afterAll(() => {
  // the guide shows exactly the screenshots this test makes
  const referenced = [...fs.readFileSync(path.join(ROOT, "docs/使用说明.md"), "utf8").matchAll(/\]\(guide\/([^)]+)\)/g)].map((m) => m[1]).sort();
  // only when every test of this file ran (a filtered run makes fewer); 10 and 11 are Excel mode's, made by excelPane.test.ts
  if (made.length === SHOTS.length) {
    expect([...made].sort()).toEqual(SHOTS);
    expect([...SHOTS, "10-excel-written.png", "11-excel-undone.png"].sort()).toEqual(referenced);
  }
});
