/**
 * End to end: the BUILT pane (dist/, from `npm run build:web`) in headless Debian Chromium, in file mode.
 * office.js and every other non-localhost request are blocked, as on an offline machine.
 */
import ExcelJS from "exceljs";
import fs from "fs";
import type { Server } from "http";
import os from "os";
import path from "path";
import { BrowserContext, chromium, Page } from "playwright-core";
import { readWorkbook } from "../../src/adapters/xlsx/readWorkbook";
import { addSheetFromSpec, workbookToBytes } from "../../src/adapters/xlsx/writeWorkbook";
import { analyzeSheet, getProfile, sheetReport } from "../../src/engine";
import { serveStatic } from "../../scripts/staticServer";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";

const DIST = path.resolve(__dirname, "../../dist");
const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOT = "/tmp/ziping-taskpane-filemode.png";

let server: Server;
let base: string;
let context: BrowserContext;
let page: Page;
let tmp: string;
const blocked: string[] = [];

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error(`dist/taskpane.html is missing: run \`npm run build:web\` before this test (npm test does).`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  ({ server, url: base } = await serveStatic(DIST, 0));
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-e2e-"));
  context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 320, height: 900 },
    acceptDownloads: true,
    locale: "zh-CN",
  });
  await context.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    if (host === "localhost" || host === "127.0.0.1") return route.continue();
    blocked.push(route.request().url());
    return route.abort();
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test("file mode: pick seed form 1, 校验并计分, see 总分 96.37 / 优 and the findings, click a finding, download the copy", async () => {
  const { spec } = seedSheet(SEED_FORMS[0], { blank: { grade: true } });
  const wb = new ExcelJS.Workbook();
  addSheetFromSpec(wb, spec);
  const xlsxPath = path.join(tmp, "购买新智能单兵设备.xlsx");
  fs.writeFileSync(xlsxPath, await workbookToBytes(wb));

  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  const started = Date.now();
  await page.goto(`${base}taskpane.html`);
  const input = page.locator('input[type="file"]');
  await input.waitFor({ state: "attached", timeout: 10000 });
  const toFileMode = Date.now() - started;
  expect(toFileMode).toBeLessThan(5000);
  expect(blocked.some((u) => u.startsWith("https://appsforoffice.microsoft.com/"))).toBe(true);
  await page.getByText("未在 Excel 中运行").waitFor();

  await input.setInputFiles(xlsxPath);
  await page.getByText("购买新智能单兵设备.xlsx").waitFor();
  await page.getByRole("button", { name: "校验并计分" }).click();
  await page.getByTestId("total").waitFor({ timeout: 20000 });
  expect(await page.getByTestId("total").textContent()).toBe("96.37");
  expect(await page.getByTestId("grade").textContent()).toBe("优");
  expect(await page.getByTestId("rate").textContent()).toBe("93.77%");
  expect(await page.getByTestId("rate-calc").textContent()).toBe("91.60 ÷ 97.68 × 100 = 93.77");
  expect(await page.getByTestId("budget-calc").textContent()).toBe("10.00 × min(91.60 ÷ 97.68, 1) = 9.37");

  const expected = sheetReport(analyzeSheet(
    (await readWorkbook(await workbookToBytes(wb)).then((r) => (r.ok ? r.grids[0] : null)))!,
    getProfile("putuo-2023")!,
  ));
  const codes = await page.locator("[data-code]").evaluateAll((els) => els.map((e) => e.getAttribute("data-code")));
  expect(codes.sort()).toEqual(expected.findings.map((f) => f.code).sort());
  const finding = page.locator('[data-code="SCORE_RULE_MISMATCH"]').first();
  expect(await finding.textContent()).toContain("SCORE_RULE_MISMATCH");
  const message = expected.findings.find((f) => f.code === "SCORE_RULE_MISMATCH")!.message;
  expect(await finding.textContent()).toContain(message);
  await page.getByText(/已生成已计分副本/).waitFor();

  const cell = finding.getByRole("button").first();
  const a1 = (await cell.textContent())!.trim();
  await cell.click();
  expect(await finding.getAttribute("aria-current")).toBe("true");
  await page.getByRole("status").filter({ hasText: `单元格 ${spec.name}!${a1}` }).waitFor();

  await page.screenshot({ path: SCREENSHOT, fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载已计分副本" }).click()]);
  expect(download.suggestedFilename()).toBe("购买新智能单兵设备（已计分）.xlsx");
  const saved = path.join(tmp, "scored.xlsx");
  await download.saveAs(saved);
  const scored = await readWorkbook(fs.readFileSync(saved));
  if (!scored.ok) throw new Error(scored.message);
  const after = sheetReport(analyzeSheet(scored.grids[0], getProfile("putuo-2023")!));
  expect(after.form?.grade.declared).toBe("优");

  // 生成下年度模板 from the chosen file: a download that reads as next year's form
  const [next] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "生成下年度模板" }).click()]);
  expect(next.suggestedFilename()).toMatch(/（2024 年度模板）\.xlsx$/);
  const nextPath = path.join(tmp, "next.xlsx");
  await next.saveAs(nextPath);
  const nextBook = await readWorkbook(fs.readFileSync(nextPath));
  if (!nextBook.ok) throw new Error(nextBook.message);
  const nextReport = sheetReport(analyzeSheet(nextBook.grids[0], getProfile("putuo-2023")!));
  expect(nextReport.form?.year).toBe(2024);
  expect(nextReport.form?.indicators.map((i) => i.name)).toEqual(expected.form?.indicators.map((i) => i.name));
  expect(errors).toEqual([]);
});
