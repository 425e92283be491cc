/**
 * The pane's check worker (file mode): reads and checks a chosen .xlsx off the page's thread, so the page never
 * freezes on a large workbook, tells its progress, and makes the scored copy when 下载 asks for it. Started by
 * spawnCheckWorker.ts; its messages are checkWorkerProtocol.ts's.
 */
import { createCheckService } from "./checkService";
import { FromCheckWorker, serveCheckWorker, ToCheckWorker } from "./checkWorkerProtocol";

// the DOM typings describe a window; in a dedicated worker `self` posts without a target origin
const scope = self as unknown as {
  postMessage(m: FromCheckWorker, transfer?: Transferable[]): void;
  addEventListener(type: "message", listener: (e: MessageEvent<ToCheckWorker>) => void): void;
};
const serve = serveCheckWorker(createCheckService(), (m, transfer) => scope.postMessage(m, transfer ?? []));
scope.addEventListener("message", (e) => void serve(e.data));
