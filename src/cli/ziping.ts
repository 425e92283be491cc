import { readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { countBySeverity, Profile } from "../engine";
import { checkFile, fixFile } from "../adapters/xlsx/files";
import { PROFILE_CHOICES, profileOption } from "./profileOption";
import { FileResult, textReport } from "./textReport";
import { runTemplate } from "./templateCommand";

const USAGE = `用法：
  ziping check [--json] [--profile ${PROFILE_CHOICES}] [--sheet 工作表名] 文件.xlsx|文件夹...
  ziping fix 文件.xlsx --out 输出.xlsx [--profile …] [--sheet 工作表名] [--overwrite-scores] [--no-findings-sheet]
  ziping template --out 新表.xlsx [--profile …] [--from 文件.xlsx --sheet 工作表名]
`;

class UsageError extends Error {}

interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const defaultIo: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/** `--profile`, or a usage error naming the bad setting. */
async function profileOf(value: string | undefined): Promise<Profile> {
  const resolved = await profileOption(value);
  if (!resolved.ok) throw new UsageError(resolved.message);
  return resolved.profile;
}

async function readBytes(file: string): Promise<Uint8Array | { code: "FILE_UNREADABLE"; message: string }> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "文件不存在" : code === "EISDIR" ? "这是一个文件夹，不是文件" : code === "EACCES" ? "没有读取权限" : `无法读取（${(e as Error).message}）`;
    return { code: "FILE_UNREADABLE", message };
  }
}

/** A folder stands for the .xlsx files in it (a reviewer's folder of forms); Excel's ~$ lock files are skipped. */
async function expandFolders(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const isDir = await stat(p).then((s) => s.isDirectory(), () => false);
    if (!isDir) {
      files.push(p);
      continue;
    }
    const names = (await readdir(p)).filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$")).sort();
    files.push(...names.map((n) => join(p, n)));
  }
  return files;
}

/** Write the whole file or nothing: a temp file beside the target, renamed into place. */
async function writeWhole(path: string, bytes: Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, path);
  } catch (e) {
    await unlink(temp).catch(() => undefined);
    throw e;
  }
}

async function check(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: "boolean" }, profile: { type: "string" }, sheet: { type: "string" } },
  });
  if (positionals.length === 0) throw new UsageError("请指定要校验的 .xlsx 文件");
  const profile = await profileOf(values.profile);
  const results: FileResult[] = [];
  for (const file of await expandFolders(positionals)) {
    const bytes = await readBytes(file);
    if (!(bytes instanceof Uint8Array)) {
      results.push({ file, error: bytes, sheets: [] });
      continue;
    }
    const checked = await checkFile(bytes, profile, { sheet: values.sheet });
    results.push(checked.ok ? { file, error: null, sheets: checked.result.sheets.map((x) => x.report) } : { file, error: { code: checked.code, message: checked.message }, sheets: [] });
  }
  const sheets = results.flatMap((r) => r.sheets);
  const counts = countBySeverity(sheets.flatMap((x) => x.findings));
  if (values.json) {
    const report = {
      schemaVersion: 1,
      profile: profile.id,
      files: results,
      summary: { files: results.length, forms: sheets.filter((s) => s.isForm).length, errors: counts.error, warnings: counts.warning, infos: counts.info },
    };
    io.out(JSON.stringify(report, null, 2) + "\n");
  } else io.out(textReport(results));
  if (results.some((r) => r.error)) return 2;
  return counts.error > 0 ? 1 : 0;
}

async function fix(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: "string" },
      profile: { type: "string" },
      sheet: { type: "string" },
      "overwrite-scores": { type: "boolean" },
      "no-findings-sheet": { type: "boolean" },
    },
  });
  if (positionals.length !== 1) throw new UsageError("fix 需要且只需要一个输入文件");
  if (!values.out) throw new UsageError("请用 --out 指定输出文件（fix 从不改写输入文件）");
  const [input] = positionals;
  if (resolve(input) === resolve(values.out)) throw new UsageError("输出文件不能与输入文件相同（fix 从不改写输入文件）");
  const profile = await profileOf(values.profile);
  const bytes = await readBytes(input);
  if (!(bytes instanceof Uint8Array)) {
    io.err(`${input}：${bytes.message}\n`);
    return 2;
  }
  const fixed = await fixFile(bytes, profile, {
    sheet: values.sheet,
    overwriteScores: values["overwrite-scores"],
    findingsSheet: !values["no-findings-sheet"],
  });
  if (!fixed.ok) {
    io.err(`${input}：${fixed.message}\n`);
    return 2;
  }
  try {
    await writeWhole(values.out, fixed.bytes);
  } catch (e) {
    io.err(`无法写出 ${values.out}：${(e as Error).message}（未写入任何内容）\n`);
    return 2;
  }
  const listed = values["no-findings-sheet"] ? "" : "，问题清单见工作表“校验结果”";
  io.out(`已写出 ${values.out}：写入 ${fixed.written} 个计算结果，标注 ${fixed.highlighted} 个单元格${listed}\n`);
  io.out(textReport([{ file: input, error: null, sheets: fixed.result.sheets.map((x) => x.report) }]));
  return fixed.result.counts.error > 0 ? 1 : 0;
}

/** The `ziping` command. Returns the exit status: 0 no error, 1 findings with severity error, 2 usage or unreadable file. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "check":
        return await check(rest, io);
      case "fix":
        return await fix(rest, io);
      case "template":
        return await runTemplate(rest, io);
      case "help":
      case "--help":
      case "-h":
        io.out(USAGE);
        return 0;
      default:
        throw new UsageError(command ? `未知的命令“${command}”` : "请指定命令");
    }
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`${(e as Error).message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}
