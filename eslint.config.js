// ESLint flat config. The engine stays host-free and exact: no Office/DOM/Node, no float rounding.
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");

module.exports = tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-non-null-assertion": "off",
      // Chinese text uses the ideographic space (U+3000) on purpose
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true }],
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { require: "readonly", module: "writable", process: "readonly", __dirname: "readonly", console: "readonly", exports: "writable", Buffer: "readonly", setTimeout: "readonly", URL: "readonly" } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // the .xlsx adapter is bundled for the browser too (the task pane's file mode): no Node modules; Node I/O is src/cli's
    files: ["src/adapters/xlsx/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["node:*", "fs", "path", "os", "child_process", "crypto", "zlib", "stream", "**/cli/**"] }],
      "no-restricted-globals": ["error", "process", "Buffer", "require"],
    },
  },
  {
    // the one exception: the zip codec's Node build (zlib). webpack.config.js puts codec.browser.ts in its place in
    // the pane's bundle, and a browser build that reached it would fail on node:zlib instead of shipping it
    files: ["src/adapters/xlsx/zip/codec.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: ["fs", "path", "os", "child_process", "crypto", "stream", "**/cli/**"] }] },
  },
  {
    files: ["src/engine/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["exceljs", "react", "react-dom", "node:*", "fs", "path", "**/adapters/**", "**/cli/**", "**/taskpane/**", "**/commands/**"] }],
      "no-restricted-globals": ["error", "Office", "Excel", "window", "document", "parseFloat", "process"],
      "no-restricted-properties": [
        "error",
        { object: "Math", property: "round", message: "round with decimal.js round2()" },
        { object: "Math", property: "trunc", message: "round with decimal.js round2()" },
        { object: "Math", property: "ceil", message: "round with decimal.js round2()" },
        { object: "Number", property: "parseFloat", message: "parse numbers into Decimal" },
      ],
    },
  },
);
