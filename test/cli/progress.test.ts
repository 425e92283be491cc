/**
 * The progress bar of a long `ziping check` (issue 12): nothing for a short run, a bar with done/total after half a
 * second, cleared at the end so the report starts on a clean line.
 */
import { progressBar } from "../../src/cli/progress";

function terminal() {
  const drawn: string[] = [];
  const stream = Object.assign(Object.create(process.stderr), {
    isTTY: true,
    columns: 120,
    write: (t: string) => (drawn.push(t), true),
  }) as NodeJS.WriteStream;
  return { stream, drawn };
}

describe("progressBar", () => {
  it("draws nothing during the first half second, then done/total, and clears the line at the end", () => {
    let now = 1000;
    const t = terminal();
    const bar = progressBar(t.stream, "张工作表", () => now);
    bar.tick(1, 500);
    now += 400;
    bar.tick(2, 500);
    expect(t.drawn).toEqual([]);
    now += 200;
    bar.tick(120, 500);
    expect(t.drawn.join("")).toMatch(/校验中 [█░]+ 120\/500 张工作表/);
    const before = t.drawn.length;
    bar.stop();
    // the line is cleared: the cursor back to its start, erased to its end, nothing written after
    // eslint-disable-next-line no-control-regex
    expect(t.drawn.slice(before).join("")).toMatch(/\x1b\[1G\x1b\[2K$/);
    expect(t.drawn.slice(before).join("")).not.toContain("校验中");
  });

  it("a workbook checked in parts learns its count of sheets part by part: the total grows with it", async () => {
    let now = 0;
    const t = terminal();
    const bar = progressBar(t.stream, "张工作表", () => now);
    try {
      now = 600;
      bar.tick(10, 250);
      expect(t.drawn.join("")).toMatch(/10\/250 张工作表/);
      bar.tick(20, 500);
      // cli-progress redraws on its own timer (10 times a second)
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(t.drawn.join("")).toMatch(/20\/500 张工作表/);
    } finally {
      bar.stop();
    }
  });

  it("a run over within half a second never draws", () => {
    let now = 0;
    const t = terminal();
    const bar = progressBar(t.stream, "个文件", () => now);
    bar.tick(1, 2);
    now = 600;
    bar.tick(2, 2);
    bar.stop();
    expect(t.drawn).toEqual([]);
  });
});
