import { parseArgs } from "node:util";
import { isDeclaration, Profile } from "../engine";
import { newTemplateFile, nextYearTemplateFile, TemplateFile } from "../adapters/xlsx/files";
import { PROFILE_CHOICES, profileOption } from "./profileOption";
import { argsErrorReason } from "./argsError";
import { displayName, outputRefusal, writeAtomically, writeReason } from "./fileIo";
import { workbookBytes } from "./inputs";

export interface TemplateIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

const defaultIo: TemplateIo = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

const USAGE = `用法：ziping template --out 新表.xlsx [--force] [--profile ${PROFILE_CHOICES}] [--from 自评表或申报表.xlsx [--sheet 工作表名]] [--kind project|department]`;

type Made = Extract<TemplateFile, { ok: true }>;

/** Exit statuses of `ziping template`. */
const OK = 0;
const USAGE_OR_FILE_ERROR = 2;

/** Next year's form from the chosen (or the first) 自评表 sheet of a workbook, or null after saying why not. */
async function nextYearFrom(from: string, sheet: string | undefined, profile: Profile, io: TemplateIo): Promise<Made | null> {
  const loaded = await workbookBytes(from);
  if (!loaded.ok) {
    io.err(`${displayName(from)}：${loaded.message}\n`);
    return null;
  }
  const made = await nextYearTemplateFile(loaded.bytes, profile, { sheet });
  if (!made.ok) {
    io.err(`${displayName(from)}：${made.message}\n`);
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
  let values: { out?: string; force?: boolean; profile?: string; from?: string; sheet?: string; kind?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: { out: { type: "string" }, force: { type: "boolean" }, profile: { type: "string" }, from: { type: "string" }, sheet: { type: "string" }, kind: { type: "string" } },
    }));
  } catch (e) {
    const reason = argsErrorReason(e, "template 不接受文件参数，请用 --out 指定输出文件、--from 指定来源文件");
    io.err(`${reason}\n${USAGE}\n`);
    return USAGE_OR_FILE_ERROR;
  }
  const usage = (reason: string) => {
    io.err(`${reason}\n${USAGE}\n`);
    return USAGE_OR_FILE_ERROR;
  };
  if (!values.out) return usage("请用 --out 指定要写出的新文件");
  if (values.sheet !== undefined && values.from === undefined) return usage("--sheet 需要与 --from 一起使用");
  if (values.kind !== undefined && values.kind !== "project" && values.kind !== "department") return usage(`--kind 应为 project（项目支出绩效自评表）或 department（部门整体支出绩效自评表），而不是“${values.kind}”`);
  if (values.kind !== undefined && values.from !== undefined) return usage("--kind 只用于新建空白表；--from 时表的类型随来源文件");
  const resolved = await profileOption(values.profile);
  if (!resolved.ok) return usage(resolved.message);
  const { profile } = resolved;
  const refusal = await outputRefusal(values.out, values.from !== undefined ? [values.from] : [], values.force ?? false, { named: " --from 的来源文件", short: "来源文件" });
  if (refusal) return usage(`${displayName(values.out)}：${refusal}`);

  let made: Made | null;
  if (values.from === undefined) {
    const fresh = await newTemplateFile(profile, { kind: values.kind === "department" ? "department" : "project" });
    made = fresh.ok ? fresh : null;
  } else made = await nextYearFrom(values.from, values.sheet, profile, io);
  if (!made) return USAGE_OR_FILE_ERROR;
  const { spec, year } = made;

  try {
    // whole or nothing: a template killed half-way never leaves a 0-byte file, and never replaces a filled form unasked
    await writeAtomically(values.out, made.bytes, values.force ?? false);
  } catch (e) {
    io.err(`无法写出 ${displayName(values.out)}：${writeReason(e)}（未写入任何内容）\n`);
    return USAGE_OR_FILE_ERROR;
  }
  const what =
    made.from === undefined
      ? values.kind === "department"
        ? "部门整体支出绩效自评表（空白）"
        : "新项目自评表"
      : made.fromKind !== undefined && isDeclaration(made.fromKind)
        ? `自评表（根据 ${values.from} 的工作表“${made.from}”中的绩效目标申报表生成：指标和年度指标值照申报表，年度资金总额填入年初预算数，分值按评分方案分配；全年预算数、全年执行数、实际完成值和得分待填写）`
        : `自评表（根据 ${values.from} 的工作表“${made.from}”生成；已清空金额、实际完成值、得分、偏差原因和实际完成情况）`;
  io.out(`已写出 ${displayName(values.out)}：${year} 年度${what}，工作表“${spec.name}”，评分方案 ${profile.name}\n`);
  return OK;
}
