/**
 * The user guide as a page of the pane's own site: docs/使用说明.md → help.html (and docs/部署说明.md →
 * deploy.html in a release), with its screenshots beside it (guide/*.png), no script, a policy that allows none, so
 * the pane's 帮助 opens it offline, in the task pane's browser or any other. markdown-it renders the Markdown.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const MarkdownIt = require("markdown-it");

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

const STYLE = `
  body { margin: 0; font-family: "Segoe UI", "Microsoft YaHei", "PingFang SC", sans-serif; line-height: 1.6; color: #242424; }
  main { box-sizing: border-box; max-width: 860px; margin: 0 auto; padding: 12px 16px 48px; }
  h1 { font-size: 1.5em; } h2 { font-size: 1.25em; margin-top: 1.6em; border-bottom: 1px solid #e0e0e0; } h3 { font-size: 1.05em; }
  img { max-width: 100%; height: auto; border: 1px solid #d1d1d1; border-radius: 4px; }
  code, pre { font-family: Consolas, "Courier New", monospace; background: #f5f5f5; }
  pre { padding: 8px; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
  table { border-collapse: collapse; display: block; overflow-x: auto; } th, td { border: 1px solid #d1d1d1; padding: 4px 6px; vertical-align: top; }
  a { color: #115ea3; }
`;

/** A whole HTML page of a Markdown text: its first heading is the title. */
function renderPage(markdown) {
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? "自评表助手";
  // links between the guides point at their pages, not at the Markdown files
  const text = markdown.replace(/\]\((?:\.\/)?使用说明\.md(#[^)]*)?\)/g, "](help.html$1)").replace(/\]\((?:\.\/)?部署说明\.md(#[^)]*)?\)/g, "](deploy.html$1)");
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="UTF-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'" />
<title>${md.utils.escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${md.render(text)}</main>
</body>
</html>
`;
}

const DOCS = path.resolve(__dirname, "..", "docs");

/** The pages and images the site carries: [name in the site, bytes or text]. */
function helpFiles() {
  const files = [["help.html", renderPage(fs.readFileSync(path.join(DOCS, "使用说明.md"), "utf8"))]];
  const images = path.join(DOCS, "guide");
  if (fs.existsSync(images)) for (const name of fs.readdirSync(images).filter((n) => n.endsWith(".png")).sort()) files.push([`guide/${name}`, fs.readFileSync(path.join(images, name))]);
  return files;
}

module.exports = { renderPage, helpFiles };
