/**
 * A worker thread of `ziping check` over a folder (src/cli/checkFiles.ts): checks the files it is given, one at a time,
 * and answers each with its report and its forms' fingerprints (plain data). The profile and options are the run's
 * (workerData).
 */
import { parentPort, workerData } from "node:worker_threads";
import { packingOf, ReportPacking } from "../app";
import { Profile } from "../engine";
import { checkOneFile } from "./checkOneFile";

const { profile, sheet, profileChosen, packing } = workerData as { profile: Profile; sheet?: string; profileChosen: boolean; packing: ReportPacking<unknown>["kind"] };
const packed: ReportPacking<unknown> = packingOf(packing);

parentPort!.on("message", (m: { id: number; task: { file: string } }) => {
  void checkOneFile(m.task.file, profile, { profileChosen, ...(sheet !== undefined ? { sheet } : {}) }, packed).then((result) => parentPort!.postMessage({ id: m.id, result }));
});
