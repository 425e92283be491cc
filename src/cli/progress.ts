import { Presets, SingleBar } from "cli-progress";

/** What a long run tells of itself while it runs. */
export interface Progress {
  /** Done of total (files of a folder, or sheets of one workbook). */
  tick(done: number, total: number): void;
  /** The run is over: the bar is cleared, so the report starts on a clean line. */
  stop(): void;
}

export const NO_PROGRESS: Progress = Object.freeze({ tick: () => undefined, stop: () => undefined });

/** Runs shorter than this show no bar at all (it would only flicker). */
const SHOW_AFTER_MS = 500;

/**
 * A progress bar on a terminal (stderr): `校验中 ████████░░░░ 120/500 张工作表`, drawn only once the run has taken half a
 * second, and cleared at the end. Only for a terminal: never into a pipe or a file, never beside --json.
 */
export function progressBar(stream: NodeJS.WriteStream, unit: string, now: () => number = Date.now): Progress {
  const started = now();
  let bar: SingleBar | null = null;
  return {
    tick(done, total) {
      if (!bar) {
        if (now() - started < SHOW_AFTER_MS || done >= total) return;
        bar = new SingleBar({ ...Presets.shades_classic, stream, format: `校验中 {bar} {value}/{total} ${unit}`, barsize: 30, hideCursor: false, clearOnComplete: true, etaBuffer: 50 });
        bar.start(total, done);
      } else {
        // a workbook checked in parts learns its count of sheets part by part
        if (bar.getTotal() !== total) bar.setTotal(total);
        bar.update(done);
      }
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}
