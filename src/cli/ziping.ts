import { extname } from "node:path";
import { parseArgs } from "node:util";
import { countBySeverity, FormAmongOthers, isDeclaration, Profile } from "../engine";
import { whereInFolder } from "../app";
import { fixFile } from "../adapters/xlsx/files";
import { checkFiles } from "./checkFiles";
import { SchemaVersion, writeJsonReport } from "./jsonReport";
import { PackedForm, PACKED } from "../app";
import { Progress, progressBar } from "./progress";
import { argsErrorReason } from "./argsError";
import { displayName, outputRefusal, writeAtomically, writeReason } from "./fileIo";
import { expandInputs, workbookBytes } from "./inputs";
import { PROFILE_CHOICES, profileOption, profileRecord } from "./profileOption";
import { allFindings, FileResultOf, sheetlessFiles, textReport, unreadableFile } from "./textReport";
import { CheckedFile, checkOneFile, profileUsedOf } from "./checkOneFile";
import { withFolderChecks } from "./folderReport";
import { SummaryTarget, summaryTarget, writeSummary } from "./summaryOutput";
import { runTemplate } from "./templateCommand";
import { writeStdoutBytes } from "./stdoutBytes";

const USAGE = `用法：
  ziping check [--json [--schema 1|2]] [--profile ${PROFILE_CHOICES}] [--sheet 工作表名] [--summary 汇总.xlsx [--force]] [--declaration 申报表.xlsx] 文件.xlsx|文件夹...
  ziping fix 文件.xlsx --out 输出.xlsx [--force] [--profile …] [--sheet 工作表名] [--overwrite-scores] [--no-findings-sheet] [--summary-sheet] [--declaration 申报表.xlsx]
  ziping template --out 新表.xlsx [--force] [--profile …] [--from 文件.xlsx [--sheet 工作表名]] [--kind project|department]

  自评表、绩效目标申报表（目标表）、部门整体支出绩效自评表和目标表都能识别，报告中写明是哪一种。
  --declaration 指定项目的绩效目标申报表：自评表按申报的指标和目标逐项核对（目标改动、指标删减或增加）；
  同一工作簿、同一文件夹中的申报表按项目名称或项目编码自动配对。
  template --from 一张申报表，生成该项目的自评表；--from 一张自评表，生成下一年度的自评表；
  --kind department 生成空白的部门整体支出绩效自评表。
`;

class UsageError extends Error {}

interface Io {
  readonly out: (text: string) => void;
  /**
   * Bytes for stdout (the JSON report, written as UTF-8 without being made into text again), done with when it returns;
   * absent: through `out`.
   */
  readonly outBytes?: (bytes: Uint8Array) => void;
  readonly err: (text: string) => void;
  /** Progress of a long run, drawn on stderr when it is a terminal; absent: none. */
  readonly progress?: (unit: "files" | "sheets") => Progress;
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  outBytes: writeStdoutBytes,
  err: (t) => process.stderr.write(t),
  ...(process.stderr.isTTY ? { progress: (unit) => progressBar(process.stderr, unit === "files" ? "个文件" : "张工作表") } : {}),
};

/** `--profile`, or a usage error naming the bad setting. */
async function profileOf(value: string | undefined): Promise<Profile> {
  const resolved = await profileOption(value);
  if (!resolved.ok) throw new UsageError(resolved.message);
  return resolved.profile;
}

/** parseArgs with its English errors turned into a Chinese usage error. */
function parsed<T>(parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    throw new UsageError(argsErrorReason(e, "参数有误"));
  }
}

async function check(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parsed(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean" },
        schema: { type: "string" },
        profile: { type: "string" },
        sheet: { type: "string" },
        summary: { type: "string" },
        force: { type: "boolean" },
        declaration: { type: "string" },
      },
    }),
  );
  if (positionals.length === 0) throw new UsageError("请指定要校验的 .xlsx 文件或文件夹");
  const schemaVersion = schemaVersionOf(values.schema, values.json ?? false);
  const profile = await profileOf(values.profile);
  // the 申报表 named with --declaration is checked with the others (its 目标审核 reported too) and paired with them
  const { entries: all, skipped } = await expandInputs(values.declaration !== undefined ? [values.declaration, ...positionals] : positionals);
  const force = values.force ?? false;
  let target: SummaryTarget | null = null;
  if (values.summary !== undefined) {
    const t = await summaryTarget(values.summary, all.map((e) => e.file), force);
    if (!t.ok) throw new UsageError(t.message);
    target = t.target;
  }
  // the 汇总 this run replaces, written into the folder it sums up by an earlier run: not a workbook of forms
  const replaced = target?.replaces ?? new Set<string>();
  const entries = all.filter((e) => !replaced.has(e.file));
  // on every core, in input order (each file on its own: whatever happens to one, the others are checked and
  // reported); progress on a terminal only, never beside --json
  const options = {
    profileChosen: values.profile !== undefined,
    ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
    ...(io.progress && !values.json ? { progress: io.progress } : {}),
  };
  // in input order: the 汇总 replaced, and workbooks of our own sheets only (an earlier 汇总 of the folder)
  const ownSummariesOf = (checked: readonly unknown[]) => {
    const at = new Map(entries.map((e, i) => [e, i]));
    return all.filter((e) => replaced.has(e.file) || checked[at.get(e)!] === null).map((e) => e.file);
  };
  if (values.json && !target) {
    // the JSON report only: each form's report written out as JSON once, where its sheet was checked (packedReport.ts)
    const checked = await checkFiles(entries, profile, options, PACKED);
    const ownSummaries = ownSummariesOf(checked);
    const results = withFolderChecks(checked.filter((c): c is CheckedFile<PackedForm> => c !== null), { pairAlone: values.declaration !== undefined });
    writeJsonReport(io.out, { schemaVersion, profileId: profile.id, results, skipped: [...skipped, ...ownSummaries], summaryFile: null }, io.outBytes);
    return exitStatus(results, false);
  }
  const checked = await checkFiles(entries, profile, options);
  const checkedFiles = checked.filter((c): c is CheckedFile => c !== null);
  const ownSummaries = ownSummariesOf(checked);
  // the checks across the files (a form copied from another file's); those within a workbook are already there
  const results = withFolderChecks(checkedFiles, { pairAlone: values.declaration !== undefined });
  let summaryFailed = false;
  if (target) {
    try {
      await writeSummary(target, results, profile.name, force);
    } catch (e) {
      io.err(`无法写出汇总表 ${displayName(target.out)}：${writeReason(e)}（未写入任何内容）\n`);
      summaryFailed = true;
    }
  }
  const summaryFile = target && !summaryFailed ? target.out : null;
  // the JSON in pieces: the report of a large workbook is longer than any one string can be
  if (values.json) writeJsonReport(io.out, { schemaVersion, profileId: profile.id, results, skipped: [...skipped, ...ownSummaries], summaryFile }, io.outBytes);
  else io.out(textReport(results, skipped, { table: target !== null, summaryFile, ownSummaries }));
  return exitStatus(results, summaryFailed);
}

/**
 * 2 when a file could not be read (or the 汇总 not written), 1 when a finding is an error — a workbook without a
 * worksheet counting as one (FORM_NOT_FOUND) — else 0.
 */
function exitStatus(results: readonly FileResultOf<unknown>[], summaryFailed: boolean): number {
  if (results.some(unreadableFile) || summaryFailed) return 2;
  return countBySeverity(allFindings(results.flatMap((r) => r.sheets))).error + sheetlessFiles(results) > 0 ? 1 : 0;
}

/** The forms of the 申报表 named with --declaration, as the checks across forms compare them (a usage error when unread). */
async function declarationForms(file: string, profile: Profile): Promise<FormAmongOthers[]> {
  const checked = await checkOneFile(file, profile, { profileChosen: true });
  if (!checked || checked.error) throw new UsageError(`${displayName(file)}：${checked?.error?.message ?? "不是一张申报表"}`);
  const forms = checked.forms.filter((f) => isDeclaration(f.fingerprint.cycle.kind));
  if (forms.length === 0) throw new UsageError(`${displayName(file)}：其中没有找到绩效目标申报表（目标表）`);
  return forms.map((f) => ({ form: f.fingerprint, where: whereInFolder(displayName(file), f.sheet) }));
}

/** `--schema`: the JSON report's schemaVersion, 1 (cli.md, the default) or 2 (without the repeated first form). */
function schemaVersionOf(value: string | undefined, json: boolean): SchemaVersion {
  if (value === undefined) return 1;
  if (!json) throw new UsageError("--schema 只用于 --json 输出");
  if (value === "1" || value === "2") return Number(value) as SchemaVersion;
  throw new UsageError(`--schema 只能是 1 或 2（JSON 报告的 schemaVersion），不是“${value}”`);
}

/** The extension a copy must have: a macro workbook keeps its macros and its content type, so it stays .xlsm. */
function extensionProblem(out: string, macroEnabled: boolean): string | null {
  const ext = extname(out).toLowerCase();
  if (macroEnabled && ext !== ".xlsm" && ext !== ".xltm") return "输入是启用宏的工作簿（.xlsm），副本保留了宏，请用 .xlsm 作为输出文件的扩展名";
  if (!macroEnabled && ext !== ".xlsx" && ext !== ".xltx") return "输出文件请用 .xlsx 扩展名（Excel 按扩展名判断文件格式）";
  return null;
}

async function fix(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parsed(() =>
    parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        out: { type: "string" },
        force: { type: "boolean" },
        profile: { type: "string" },
        sheet: { type: "string" },
        "overwrite-scores": { type: "boolean" },
        "no-findings-sheet": { type: "boolean" },
        "summary-sheet": { type: "boolean" },
        declaration: { type: "string" },
      },
    }),
  );
  if (positionals.length !== 1) throw new UsageError("fix 需要且只需要一个输入文件");
  if (!values.out) throw new UsageError("请用 --out 指定输出文件（fix 从不改写输入文件）");
  const [input] = positionals;
  const out = values.out;
  const force = values.force ?? false;
  const refusal = await outputRefusal(out, [input], force);
  if (refusal) throw new UsageError(`${displayName(out)}：${refusal}`);
  const profile = await profileOf(values.profile);
  const loaded = await workbookBytes(input);
  if (!loaded.ok) {
    io.err(`${displayName(input)}：${loaded.message}\n`);
    return 2;
  }
  const declared = values.declaration !== undefined ? await declarationForms(values.declaration, profile) : [];
  const fixed = await fixFile(loaded.bytes, profile, {
    ...(declared.length ? { otherForms: declared, pairAlone: true } : {}),
    sheet: values.sheet,
    overwriteScores: values["overwrite-scores"],
    findingsSheet: !values["no-findings-sheet"],
    summarySheet: values["summary-sheet"] ?? false,
    // the workbook's own 评分方案 unless --profile says otherwise; a 评分方案 chosen is kept in the copy's store
    preferStoredProfile: values.profile === undefined,
    ...(values.profile !== undefined ? { recordProfile: profileRecord(profile) } : {}),
  });
  if (!fixed.ok) {
    io.err(`${displayName(input)}：${displayName(fixed.message)}${fixed.code === "FORM_NOT_FOUND" ? "，未写出副本" : ""}\n`);
    return 2;
  }
  const badExtension = extensionProblem(out, fixed.macroEnabled);
  if (badExtension) throw new UsageError(`${displayName(out)}：${badExtension}`);
  try {
    await writeAtomically(out, fixed.bytes, force);
  } catch (e) {
    io.err(`无法写出 ${displayName(out)}：${writeReason(e)}（未写入任何内容）\n`);
    return 2;
  }
  const listed = fixed.findingsSheet ? `，问题清单见工作表“${fixed.findingsSheet}”` : "";
  const summed = fixed.summarySheet ? `，汇总见工作表“${fixed.summarySheet}”` : "";
  const converted = loaded.converted ? "（输入已由 LibreOffice 转换为 .xlsx）" : "";
  io.out(`已写出 ${displayName(out)}${converted}：写入 ${fixed.written} 个计算结果，标注 ${fixed.highlighted} 个单元格${listed}${summed}\n`);
  for (const note of fixed.notes) io.err(`注意：${displayName(note)}\n`);
  // the copy keeps every sheet it does not rewrite: an earlier 校验结果 would be taken for this run's
  if (fixed.staleFindingsSheet) io.err(`注意：副本中保留了此前生成的工作表“${fixed.staleFindingsSheet}”，其内容不是本次校验的结果；如不需要请手动删除，或不加 --no-findings-sheet 重新生成\n`);
  const profileUsed = profileUsedOf(fixed.result.profile, fixed.profileChoice, values.profile !== undefined);
  io.out(textReport([{ file: input, error: null, sheets: fixed.result.sheets.map((x) => x.report), profileUsed }]));
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
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
}
