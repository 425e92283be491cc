/**
 * LibreOffice headless as the test suite's independent spreadsheet engine (Debian: libreoffice-calc-nogui).
 * Each call uses a private, throw-away user profile whose settings make Calc recalculate every formula of an
 * .xlsx on load (OOXMLRecalcMode = always): by default it trusts the cached results that exceljs wrote.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** Set ZIPING_NO_LIBREOFFICE=1 to skip these tests on a machine without LibreOffice; CI must not set it. */
export const SKIP_LIBREOFFICE = process.env.ZIPING_NO_LIBREOFFICE === "1";

export function sofficeAvailable(): boolean {
  try {
    execFileSync("soffice", ["--version"], { stdio: "pipe", timeout: 60_000 });
    return true;
  } catch {
    return false;
  }
}

export interface Conversion {
  /** Converted bytes by input file name; absent when LibreOffice produced no file for it. */
  readonly outputs: ReadonlyMap<string, Uint8Array>;
  readonly log: string;
  readonly ms: number;
}

/**
 * Open every file in LibreOffice Calc (one soffice process for the batch), recalculate it and save it as
 * .xlsx again. `recalculate: false` keeps Calc's default (trust the cached results), to prove the difference.
 */
export function convertWithLibreOffice(files: ReadonlyMap<string, Uint8Array>, options: { recalculate?: boolean } = {}): Conversion {
  const dir = mkdtempSync(join(tmpdir(), "ziping-lo-"));
  const profile = join(dir, "profile");
  mkdirSync(join(profile, "user"), { recursive: true });
  if (options.recalculate ?? true) writeFileSync(join(profile, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  const inputs = [...files].map(([name, bytes]) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  });
  const out = join(dir, "out");
  mkdirSync(out);
  const started = Date.now();
  const log = execFileSync(
    "soffice",
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, ...inputs],
    { stdio: "pipe", timeout: 180_000 },
  ).toString();
  const ms = Date.now() - started;
  const outputs = new Map<string, Uint8Array>();
  for (const path of inputs) {
    const converted = join(out, basename(path));
    if (existsSync(converted)) outputs.set(basename(path), new Uint8Array(readFileSync(converted)));
  }
  return { outputs, log, ms };
}
