/**
 * The release an IT person publishes (issue 21 item 1): `npm run release -- --url https://example.test/ziping/` on the
 * built pane gives a folder and a zip whose manifest validates against the Office schemas and the offline rules and
 * names only that URL; the folder, served by the project's static server under /ziping/ and reached in Chromium at
 * https://example.test/ziping/ (every request answered from that server, nothing else reachable), runs a check.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import type { Server } from "http";
import { JSDOM } from "jsdom";
import os from "os";
import path from "path";
import { chromium } from "playwright-core";
import { unzipSync } from "fflate";
import { serveStatic } from "../../scripts/staticServer";
import { manifestProblems } from "../addin/manifestRules";
import { DIST, seriousA11yViolations } from "./browser";

jest.setTimeout(180_000);

const ROOT = path.resolve(__dirname, "../..");
const URL_BASE = "https://example.test/ziping/";
let tmp: string;
let folder: string;
let manifest: string;

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build:web` before this test (npm test does)");
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ziping-release-"));
  const out = execFileSync(process.execPath, [path.join(ROOT, "scripts/release.js"), "--url", "https://example.test/ziping", "--no-build", "--out", tmp], { encoding: "utf8" });
  expect(out).toContain(`manifest.xml names only ${URL_BASE}`);
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  folder = path.join(tmp, `ziping-${version}`);
  manifest = fs.readFileSync(path.join(folder, "manifest.xml"), "utf8");
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("npm run release -- --url https://example.test/ziping/", () => {
  it("gives a manifest whose every address is that URL, valid against the Office schemas and the offline rules", () => {
    const urls = [...manifest.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith(URL_BASE)).toBe(true);
    expect([...manifest.matchAll(/<AppDomain>([^<]+)<\/AppDomain>/g)].map((m) => m[1])).toEqual(["https://example.test"]);
    expect(manifest).not.toContain("localhost");
    const xsd = execFileSync(process.execPath, [path.join(ROOT, "test/addin/validateManifest.mjs"), path.join(ROOT, "test/manifest-xsd/OfficeAppManifestV1_1.xsd"), path.join(folder, "manifest.xml")], { encoding: "utf8" });
    expect(JSON.parse(xsd)).toEqual({ valid: true });
    // the icons it names are in the release, at the paths of the URL (the folder stands for /ziping/)
    const site = path.join(tmp, "site");
    fs.mkdirSync(site);
    fs.symlinkSync(folder, path.join(site, "ziping"));
    expect(manifestProblems(manifest, site, new new JSDOM().window.DOMParser())).toEqual([]);
  });

  it("refuses an address that is not https", () => {
    let err = "";
    try {
      execFileSync(process.execPath, [path.join(ROOT, "scripts/release.js"), "--url", "http://example.test/ziping/", "--no-build", "--out", tmp], { stdio: "pipe" });
    } catch (e) {
      err = String((e as { stderr: Buffer }).stderr);
    }
    expect(err).toMatch(/must be https/);
  });

  it("zips the same folder, with the deployment guide, the server configurations and no command-line build", () => {
    const zip = unzipSync(fs.readFileSync(`${folder}.zip`));
    const names = Object.keys(zip).map((n) => n.replace(/^ziping-[^/]+\//, ""));
    for (const f of ["manifest.xml", "taskpane.html", "commands.html", "help.html", "deploy.html", "部署说明.md", "web.config", "nginx-ziping.conf", "samples/seed-forms-2023.xlsx", "assets/icon-32.png"]) expect(names).toContain(f);
    expect(names.some((n) => n.startsWith("node/"))).toBe(false);
    expect(new TextDecoder().decode(zip[Object.keys(zip).find((n) => n.endsWith("/manifest.xml"))!])).toBe(manifest);
  });

  it("served at https://example.test/ziping/ (by the project's static server), every address of the manifest answers and a check runs", async () => {
    const site = path.join(tmp, "served");
    fs.mkdirSync(site);
    fs.cpSync(folder, path.join(site, "ziping"), { recursive: true });
    const { server, url: local } = (await serveStatic(site, 0)) as { server: Server; url: string };
    const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"] });
    try {
      const context = await browser.newContext({ viewport: { width: 320, height: 900 }, locale: "zh-CN", bypassCSP: true });
      const answered: string[] = [];
      // the release's host answered by the static server; everything else (office.js included) unreachable
      await context.route("**/*", async (route) => {
        const u = new URL(route.request().url());
        if (u.origin !== "https://example.test") return route.abort();
        answered.push(u.pathname);
        const response = await route.fetch({ url: `${local}${u.pathname.slice(1)}${u.search}` });
        return route.fulfill({ response });
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(`${URL_BASE}taskpane.html`);
      const addresses = [...new Set([...manifest.matchAll(/DefaultValue="(https:[^"]+)"/g)].map((m) => m[1]))];
      const statuses = await page.evaluate(async (list) => Promise.all(list.map(async (u) => {
            const r = await fetch(u);
            return [u, r.status, r.headers.get("content-type")] as const;
          })), addresses);
      for (const [u, status, type] of statuses) {
        expect([u, status]).toEqual([u, 200]);
        expect(type).toMatch(u.endsWith(".png") ? /^image\/png/ : /^text\/html/);
      }
      // a first visit asks for the 评分方案; then 示例 checks the bundled sample
      await page.getByTestId("profile-ask").getByRole("button", { name: "使用此评分方案" }).click();
      await page.getByRole("button", { name: "示例" }).click();
      await page.getByTestId("total").waitFor({ timeout: 30000 });
      // the workbook view is drawn a moment after the 总分 (App.tsx: from a deferred state)
      await page.getByTestId("workbook").waitFor({ timeout: 10000 });
      expect(await page.getByTestId("workbook").getByTestId("workbook-row").count()).toBe(11);
      expect(answered).toContain("/ziping/samples/seed-forms-2023.xlsx");
      expect(answered.some((p) => /^\/ziping\/check-worker\.[0-9a-f]+\.chunk\.js$/.test(p))).toBe(true);
      expect(await seriousA11yViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    } finally {
      await browser.close();
      await new Promise((r) => server.close(r));
    }
  });
});
