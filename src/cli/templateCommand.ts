import { readFile, stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_PROFILE_ID, getProfile, Profile, PROFILES } from "../engine";
import { SheetSpec } from "../engine/sheet/sheetSpec";
import { newTemplateSpec } from "../engine/template";
import { nextYearFromWorkbook, templateBytes } from "../adapters/xlsx/templateWorkbook";

export interface TemplateIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const defaultIo: TemplateIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

const USAGE = `用法：ziping template --out 新表.xlsx [--profile ${Object.keys(PROFILES).join("|")}] [--from 文件.xlsx [--sheet 工作表名]]`;

interface Made {
  readonly spec: SheetSpec;
  readonly year: number;
  /** The sheet next year's form was built from; absent for a new project's form. */
  readonly sheet?: string;
}

/** Exit statuses of `ziping template`. */
const OK = 0;
const USAGE_OR_FILE_ERROR = 2;

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false; // the output does not exist yet
  }
}

function readError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "文件不存在";
  if (code === "EISDIR") return "这是一个文件夹，不是文件";
  if (code === "EACCES") return "没有读取权限";
  return `无法读取（${e instanceof Error ? e.message : String(e)}）`;
}

/** Next year's form from the chosen (or the first) 自评表 sheet of a workbook, or null after saying why not. */
async function nextYearFrom(from: string, sheet: string | undefined, profile: Profile, io: TemplateIo): Promise<Made | null> {
  let data: Uint8Array;
  try {
    data = new Uint8Array(await readFile(from));
  } catch (e) {
    io.err(`${from}：${readError(e)}\n`);
    return null;
  }
  const made = await nextYearFromWorkbook(data, sheet, profile);
  if (!made.ok) {
    io.err(`${from}：${made.message}\n`);
    return null;
  }
  return { spec: made.spec, year: made.year, sheet: made.sheet };
}

/**
 * `ziping template --out NEW.xlsx [--profile P] [--from FILE.xlsx [--sheet S]]`: a blank 自评表 for a new
 * project, or (with --from) next year's form built from an existing one. Never writes over --from's file.
 * Returns the exit status: 0 written, 2 usage error or a file that cannot be read or written.
 */
export async function runTemplate(argv: readonly string[], io: TemplateIo = defaultIo): Promise<number> {
  let values: { out?: string; profile?: string; from?: string; sheet?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: { out: { type: "string" }, profile: { type: "string" }, from: { type: "string" }, sheet: { type: "string" } },
    }));
  } catch (e) {
    const code = (e as { code?: string }).code;
    const option = /'(--?[A-Za-z-]+)/.exec(String((e as { message?: unknown }).message ?? ""))?.[1] ?? "";
    const reason =
      code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL"
        ? "template 不接受文件参数，请用 --out 指定输出文件、--from 指定来源文件"
        : code === "ERR_PARSE_ARGS_UNKNOWN_OPTION"
          ? `未知的选项 ${option}`
          : code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE"
            ? `选项 ${option} 缺少取值`
            : "参数有误";
    io.err(`${reason}\n${USAGE}\n`);
    return USAGE_OR_FILE_ERROR;
  }
  const usage = (reason: string) => {
    io.err(`${reason}\n${USAGE}\n`);
    return USAGE_OR_FILE_ERROR;
  };
  if (!values.out) return usage("请用 --out 指定要写出的新文件");
  if (values.sheet !== undefined && values.from === undefined) return usage("--sheet 需要与 --from 一起使用");
  const profile = getProfile(values.profile ?? DEFAULT_PROFILE_ID);
  if (!profile) return usage(`未知的评分方案“${values.profile}”，可选：${Object.keys(PROFILES).join("、")}`);
  if (values.from !== undefined && (await sameFile(values.from, values.out))) {
    return usage("输出文件不能与 --from 的来源文件相同（不会改写来源文件）");
  }

  let made: Made | null;
  if (values.from === undefined) {
    const year = new Date().getFullYear();
    made = { spec: newTemplateSpec(profile, { year }), year };
  } else made = await nextYearFrom(values.from, values.sheet, profile, io);
  if (!made) return USAGE_OR_FILE_ERROR;
  const { spec, year } = made;

  try {
    await writeFile(values.out, await templateBytes(spec));
  } catch (e) {
    io.err(`${values.out}：无法写出（${e instanceof Error ? e.message : String(e)}）\n`);
    return USAGE_OR_FILE_ERROR;
  }
  const what =
    made.sheet === undefined
      ? "新项目自评表"
      : `自评表（根据 ${values.from} 的工作表“${made.sheet}”生成；已清空金额、实际完成值、得分、偏差原因和实际完成情况）`;
  io.out(`已写出 ${values.out}：${year} 年度${what}，工作表“${spec.name}”，评分方案 ${profile.name}\n`);
  return OK;
}
