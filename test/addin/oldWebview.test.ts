/**
 * Old webviews (Internet Explorer 11 "Trident", Edge Legacy "EdgeHTML"; learn.microsoft.com/office/dev/add-ins/
 * develop/support-ie-11): the ES5 start-up check src/bootstrap/supportCheck.js must parse as ES5, show a Chinese
 * message in the pane instead of "正在加载…", and answer the ribbon buttons instead of doing nothing.
 */
import { parse } from "acorn";
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import type { Server } from "node:http";
import { chromium } from "playwright-core";
import { serveStatic } from "../../scripts/staticServer";

const ROOT = path.resolve(__dirname, "../..");
const SOURCE = path.join(ROOT, "src/bootstrap/supportCheck.js");
const DIST = path.join(ROOT, "dist");
const script = fs.readFileSync(SOURCE, "utf8");

/** A tiny DOM: enough for the script (getElementById, createElement, text nodes). */
function fakeDocument() {
  type Node = { tag: string; text?: string; children: Node[]; attrs: Record<string, string>; style: Record<string, string> };
  type Element = Node & { appendChild(c: Node): void; removeChild(c: Node): void; setAttribute(k: string, v: string): void };
  const make = (tag: string): Element => {
    const n = { tag, children: [], attrs: {}, style: {} } as unknown as Element;
    n.appendChild = (c: Node) => n.children.push(c);
    n.removeChild = (c: Node) => n.children.splice(n.children.indexOf(c), 1);
    n.setAttribute = (k: string, v: string) => (n.attrs[k] = v);
    Object.defineProperty(n, "firstChild", { get: () => n.children[0] ?? null });
    return n;
  };
  const container = make("div");
  container.appendChild(make("span"));
  const text = (n: Node): string => (n.text ?? "") + n.children.map(text).join("");
  return {
    container,
    text: () => text(container),
    document: {
      readyState: "complete",
      getElementById: (id: string) => (id === "container" ? container : null),
      createElement: make,
      createTextNode: (t: string) => ({ tag: "#text", text: t, children: [], attrs: {}, style: {} }),
      addEventListener: () => undefined,
    },
  };
}

/** Run the script in a context whose engine lacks ES2020 (no Promise.allSettled, no globalThis), as Trident and EdgeHTML do. */
function runAsOldWebview(pathname: string, office?: object) {
  const dom = fakeDocument();
  const window: Record<string, unknown> = { location: { href: `https://localhost:3000${pathname}`, pathname } };
  const sandbox: Record<string, unknown> = {
    window,
    document: dom.document,
    Office: office,
    // an ES2015 Promise without ES2020's allSettled
    Promise: Object.assign(function OldPromise() {}, { resolve: Promise.resolve.bind(Promise) }),
  };
  vm.runInNewContext(script, sandbox, { filename: "supportCheck.js" });
  return { window, dom };
}

describe("the ES5 start-up check for old webviews", () => {
  it("parses as ES5 (acorn, ecmaVersion 5), as written and as built", () => {
    expect(() => parse(script, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    expect(() => parse("var f = o?.a;", { ecmaVersion: 5 })).toThrow(); // the check can fail
    // the copy in dist/ is the file itself (copied, never compiled or minified)
    const built = path.join(DIST, "supportCheck.js");
    if (fs.existsSync(built)) {
      expect(fs.readFileSync(built, "utf8")).toBe(script);
      expect(() => parse(fs.readFileSync(built, "utf8"), { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    }
  });

  it("does nothing in a modern engine", () => {
    const dom = fakeDocument();
    const window: Record<string, unknown> = { location: { href: "https://localhost:3000/taskpane.html", pathname: "/taskpane.html" } };
    vm.runInNewContext(script, { window, document: dom.document });
    expect(window.__zipingUnsupported).toBeUndefined();
    expect(dom.container.children).toHaveLength(1);
  });

  it("in an old webview the pane shows why, in Chinese, instead of 正在加载…", () => {
    const { window, dom } = runAsOldWebview("/taskpane.html");
    expect(window.__zipingUnsupported).toBe(true);
    expect(dom.text()).toContain("此版本的 Excel 无法运行自评表助手");
    expect(dom.text()).toContain("Excel 2021");
  });

  it("in an old webview the ribbon buttons open the explanation and complete, instead of doing nothing", () => {
    const handlers: Record<string, (e: { completed: () => void }) => void> = {};
    const opened: string[] = [];
    const office = {
      onReady: (cb: () => void) => cb(),
      actions: { associate: (name: string, fn: (e: { completed: () => void }) => void) => (handlers[name] = fn) },
      context: { ui: { displayDialogAsync: (url: string, _o: unknown, cb: () => void) => (opened.push(url), cb()) } },
    };
    const { window } = runAsOldWebview("/commands.html", office);
    expect(Object.keys(handlers).sort()).toEqual(["newTemplate", "validateAndScore"]);
    expect(typeof window.validateAndScore).toBe("function");
    const event = { completed: jest.fn() };
    handlers.validateAndScore(event);
    expect(opened).toEqual(["https://localhost:3000/unsupported.html"]);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(fs.readFileSync(path.join(ROOT, "src/bootstrap/unsupported.html"), "utf8")).toContain("此版本的 Excel 无法运行自评表助手");
  });

  it("the built pages load it before their bundles", () => {
    if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/ is missing: run `npm run build:web` first (npm test does)");
    for (const page of ["taskpane.html", "commands.html"]) {
      const html = fs.readFileSync(path.join(DIST, page), "utf8");
      const check = html.search(/src="?supportCheck\.js/);
      const bundle = html.search(/src="?(taskpane|commands)\.[0-9a-f]+\.js/);
      expect([page, check > 0, bundle > check]).toEqual([page, true, true]);
    }
    expect(fs.existsSync(path.join(DIST, "unsupported.html"))).toBe(true);
  });

  it("in real headless Chromium, the built pane shows the message when the engine lacks ES2020, and loads normally otherwise", async () => {
    const { server, url } = await serveStatic(DIST, 0);
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    try {
      const context = await browser.newContext();
      await context.route("**/*", (route) => (/^(localhost|127\.0\.0\.1)$/.test(new URL(route.request().url()).hostname) ? route.continue() : route.abort()));
      const old = await context.newPage();
      // an engine without ES2020's library, as Trident / EdgeHTML have none of it
      await old.addInitScript(() => {
        delete (Promise as unknown as { allSettled?: unknown }).allSettled;
      });
      await old.goto(`${url}taskpane.html`);
      await old.getByText("此版本的 Excel 无法运行自评表助手").waitFor({ timeout: 10000 });
      expect(await old.locator("#container").innerText()).not.toContain("正在加载");
      const modern = await context.newPage();
      await modern.goto(`${url}taskpane.html`);
      await modern.getByText("未在 Excel 中运行").waitFor({ timeout: 10000 });
      expect(await modern.locator("#container").innerText()).not.toContain("无法运行自评表助手");
    } finally {
      await browser.close();
      await new Promise((resolve) => (server as Server).close(resolve));
    }
  });
});
