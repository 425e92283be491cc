/**
 * Start the pane's check worker. webpack sees `new Worker(new URL(…, import.meta.url))` and bundles checkWorker.ts
 * (with the .xlsx reader and the engine) as a worker script of this site, which the page's CSP allows
 * (worker-src 'self'). Only the page's entry (index.tsx) imports this module: jest never runs it (import.meta is ES
 * module syntax, and tests give the file host no worker).
 */
export function spawnCheckWorker(): Worker {
  // @ts-expect-error import.meta: the bundle is an ES module (webpack, module esnext); the typecheck settings are CommonJS
  return new Worker(/* webpackChunkName: "check-worker" */ new URL("./checkWorker.ts", import.meta.url), { name: "ziping-check" });
}
