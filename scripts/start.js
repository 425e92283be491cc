#!/usr/bin/env node
/**
 * `npm start`.
 * - Windows / macOS: sideload the add-in into Excel desktop with office-addin-debugging, which starts the https
 *   dev server (webpack serve, office-addin-dev-certs certificate) on https://localhost:3000.
 * - Linux (no Excel desktop), or `npm start -- --file-mode`: serve the task pane in file mode on
 *   http://localhost:3000 (PORT overrides) and print the address — dist/ when a production build is there (`npm run
 *   build`), else a development build made for the purpose in node_modules/.cache/ziping-start (no minifying, no
 *   source maps: about half the time of a production build, so a fresh clone shows the pane well under a minute; kept
 *   out of dist/ so that `npm run bench` never measures it). Open the address in a browser, choose an .xlsx (or 示例),
 *   press 校验并计分, download the scored copy.
 * Excel on the web: Home → Add-ins → More Settings → Upload My Add-in → manifest.xml, with the https dev server
 * running (`npx webpack serve --mode development`).
 */
"use strict";
const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { serveStatic } = require("./staticServer");

const ROOT = path.resolve(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const QUICK = path.join(ROOT, "node_modules", ".cache", "ziping-start");
const PORT = Number(process.env.PORT || 3000);
const args = process.argv.slice(2);
const fileMode = args.includes("--file-mode") || process.platform === "linux";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

async function serveFileMode() {
  const started = Date.now();
  let root = DIST;
  if (!fs.existsSync(path.join(DIST, "taskpane.html")) || args.includes("--build")) {
    root = QUICK;
    console.log("正在构建面板（开发版，约半分钟；正式发布用 npm run release）…");
    const built = spawnSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "development", "--no-devtool", "--output-path", QUICK], { cwd: ROOT, stdio: "inherit" });
    if (built.status !== 0) process.exit(built.status || 1);
  }
  const { url } = await serveStatic(root, PORT, "127.0.0.1");
  console.log("");
  console.log(`自评表助手（文件模式）已启动（${((Date.now() - started) / 1000).toFixed(1)} 秒）：`);
  console.log(`  ${url}taskpane.html`);
  console.log("");
  console.log("在浏览器中打开上面的地址，选择 .xlsx 自评表（或点“示例”），点击“校验并计分”，再下载已计分副本。");
  if (process.platform === "linux") console.log("（Linux 上没有 Excel 桌面版；发布给 Excel 使用请参阅 docs/部署说明.md。）");
  console.log("按 Ctrl+C 停止。");
}

function sideload() {
  const child = spawn(
    npx,
    ["office-addin-debugging", "start", "manifest.xml", "desktop", "--dev-server", "npx webpack serve --mode development", "--dev-server-port", String(PORT)],
    { cwd: ROOT, stdio: "inherit" },
  );
  child.on("exit", (code) => process.exit(code ?? 0));
}

if (fileMode) {
  serveFileMode().catch((e) => {
    console.error(e.code === "EADDRINUSE" ? `端口 ${PORT} 已被占用：请设置 PORT 环境变量换一个端口。` : e);
    process.exit(1);
  });
} else {
  sideload();
}
