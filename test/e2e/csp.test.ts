/**
 * The built pane carries a Content-Security-Policy that lets only its own scripts and Office.js run, and the pane
 * works under it: 校验并计分 in file mode (exceljs, fflate, saxes in the lazily loaded chunk) raises no violation.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { chromium } from "playwright-core";
import { serveStatic } from "../../scripts/staticServer";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { workbookBytes } from "../fixtures/seedWorkbooks";

const DIST = path.resolve(__dirname, "../../dist");

it("taskpane.html has the CSP meta tag: scripts from itself and appsforoffice.microsoft.com only, no connections elsewhere", () => {
  const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
  const csp = /<meta http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html.replace(/\s+/g, " "))?.[1] ?? "";
  const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives["default-src"]).toEqual(["'self'"]);
  expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  expect(directives["connect-src"]).toEqual(["'self'"]);
  expect(directives["object-src"]).toEqual(["'none'"]);
  // the file-mode check runs in a Web Worker of this site
  expect(directives["worker-src"]).toEqual(["'self'"]);
});

it("校验并计分 in file mode runs under the CSP without a single violation, in the pane's check worker; so does 下载", async () => {
  const { server, url } = await serveStatic(DIST, 0);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-csp-"));
  const context = await chromium.launchPersistentContext(path.join(tmp, "profile"), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    await context.route("**/*", (route) => (["localhost", "127.0.0.1"].includes(new URL(route.request().url()).hostname) ? route.continue() : route.abort()));
    const page = context.pages()[0] ?? (await context.newPage());
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    // the 评分方案 chosen on an earlier visit (a first visit asks first)
    await page.addInitScript(() => localStorage.getItem("ziping.profile") ?? localStorage.setItem("ziping.profile", "putuo-2023"));
    await page.addInitScript(() => {
      (window as unknown as { cspViolations: string[] }).cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    const file = path.join(tmp, "表.xlsx");
    fs.writeFileSync(file, await workbookBytes([seedSheet(SEED_FORMS[0]).spec]));
    await page.goto(`${url}taskpane.html`);
    const input = page.locator('input[type="file"]');
    await input.waitFor({ state: "attached", timeout: 10000 });
    await input.setInputFiles(file);
    await page.getByRole("button", { name: "校验并计分" }).click();
    await page.getByTestId("total").waitFor({ timeout: 20000 });
    expect(await page.getByTestId("total").textContent()).toBe("96.37");
    // the check ran in the worker (worker-src 'self'), not on the page
    expect(workers.map((u) => path.basename(u))).toEqual([expect.stringMatching(/^check-worker\.[0-9a-f]+\.chunk\.js$/)]);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载已计分副本" }).click()]);
    expect(download.suggestedFilename()).toBe("表（已计分）.xlsx");
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
  } finally {
    await context.close();
    await new Promise((r) => server.close(r));
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
