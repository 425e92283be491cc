#!/usr/bin/env node
/**
 * `npm start`.
 * - Windows / macOS: sideload the add-in into Excel desktop with office-addin-debugging, which starts the https
 *   dev server (webpack serve, office-addin-dev-certs certificate) on https://localhost:3000.
 * - Linux (no Excel desktop), or `npm start -- --file-mode`: build dist/ if needed and serve the task pane in
 *   file mode on http://localhost:3000 (PORT overrides), then print the address. Open it in a browser, choose
 *   an .xlsx, press 校验并计分, download the scored copy.
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
const PORT = Number(process.env.PORT || 3000);
const args = process.argv.slice(2);
const fileMode = args.includes("--file-mode") || process.platform === "linux";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

async function serveFileMode() {
  if (!fs.existsSync(path.join(DIST, "taskpane.html")) || args.includes("--build")) {
    console.log("正在构建面板（npm run build:web）…");
    const built = spawnSync(npx, ["webpack", "--mode", "production"], { cwd: ROOT, stdio: "inherit" });
    if (built.status !== 0) process.exit(built.status || 1);
  }
  const { url } = await serveStatic(DIST, PORT, "127.0.0.1");
  console.log("");
  console.log("自评表助手（文件模式）已启动：");
  console.log(`  ${url}taskpane.html`);
  console.log("");
  console.log("在浏览器中打开上面的地址，选择 .xlsx 自评表，点击“校验并计分”，再下载已计分副本。");
  if (process.platform === "linux") console.log("（Linux 上没有 Excel 桌面版；在 Excel 网页版中使用请参阅 README“上传我的加载项”。）");
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
