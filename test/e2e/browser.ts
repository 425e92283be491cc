/**
 * The end-to-end tests' browser: the BUILT pane (dist/, from `npm run build:web`) served on localhost, in headless
 * Debian Chromium driven by playwright-core. office.js and every other non-localhost request are blocked (aborted,
 * or left hanging like a firewall that drops packets), as on an offline machine or an intranet that blocks
 * Microsoft's CDN. Screenshots go to test/.out/screenshots/ (git-ignored; CI keeps them as artifacts).
 */
import ExcelJS from "exceljs";
import fs from "fs";
import type { Server } from "http";
import os from "os";
import path from "path";
import { Browser, BrowserContext, chromium, Page } from "playwright-core";
import { serveStatic } from "../../scripts/staticServer";
import { addSheetFromSpec, workbookToBytes } from "../fixtures/writeWorkbook";
import { SheetSpec } from "../../src/engine/sheet/sheetSpec";

/** The build under test; ZIPING_E2E_DIST points the tests at another build (e.g. an older commit, to see them fail). */
export const DIST = process.env.ZIPING_E2E_DIST ?? path.resolve(__dirname, "../../dist");
export const SCREENSHOTS = path.resolve(__dirname, "../.out/screenshots");
const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export interface PaneBrowser {
  readonly base: string;
  readonly tmp: string;
  /** Requests to anything but localhost, as they were blocked. */
  readonly blocked: string[];
  /**
   * A fresh context and page at this width; office.js aborted ("abort") or never answered ("hang"). The browser
   * remembers the 评分方案 `remembered` (putuo-2023 unless said; null: first use, the pane asks).
   */
  open(width: number, options?: { office?: "abort" | "hang"; query?: string; remembered?: string | null }): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  close(): Promise<void>;
}

export async function startPaneBrowser(): Promise<PaneBrowser> {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error(`dist/taskpane.html is missing: run \`npm run build:web\` before this test (npm test does).`);
  }
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const { server, url: base } = (await serveStatic(DIST, 0)) as { server: Server; url: string };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-e2e-"));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  const blocked: string[] = [];
  const contexts: BrowserContext[] = [];
  return {
    base,
    tmp,
    blocked,
    async open(width, options = {}) {
      // bypassCSP: axe-core is injected as a script the page's own policy would not allow
      const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true, locale: "zh-CN", bypassCSP: true });
      contexts.push(context);
      await context.route("**/*", (route) => {
        const url = route.request().url();
        const host = new URL(url).hostname;
        if (host === "localhost" || host === "127.0.0.1") return route.continue();
        blocked.push(url);
        if (options.office === "hang") return; // never answered, like a firewall that drops the packets
        return route.abort();
      });
      const remembered = options.remembered === undefined ? "putuo-2023" : options.remembered;
      if (remembered) await context.addInitScript((id) => localStorage.getItem("ziping.profile") ?? localStorage.setItem("ziping.profile", id), remembered);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${base}taskpane.html${options.query ?? ""}`, { waitUntil: "commit" });
      return { context, page, errors };
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export async function xlsxFile(dir: string, name: string, specs: readonly SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of specs) addSheetFromSpec(wb, s);
  const file = path.join(dir, name);
  fs.writeFileSync(file, await workbookToBytes(wb));
  return file;
}

/** Choose a file through the pane's own button (a real file chooser) and wait until the pane names it. */
export async function chooseFile(page: Page, file: string): Promise<void> {
  await page.locator('input[type="file"]').waitFor({ state: "attached", timeout: 10000 });
  await page.locator('input[type="file"]').setInputFiles(file);
  await page.getByTestId("file-name").filter({ hasText: path.basename(file) }).waitFor();
}

/** No horizontal scrolling: the page is not wider than the viewport. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** axe-core (npm) injected into the page; the violations of impact serious or critical. */
export async function seriousA11yViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
