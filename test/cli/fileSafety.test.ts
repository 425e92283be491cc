/**
 * `ziping` never harms its input and writes whole files only where it may (issue 11, "Why"): each case as a hostile
 * or an ordinary user tried it. The command runs in-process (main) or, where the process itself matters (kill,
 * EPIPE, another user), as the built bin/ziping.js.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { main } from "../../src/cli/ziping";
import { SEED_FORMS, seedSheet } from "../fixtures/seedForms";
import { tempDir, tempFile, workbookBytes } from "../fixtures/seedWorkbooks";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "ziping.js");
const AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", process.execPath];

/**
 * The command as another user runs it. As root, the cases below are run as `nobody` (root may read and write anything).
 * A clean clone may sit where `nobody` cannot reach it (a private temporary directory): then the built command and its
 * production dependencies are mirrored into a directory `nobody` can read — hard links where the file system allows,
 * copies otherwise — so the case still runs rather than being skipped.
 */
let userBin: string | null = null;
function binForUser(): string[] {
  if (process.getuid?.() !== 0) return [process.execPath, BIN];
  if (userBin === null) {
    const reach = spawnSync(AS_NOBODY[0], [...AS_NOBODY.slice(1), "-e", `require("fs").accessSync(${JSON.stringify(BIN)})`]);
    if (reach.status === 0) userBin = BIN;
    else {
      const mirror = tempDir("ziping-bin-");
      chmodSync(mirror, 0o755);
      const link = (from: string, to: string) => {
        mkdirSync(join(to, ".."), { recursive: true });
        if (spawnSync("cp", ["-al", from, to]).status !== 0) execFileSync("cp", ["-r", from, to]);
      };
      for (const part of ["bin", "package.json", join("dist", "node")]) link(join(ROOT, part), join(mirror, part));
      const deps = execFileSync("npm", ["ls", "--omit=dev", "--all", "--parseable"], { cwd: ROOT, encoding: "utf8" })
        .split("\n")
        .filter((d) => d.startsWith(join(ROOT, "node_modules")) && !d.slice(join(ROOT, "node_modules").length + 1).includes("node_modules"));
      for (const dep of deps) link(dep, join(mirror, dep.slice(ROOT.length + 1)));
      spawnSync("chmod", ["-R", "a+rX", mirror]);
      userBin = join(mirror, "bin", "ziping.js");
    }
  }
  return [...AS_NOBODY, userBin];
}

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

let form: Uint8Array;
beforeAll(async () => {
  form = await workbookBytes([seedSheet(SEED_FORMS[0], { blank: { total: true } }).spec]);
});

describe("fix never writes over its input", () => {
  it("alias/a.xlsx --out real/a.xlsx where alias is a symlink to real: refused, input unchanged", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "real"));
    const input = tempFile("a.xlsx", form, join(dir, "real"));
    symlinkSync(join(dir, "real"), join(dir, "alias"));
    const r = await run("fix", join(dir, "alias", "a.xlsx"), "--out", input);
    expect(r.code).toBe(2);
    expect(r.err).toContain("输出文件不能与输入文件相同");
    expect(Buffer.from(readFileSync(input)).equals(Buffer.from(form))).toBe(true);
  });

  it("an input that is a symlink to --out: refused, the file unchanged", async () => {
    const dir = tempDir();
    const target = tempFile("out.xlsx", form, dir);
    symlinkSync(target, join(dir, "in.xlsx"));
    const r = await run("fix", join(dir, "in.xlsx"), "--out", target);
    expect(r.code).toBe(2);
    expect(r.err).toContain("输出文件不能与输入文件相同");
    expect(Buffer.from(readFileSync(target)).equals(Buffer.from(form))).toBe(true);
  });

  it("a hard link to the input as --out: refused (same inode)", async () => {
    const dir = tempDir();
    const input = tempFile("in.xlsx", form, dir);
    execFileSync("ln", [input, join(dir, "hard.xlsx")]);
    const r = await run("fix", input, "--out", join(dir, "hard.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("输出文件不能与输入文件相同");
  });
});

describe("fix replaces only a regular file, and only with --force", () => {
  it("an existing output is kept without --force, replaced whole with it", async () => {
    const dir = tempDir();
    const input = tempFile("in.xlsx", form, dir);
    const out = tempFile("out.xlsx", new TextEncoder().encode("已填好的表"), dir);
    const refused = await run("fix", input, "--out", out);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("输出文件已存在；如确需覆盖，请加 --force");
    expect(readFileSync(out, "utf8")).toBe("已填好的表");
    const forced = await run("fix", input, "--out", out, "--force");
    expect(forced.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(readdirSync(dir).sort()).toEqual(["in.xlsx", "out.xlsx"]); // no temp file left
  });

  it.each([
    ["a device (/dev/null)", () => "/dev/null", "不是普通文件"],
    ["a folder", () => tempDir(), "是一个文件夹"],
    ["a symlink", () => {
      const dir = tempDir();
      const victim = tempFile("victim.txt", new TextEncoder().encode("别动我"), dir);
      symlinkSync(victim, join(dir, "link.xlsx"));
      return join(dir, "link.xlsx");
    }, "符号链接"],
  ])("--out is %s: refused with --force too", async (_n, out, reason) => {
    const input = tempFile("in.xlsx", form);
    const path = out();
    const r = await run("fix", input, "--out", path, "--force");
    expect(r.code).toBe(2);
    expect(r.err).toContain(reason);
    if (path.endsWith("link.xlsx")) expect(readFileSync(path, "utf8")).toBe("别动我");
  });

  it("the temp file is exclusive and unpredictable: symlinks planted at the old name (out.xlsx.<pid>.tmp) are not followed", async () => {
    const dir = tempDir();
    const input = tempFile("in.xlsx", form, dir);
    const victim = tempFile("victim.txt", new TextEncoder().encode("别动我"), dir);
    const out = join(dir, "out.xlsx");
    symlinkSync(victim, `${out}.${process.pid}.tmp`);
    expect((await run("fix", input, "--out", out)).code).toBe(0);
    expect(readFileSync(victim, "utf8")).toBe("别动我");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([`out.xlsx.${process.pid}.tmp`]);
  });
});

describe("template --out", () => {
  it("never replaces a filled form without --force", async () => {
    const dir = tempDir();
    const filled = tempFile("表.xlsx", form, dir);
    const r = await run("template", "--out", filled);
    expect(r.code).toBe(2);
    expect(r.err).toContain("输出文件已存在");
    expect(Buffer.from(readFileSync(filled)).equals(Buffer.from(form))).toBe(true);
    expect((await run("template", "--out", filled, "--force")).code).toBe(0);
  });

  it("is atomic: a process killed while writing leaves no output file, never a partial one", async () => {
    const dir = tempDir();
    const out = join(dir, "新表.xlsx");
    // write 300 MB through the same writer, and kill the process once its temp file exists
    const script = `require(${JSON.stringify(join(__dirname, "..", "..", "dist", "node", "cli", "fileIo.js"))}).writeAtomically(${JSON.stringify(out)}, new Uint8Array(300 * 1024 * 1024), false)`;
    const child = spawn(process.execPath, ["-e", script], { stdio: "ignore" });
    const started = Date.now();
    while (!readdirSync(dir).some((n) => n.endsWith(".tmp")) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 5));
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));
    expect(existsSync(out)).toBe(false);
  });
});

describe("inputs as they come", () => {
  it("a FIFO named x.xlsx and a symlink to /dev/zero are reported, never read; the other files are checked", async () => {
    const dir = tempDir();
    tempFile("a.xlsx", form, dir);
    execFileSync("mkfifo", [join(dir, "fifo.xlsx")]);
    symlinkSync("/dev/zero", join(dir, "zero.xlsx"));
    const started = Date.now();
    const r = await run("check", "--json", dir);
    expect(Date.now() - started).toBeLessThan(10_000);
    const report = JSON.parse(r.out);
    expect(report.files.map((f: { file: string; error: { message: string } | null }) => [f.file.slice(dir.length + 1), f.error?.message ?? null])).toEqual([
      ["a.xlsx", null],
      ["fifo.xlsx", "不是普通文件（设备、管道或套接字），未读取"],
      ["zero.xlsx", "不是普通文件（设备、管道或套接字），未读取"],
    ]);
    expect(r.code).toBe(2);
  });

  it("an unreadable folder is reported as its own entry and the run goes on (as a user without root)", () => {
    const dir = tempDir();
    chmodSync(dir, 0o755);
    tempFile("a.xlsx", form, dir);
    mkdirSync(join(dir, "locked"));
    chmodSync(join(dir, "locked"), 0o000);
    const asUser = binForUser();
    const r = spawnSync(asUser[0], [...asUser.slice(1), "check", "--json", join(dir, "locked"), dir], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    const report = JSON.parse(r.stdout);
    expect(report.files.map((f: { error: { message: string } | null }) => f.error?.message ?? null)).toEqual(["无法读取文件夹（没有权限）", null]);
    expect(report.skipped).toEqual([`${join(dir, "locked")}/`]);
    expect(r.status).toBe(2);
  });

  it("a read-only output is not replaced, even with --force (run as a user: root may write anything)", () => {
    const dir = tempDir();
    chmodSync(dir, 0o777);
    const input = tempFile("in.xlsx", form, dir);
    const out = tempFile("out.xlsx", new TextEncoder().encode("只读"), dir);
    chmodSync(input, 0o644);
    chmodSync(out, 0o444);
    const asUser = binForUser();
    const r = spawnSync(asUser[0], [...asUser.slice(1), "fix", input, "--out", out, "--force"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("输出文件是只读的");
    expect(readFileSync(out, "utf8")).toBe("只读");
  });

  it("a folder of .xls/.ods/.txt: spreadsheets converted by LibreOffice or refused with advice; the rest named as skipped", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "说明.txt"), "x");
    writeFileSync(join(dir, "旧表.xls"), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const saved = process.env.ZIPING_SOFFICE;
    process.env.ZIPING_SOFFICE = "none";
    try {
      const r = await run("check", dir);
      expect(r.out).toContain("旧表.xls");
      expect(r.out).toContain("本机没有安装 LibreOffice，无法读取 .xls 文件；请用 Excel 或 WPS 另存为 .xlsx 后再试");
      expect(r.out).toContain(`已跳过 1 个不是表格的文件或子文件夹：${join(dir, "说明.txt")}`);
      expect(r.out).toMatch(/共 1 个文件，0 张自评表，1 个文件无法读取/);
    } finally {
      if (saved === undefined) delete process.env.ZIPING_SOFFICE;
      else process.env.ZIPING_SOFFICE = saved;
    }
  });

  it("an .ods converted by LibreOffice is checked like an .xlsx", async () => {
    const dir = tempDir();
    const xlsx = tempFile("表.xlsx", form, dir);
    execFileSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--norestore", "--convert-to", "ods", "--outdir", dir, xlsx], { stdio: "pipe", timeout: 120_000 });
    const r = await run("check", "--json", join(dir, "表.ods"));
    const report = JSON.parse(r.out);
    expect(report.files[0].error).toBeNull();
    expect(report.files[0].sheets[0].form.total.computed).toBe("96.37");
  }, 180_000);

  it("fix on a zip that is no workbook: FILE_UNREADABLE (exit 2), never a TypeError", async () => {
    const { zipSync, strToU8 } = await import("fflate");
    const input = tempFile("x.xlsx", zipSync({ "a.txt": strToU8("a") }));
    const r = await run("fix", input, "--out", join(tempDir(), "o.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("不是 Excel 工作簿");
  });

  it("a file name with a newline stays on one line of the text report", async () => {
    const dir = tempDir();
    const input = tempFile("a\nb.xlsx", form, dir);
    const r = await run("check", input);
    expect(r.out.split("\n")[0]).toBe(`文件：${dir}/a\\nb.xlsx`);
  });

  it("`ziping check --json … | head -c 20`: no stack trace when the reader goes away", () => {
    const dir = tempDir();
    for (let i = 0; i < 30; i++) tempFile(`f${i}.xlsx`, form, dir);
    // --json: more than a pipe buffer (64 KB), so the writes go on after head has gone
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" check --json "${dir}" | head -c 20 >/dev/null`], { encoding: "utf8" });
    expect(r.stderr).toBe("");
  });
});

describe("an .xlsm keeps its macros and its content type", () => {
  it("fix x.xlsm --out y.xlsm keeps vbaProject.bin byte for byte; --out y.xlsx is refused", async () => {
    const { unzipSync, zipSync, strToU8, strFromU8 } = await import("fflate");
    const parts = unzipSync(form);
    const vba = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) % 251);
    parts["xl/vbaProject.bin"] = vba;
    parts["[Content_Types].xml"] = strToU8(
      strFromU8(parts["[Content_Types].xml"])
        .replace("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml")
        .replace("</Types>", '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'),
    );
    parts["xl/_rels/workbook.xml.rels"] = strToU8(strFromU8(parts["xl/_rels/workbook.xml.rels"]).replace("</Relationships>", '<Relationship Id="rIdVBA" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
    const dir = tempDir();
    const input = tempFile("宏.xlsm", zipSync(parts), dir);
    const wrong = await run("fix", input, "--out", join(dir, "y.xlsx"));
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("请用 .xlsm 作为输出文件的扩展名");
    expect(existsSync(join(dir, "y.xlsx"))).toBe(false);
    expect((await run("fix", input, "--out", join(dir, "y.xlsm"))).code).toBe(0);
    const copy = unzipSync(readFileSync(join(dir, "y.xlsm")));
    expect(Buffer.from(copy["xl/vbaProject.bin"]).equals(Buffer.from(vba))).toBe(true);
    expect(strFromU8(copy["[Content_Types].xml"])).toContain("application/vnd.ms-excel.sheet.macroEnabled.main+xml");
    expect(statSync(join(dir, "y.xlsm")).size).toBeGreaterThan(0);
  });
});
