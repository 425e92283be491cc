/**
 * Print an .xlsx as LibreOffice would (headless soffice → PDF) and read the PDF's words back with their positions
 * (pdftotext -bbox, Debian poppler-utils): what a reviewer who prints the 校验结果 sheet gets on paper.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface PdfWord {
  readonly page: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

export interface PdfPage {
  readonly width: number;
  readonly height: number;
  readonly words: readonly PdfWord[];
}

/** The .xlsx printed to PDF by LibreOffice with a throw-away profile; returns the PDF's path. */
export function printWithLibreOffice(xlsx: Uint8Array, name = "book.xlsx"): string {
  const dir = mkdtempSync(join(tmpdir(), "ziping-print-"));
  const profile = join(dir, "profile");
  mkdirSync(profile);
  const input = join(dir, name);
  writeFileSync(input, xlsx);
  execFileSync("soffice", [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir, input], {
    stdio: "pipe",
    timeout: 180_000,
  });
  const pdf = input.replace(/\.xlsx$/, ".pdf");
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${name}`);
  return pdf;
}

const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** Every word of every page with its box (points, origin top-left), in pdftotext's order. */
export function pdfPages(pdf: string): PdfPage[] {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "pipe" });
  } catch {
    throw new Error("pdftotext is missing: apt-get install -y poppler-utils (scripts/setup.sh installs it)");
  }
  const xhtml = execFileSync("pdftotext", ["-bbox", pdf, "-"], { stdio: "pipe", maxBuffer: 64 * 1024 * 1024 }).toString("utf8");
  const pages: PdfPage[] = [];
  for (const m of xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const page = pages.length + 1;
    const words = [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      page,
      xMin: Number(w[1]),
      yMin: Number(w[2]),
      xMax: Number(w[3]),
      yMax: Number(w[4]),
      text: decode(w[5]),
    }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

export function pdfText(pdf: string): string {
  return readFileSync(pdf).length > 0 ? execFileSync("pdftotext", ["-layout", pdf, "-"], { stdio: "pipe" }).toString("utf8") : "";
}
