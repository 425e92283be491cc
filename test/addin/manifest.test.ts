import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const ROOT = path.resolve(__dirname, "../..");
const XSD = path.resolve(ROOT, "test/manifest-xsd/OfficeAppManifestV1_1.xsd");
const MANIFEST = path.join(ROOT, "manifest.xml");
const text = fs.readFileSync(MANIFEST, "utf8");

function validate(file: string): { valid: boolean; errors?: string[] } {
  const out = execFileSync(process.execPath, [path.join(__dirname, "validateManifest.mjs"), XSD, file], { encoding: "utf8" });
  return JSON.parse(out);
}

describe("manifest.xml", () => {
  it("validates against the Office add-in manifest XSDs (libxml2-wasm, offline)", () => {
    expect(fs.existsSync(XSD)).toBe(true);
    expect(validate(MANIFEST)).toEqual({ valid: true });
  });

  it("is rejected by the same validator when broken (the test can fail)", () => {
    const bad = path.join(os.tmpdir(), `ziping-bad-manifest-${process.pid}.xml`);
    fs.writeFileSync(bad, text.replace("<Version>1.0.0.0</Version>", "<Version>1.0.0.0.0</Version>"));
    try {
      const result = validate(bad);
      expect(result.valid).toBe(false);
      expect(result.errors?.join("\n")).toMatch(/Version/);
    } finally {
      fs.unlinkSync(bad);
    }
  });

  it("has the three ribbon buttons with Chinese labels and the function names commands.ts registers", () => {
    for (const label of ["校验并计分", "打开面板", "新建自评表", "绩效自评"]) expect(text).toContain(`DefaultValue="${label}"`);
    const functions = [...text.matchAll(/<FunctionName>(\w+)<\/FunctionName>/g)].map((m) => m[1]);
    expect(functions.sort()).toEqual(["newTemplate", "validateAndScore"]);
    const commands = fs.readFileSync(path.join(ROOT, "src/commands/commands.ts"), "utf8");
    for (const f of functions) expect(commands).toContain(`"${f}"`);
  });

  it("points only at https://localhost:3000 and at icons that exist in assets/", () => {
    const urls = [...text.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u.startsWith("https://localhost:3000/")).toBe(true);
    for (const u of urls.filter((x) => x.includes("/assets/"))) {
      expect(fs.existsSync(path.join(ROOT, new URL(u).pathname))).toBe(true);
    }
  });

  it("asks only for ExcelApi 1.4 in the base manifest (newer sets are checked at run time)", () => {
    expect([...text.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(["ExcelApi 1.4"]);
    expect(text).not.toContain("<Runtimes>");
  });
});
