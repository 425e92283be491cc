/**
 * Builds the add-in's web pages into dist/: taskpane.html (React pane), commands.html (ribbon FunctionFile),
 * result.html (the commands' result dialog), plus manifest.xml and the icons, and the ES5 start-up check for old
 * webviews (supportCheck.js, loaded by taskpane.html and commands.html before their bundles) with its page; the user
 * guide as help.html with its screenshots (scripts/helpPage.js, from docs/使用说明.md) and the sample form the pane's
 * 示例 opens (samples/), so both work offline from the pane's own site. File mode's
 * reader and writers are reached through dynamic imports, so they land in their own chunks and the pane's first load
 * stays small.
 * `webpack serve` (used by `npm start` on Windows/Mac through office-addin-debugging) serves https://localhost:3000
 * with the office-addin-dev-certs certificate.
 */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { NormalModuleReplacementPlugin, Compilation, sources } = require("webpack");
const { helpFiles } = require("./scripts/helpPage");

/** help.html and guide/*.png, made from docs/ at every build (and watched, so `webpack serve` shows edits). */
class HelpPagePlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("HelpPagePlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "HelpPagePlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [name, content] of helpFiles()) compilation.emitAsset(name, new sources.RawSource(content));
        compilation.fileDependencies.add(path.resolve(__dirname, "docs/使用说明.md"));
        compilation.contextDependencies.add(path.resolve(__dirname, "docs/guide"));
      });
    });
  }
}

const PORT = Number(process.env.PORT || 3000);
/** The zip codec's Node build, without extension: the bundle takes the module beside it, codec.browser.ts. */
const ZIP_CODEC = path.resolve(__dirname, "src/adapters/xlsx/zip/codec");

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const config = {
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      result: "./src/commands/result.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].chunk.js",
      // dist/node is the CLI build (tsc -p tsconfig.build.json, run first by `npm run build`): keep it
      clean: { keep: /^node([\\/]|$)/ },
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(__dirname, "tsconfig.json"),
              transpileOnly: true,
              compilerOptions: { module: "esnext", moduleResolution: "node", noEmit: false, sourceMap: !production },
            },
          },
        },
      ],
    },
    performance: { hints: false },
    plugins: [
      // the .xlsx zip codec, whoever imports it: Node's zlib in the CLI (codec.ts), fflate in the browser (codec.browser.ts)
      new NormalModuleReplacementPlugin(/(^|[\\/])codec$/, (resource) => {
        if (path.resolve(resource.context, resource.request) === ZIP_CODEC) resource.request = `${ZIP_CODEC}.browser`;
      }),
      new HtmlWebpackPlugin({ filename: "taskpane.html", template: "./src/taskpane/taskpane.html", chunks: ["taskpane"] }),
      // blocking, not deferred: the ribbon's handlers must be associated before Office looks for them (office-js#2744)
      new HtmlWebpackPlugin({ filename: "commands.html", template: "./src/commands/commands.html", chunks: ["commands"], scriptLoading: "blocking" }),
      new HtmlWebpackPlugin({ filename: "result.html", template: "./src/commands/result.html", chunks: ["result"] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "manifest.xml", to: "manifest.xml" },
          // ES5, copied as it is (never compiled): it must run where the bundles cannot parse (old webviews)
          { from: "src/bootstrap/supportCheck.js", to: "supportCheck.js", info: { minimized: true } },
          { from: "src/bootstrap/unsupported.html", to: "unsupported.html" },
          // the sample the pane's 示例 opens (fileHost.ts SAMPLE_URL)
          { from: "samples/seed-forms-2023.xlsx", to: "samples/seed-forms-2023.xlsx" },
        ],
      }),
      new HelpPagePlugin(),
    ],
  };
  if (env.WEBPACK_SERVE) {
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: PORT,
      hot: false,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
    };
  }
  return config;
};
