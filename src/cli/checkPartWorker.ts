/**
 * A worker thread checking one part of a large workbook (src/cli/checkParts.ts): it reads the file itself, checks
 * the sheets of its part and answers with them (plain data), telling how many it has done on the way. Whatever goes
 * wrong is answered as `{ failed }`: the workbook is then checked in one thread, which says why as it always does.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkFileReportPart } from "../adapters/xlsx/files";
import { packingOf, ReportPacking } from "../app";
import { Profile } from "../engine";
import type { PartMessage } from "./checkParts";
import { readInput } from "./fileIo";

const tell = (m: PartMessage) => parentPort!.postMessage(m);

const { file, profile, preferStoredProfile, index, of, packing } = workerData as {
  file: string;
  profile: Profile;
  preferStoredProfile: boolean;
  index: number;
  of: number;
  packing: ReportPacking<unknown>["kind"];
};

const read = readInput(file);
if (!read.ok) tell({ failed: read.message });
else {
  // a few progress messages for the bar, not one per sheet
  let told = 0;
  const onProgress = (done: number, total: number) => {
    if (done === 1 || done === total || done - told >= Math.max(1, Math.floor(total / 50))) {
      tell({ progress: done - told, total });
      told = done;
    }
  };
  const r = checkFileReportPart<unknown>(read.bytes, profile, { preferStoredProfile, onProgress }, index, of, packingOf(packing));
  tell(r.ok && r.part ? { part: r.part, profileChoice: r.profileChoice } : { failed: r.ok ? "a store sheet to start again with" : r.message });
}
