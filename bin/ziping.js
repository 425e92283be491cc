#!/usr/bin/env node
// Entry of the `ziping` command; the code is compiled to dist/node by `npm run build`.
const { main } = require("../dist/node/cli/ziping.js");

// `ziping check … | head`: the reader went away; stop quietly instead of a stack trace
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e && e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

// a pipe's writes wait for the reader, as a file's do: Node queues what a full pipe cannot take yet, and a report of
// thousands of forms (tens of MB of JSON) would sit in memory (measured: 204 MB to a file, 350 MB through `| cat`)
for (const stream of [process.stdout, process.stderr]) {
  if (stream._handle && typeof stream._handle.setBlocking === "function") stream._handle.setBlocking(true);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`内部错误：${e && e.stack ? e.stack : e}\n`); process.exitCode = 3; },
);
