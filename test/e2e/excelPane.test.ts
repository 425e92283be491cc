/**
 * The BUILT pane in Excel mode, in Chromium: office.js is answered with the fake Excel (harness/fakeOffice.ts, built
 * here by webpack), so the pane's real Excel host reads and writes a workbook as Excel would. 校验并计分 lists what is
 * to be written, 写入计算结果 writes it (and keeps the 评分方案 with the workbook), 撤销上次写入 puts the values back;
 * axe-core finds nothing in these states. The screenshots are the user guide's (see guide.test.ts).
 */
import fs from "fs";
import path from "path";
import webpack from "webpack";
import type { Page } from "playwright-core";
import { horizontalOverflow, PaneBrowser, seriousA11yViolations, startPaneBrowser } from "./browser";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "../..");
// outside the sources (eslint lints test/): a build of the test harness, made anew each run
const OUT = path.join(ROOT, "node_modules/.cache/ziping-harness");
const GUIDE_OUT = path.resolve(__dirname, "../.out/guide");
const DOCS = path.join(ROOT, "docs/guide");

let b: PaneBrowser;
let fakeOffice: string;

function build(): Promise<void> {
  const compiler = webpack({
    mode: "development",
    devtool: false,
    entry: path.join(__dirname, "harness/fakeOffice.ts"),
    output: { path: OUT, filename: "fake-office.js" },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: { rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { configFile: path.join(ROOT, "tsconfig.json"), transpileOnly: true, compilerOptions: { module: "esnext", noEmit: false } } } }] },
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      compiler.close(() => undefined);
      if (err || stats?.hasErrors()) reject(err ?? new Error(stats!.toString("errors-only")));
      else resolve();
    }),
  );
}

async function shot(page: Page, name: string, target: ReturnType<Page["locator"]>): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  fs.mkdirSync(GUIDE_OUT, { recursive: true });
  await page.screenshot({ path: path.join(GUIDE_OUT, name) });
  if (process.env.ZIPING_UPDATE_GUIDE === "1") fs.copyFileSync(path.join(GUIDE_OUT, name), path.join(DOCS, name));
}

beforeAll(async () => {
  await build();
  fakeOffice = fs.readFileSync(path.join(OUT, "fake-office.js"), "utf8");
  b = await startPaneBrowser();
});

afterAll(async () => {
  await b?.close();
});

it("Excel mode: 校验并计分 lists what is to be written; 写入计算结果 writes it and keeps the 评分方案; 撤销上次写入 puts it back", async () => {
  const { page, context, errors } = await b.open(320, { remembered: "mof-2020" });
  // office.js from the CDN answered with the fake Excel (the page's other requests are the built pane's)
  await context.route("https://appsforoffice.microsoft.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: fakeOffice }));
  await page.reload();
  await page.getByText("校验当前工作表中的项目支出绩效自评表").waitFor({ timeout: 15000 });
  await page.getByText("上次选择的方案").waitFor({ timeout: 10000 });
  await page.getByRole("button", { name: "校验并计分" }).click();
  await page.getByTestId("summary").waitFor({ timeout: 20000 });
  const pending = page.getByTestId("written");
  expect(await pending.locator("h2").textContent()).toMatch(/^待写入 \d+ 个单元格$/);
  expect((await pending.innerText()).replace(/\s+/g, " ")).toContain("总分 94.00 → 96.38");
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole("button", { name: "写入计算结果" }).click();
  await page.getByTestId("written").locator("h2").filter({ hasText: /^已写入 \d+ 个单元格$/ }).waitFor({ timeout: 20000 });
  expect(await page.getByTestId("notice").innerText()).toContain("评分方案“财预〔2020〕10号（四舍五入）”已保存在工作簿中");
  await page.getByText("本工作簿保存的方案").waitFor({ timeout: 10000 });
  // the summary no longer calls the old 94.00 what the sheet holds
  expect(await page.getByTestId("summary").innerText()).toContain("原填 94.00，已写入计算结果");
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await shot(page, "10-excel-written.png", page.getByTestId("written"));

  await page.getByRole("button", { name: "撤销上次写入" }).click();
  await page.getByTestId("stale").waitFor({ timeout: 20000 });
  expect(await page.getByTestId("notice").innerText()).toMatch(/已恢复 \d+ 个单元格/);
  expect(await page.getByRole("button", { name: "写入计算结果" }).isDisabled()).toBe(true);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await shot(page, "11-excel-undone.png", page.getByTestId("notice"));
  expect(errors).toEqual([]);
  await page.context().close();
});
