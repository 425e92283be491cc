/**
 * Spreadsheets the .xlsx reader does not read (.xls, .xlsb, .ods, WPS .et) are converted to .xlsx by LibreOffice
 * when it is on the machine (soffice headless, a private throw-away profile, a time limit); otherwise they are
 * FILE_UNREADABLE with the advice to save them as .xlsx. ZIPING_SOFFICE names another soffice (or "none").
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Failure, readInput } from "./fileIo";
import { SAVE_AS_XLSX } from "../adapters/xlsx/read/package";

/** Extensions read directly (zip packages of SpreadsheetML). */
export const XLSX_EXTENSIONS = /\.(xlsx|xlsm|xltx|xltm)$/i;
/** Extensions LibreOffice can turn into .xlsx. */
export const CONVERTIBLE_EXTENSIONS = /\.(xls|xlsb|ods|et|ett|fods)$/i;

const TIMEOUT_MS = 120_000;

function soffice(): string | null {
  const chosen = process.env.ZIPING_SOFFICE;
  if (chosen === "none") return null;
  return chosen || "soffice";
}

function run(cmd: string, args: string[]): Promise<{ ok: boolean; missing: boolean }> {
  return new Promise((done) =>
    execFile(cmd, args, { timeout: TIMEOUT_MS, windowsHide: true }, (e) => done({ ok: !e, missing: (e as NodeJS.ErrnoException | null)?.code === "ENOENT" })),
  );
}

/** The .xlsx bytes LibreOffice makes of a spreadsheet file, or why not. */
export async function convertToXlsx(bytes: Uint8Array, extension: string): Promise<{ ok: true; bytes: Uint8Array } | Failure> {
  const cmd = soffice();
  if (!cmd) return { ok: false, code: "FILE_UNREADABLE", message: `本机没有安装 LibreOffice，无法读取 ${extension} 文件；${SAVE_AS_XLSX}` };
  const dir = await mkdtemp(join(tmpdir(), "ziping-convert-"));
  try {
    // the input is copied first: LibreOffice then reads a regular file of ours, whatever the original path is
    const input = join(dir, `input${extension.toLowerCase()}`);
    await writeFile(input, bytes, { flag: "wx" });
    const out = join(dir, "out");
    const profile = pathToFileURL(join(dir, "profile")).href;
    const r = await run(cmd, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, input]);
    if (r.missing) return { ok: false, code: "FILE_UNREADABLE", message: `本机没有安装 LibreOffice，无法读取 ${extension} 文件；${SAVE_AS_XLSX}` };
    const made = await readdir(out).catch(() => [] as string[]);
    const xlsx = made.find((n) => /\.xlsx$/i.test(n));
    if (!r.ok || !xlsx) return { ok: false, code: "FILE_UNREADABLE", message: `LibreOffice 无法转换这个 ${extension} 文件（可能已损坏或加密）；${SAVE_AS_XLSX}` };
    const converted = readInput(join(out, xlsx));
    return converted.ok ? { ok: true, bytes: converted.bytes } : converted;
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
