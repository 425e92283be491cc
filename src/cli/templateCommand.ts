import { readFile, stat, writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { Profile } from "../engine";
import { newTemplateFile, nextYearTemplateFile, TemplateFile } from "../adapters/xlsx/files";
import { PROFILE_CHOICES, profileOption } from "./profileOption";

export interface TemplateIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const defaultIo: TemplateIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

const USAGE = `用法：ziping template --out 新表.xlsx [--profile ${PROFILE_CHOICES}] [--from 文件.xlsx [--sheet 工作表名]]`;

type Made = Extract<TemplateFile, { ok: true }>;

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
  const made = await nextYearTemplateFile(data, profile, { sheet });
  if (!made.ok) {
    io.err(`${from}：${made.message}\n`);
    return null;
  }
  return made;
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
  const resolved = await profileOption(values.profile);
  if (!resolved.ok) return usage(resolved.message);
  const { profile } = resolved;
  if (values.from !== undefined && (await sameFile(values.from, values.out))) {
    return usage("输出文件不能与 --from 的来源文件相同（不会改写来源文件）");
  }

  let made: Made | null;
  if (values.from === undefined) {
    const fresh = await newTemplateFile(profile);
    made = fresh.ok ? fresh : null;
  } else made = await nextYearFrom(values.from, values.sheet, profile, io);
  if (!made) return USAGE_OR_FILE_ERROR;
  const { spec, year } = made;

  try {
    await writeFile(values.out, made.bytes);
  } catch (e) {
    io.err(`${values.out}：无法写出（${e instanceof Error ? e.message : String(e)}）\n`);
    return USAGE_OR_FILE_ERROR;
  }
  const what =
    made.from === undefined
      ? "新项目自评表"
      : `自评表（根据 ${values.from} 的工作表“${made.from}”生成；已清空金额、实际完成值、得分、偏差原因和实际完成情况）`;
  io.out(`已写出 ${values.out}：${year} 年度${what}，工作表“${spec.name}”，评分方案 ${profile.name}\n`);
  return OK;
}
