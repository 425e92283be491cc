/* global window, document, Office */
/* eslint-disable @typescript-eslint/no-unused-vars -- ES5 has no catch without a binding */
/*
 * 自评表助手 — start-up check for old webviews. ES5 ONLY: this file runs before the add-in's bundles in
 * taskpane.html and commands.html and must parse where they cannot (test/addin/oldWebview.test.ts parses it with
 * acorn, ecmaVersion 5). It is copied to dist/ as it is, never compiled.
 *
 * Volume-licensed Office up to 2019, and Office without WebView2, host add-ins in Internet Explorer 11 ("Trident")
 * or Edge Legacy ("EdgeHTML") (learn.microsoft.com/office/dev/add-ins/develop/support-ie-11). The add-in's bundles
 * are ES2020 and React 18 / Fluent UI v9 do not run there: the pane would stay on “正在加载…” and the ribbon
 * buttons would do nothing. Here the pane shows why instead, and the ribbon buttons open a page that says so.
 */
(function () {
  "use strict";

  var TITLE = "此版本的 Excel 无法运行自评表助手";
  var LINES = [
    "您的 Excel 使用的是旧的网页组件（Internet Explorer 或旧版 Edge），自评表助手无法在其中运行。",
    "请使用 Microsoft 365、Excel 2021 或更新版本，或网页版 Excel（Edge、Chrome 浏览器）。",
    "也可以不用 Excel：在浏览器中打开面板页面选择 .xlsx 文件，或使用命令行 ziping 检查 .xlsx 文件。"
  ];

  /** The ES2015 library the bundles use, and ES2020's (which came with ?. and ?? in every engine). */
  function modernLibrary() {
    return (
      typeof Promise === "function" &&
      typeof Map === "function" &&
      typeof Symbol === "function" &&
      typeof globalThis !== "undefined" &&
      typeof Promise.allSettled === "function"
    );
  }

  /**
   * The bundles need ES2020 syntax (?. and ??) and the ES2015 library (Promise, Map, Symbol). The syntax cannot be
   * tried here: the pane's Content-Security-Policy forbids the Function constructor (and trying counts as a
   * violation), so ES2020's own library stands in for it. Trident (IE 11) and EdgeHTML have neither globalThis nor
   * Promise.allSettled; WebView2 and the Safari of every macOS that Office for Mac supports have both, and ?. too.
   */
  function modernEnough() {
    return modernLibrary();
  }

  if (modernEnough()) return;
  window.__zipingUnsupported = true;

  function showInPane() {
    var container = document.getElementById("container");
    if (!container) return;
    while (container.firstChild) container.removeChild(container.firstChild);
    var box = document.createElement("div");
    box.setAttribute("role", "alert");
    box.style.padding = "12px";
    var h = document.createElement("h1");
    h.style.fontSize = "16px";
    h.appendChild(document.createTextNode(TITLE));
    box.appendChild(h);
    for (var i = 0; i < LINES.length; i++) {
      var p = document.createElement("p");
      p.appendChild(document.createTextNode(LINES[i]));
      box.appendChild(p);
    }
    container.appendChild(box);
  }

  /** A ribbon button: open the static page that says the same, then let Office run the next click. */
  function answerCommand(event) {
    var done = function () {
      try {
        if (event && typeof event.completed === "function") event.completed();
      } catch (e) {
        // nothing more can be done for this click
      }
    };
    try {
      var url = String(window.location.href).replace(/[^/?#]*([?#].*)?$/, "unsupported.html");
      Office.context.ui.displayDialogAsync(url, { height: 40, width: 40 }, done);
    } catch (e) {
      done();
    }
  }

  function registerCommands() {
    // by name, as the manifest's <FunctionName> says, in both the current and the legacy way
    var names = ["validateAndScore", "newTemplate"];
    for (var i = 0; i < names.length; i++) {
      window[names[i]] = answerCommand;
      if (Office.actions && typeof Office.actions.associate === "function") Office.actions.associate(names[i], answerCommand);
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", showInPane);
  else showInPane();

  if (typeof Office !== "undefined" && /commands\.html/i.test(String(window.location.pathname))) {
    if (typeof Office.onReady === "function") Office.onReady(registerCommands);
    else Office.initialize = registerCommands;
  }
})();
