/**
 * @jest-environment jsdom
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { manifestProblems } from "./manifestRules";

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

  it("asks for ExcelApi 1.13 (Microsoft 365, Excel 2021/2024, Excel on the web), which covers every API set the add-in uses", () => {
    expect([...text.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(["ExcelApi 1.13"]);
    expect(text).not.toContain("<Runtimes>");
    // the newest set capabilities.ts asks isSetSupported about must not exceed the manifest's
    const capabilities = fs.readFileSync(path.join(ROOT, "src/adapters/excel/capabilities.ts"), "utf8");
    const asked = [...capabilities.matchAll(/has\("1\.(\d+)"\)/g)].map((m) => Number(m[1]));
    expect(Math.max(...asked)).toBeLessThanOrEqual(13);
  });

  describe("the rules office-addin-manifest validate leaves to its online service, checked offline (manifestRules.ts)", () => {
    const check = (xml: string) => manifestProblems(xml, ROOT, new DOMParser());

    it("manifest.xml breaks none", () => {
      expect(check(text)).toEqual([]);
    });

    it.each([
      ["a resource id over 32 characters", (t: string) => t.replaceAll('"Commands.Url"', '"Commands.Url.OfTheRibbonFunctionFile"'), /longer than 32/],
      ["a resid that names no resource", (t: string) => t.replace('<Label resid="Tab.Label" />', '<Label resid="Tab.Lable" />'), /names no resource/],
      ["an unused resource", (t: string) => t.replace("</bt:Urls>", '<bt:Url id="Spare.Url" DefaultValue="https://localhost:3000/x.html" /></bt:Urls>'), /never used/],
      ["a ShortString over 125 characters", (t: string) => t.replace('DefaultValue="绩效自评"', `DefaultValue="${"长".repeat(126)}"`), /ShortStrings .* longer than 125/],
      ["a LongString over 250 characters", (t: string) => t.replace(/(id="NewTemplate.Tooltip" DefaultValue=")[^"]*/, `$1${"长".repeat(251)}`), /LongStrings .* longer than 250/],
      ["an http URL", (t: string) => t.replace('"https://localhost:3000/commands.html"', '"http://localhost:3000/commands.html"'), /not https/],
      ["an IconUrl of the wrong size", (t: string) => t.replace('<IconUrl DefaultValue="https://localhost:3000/assets/icon-32.png" />', '<IconUrl DefaultValue="https://localhost:3000/assets/icon-64.png" />'), /IconUrl .* is 64×64, not 32×32/],
      ["a button icon without its 80px image", (t: string) => t.replace('<bt:Image size="80" resid="Icon.80x80" />', ""), /no 80px image/],
      ["a control id used twice", (t: string) => t.replace('id="Ziping.NewTemplate"', 'id="Ziping.OpenPane"'), /used twice/],
      ["an Id that is no GUID", (t: string) => t.replace(/<Id>[^<]+<\/Id>/, "<Id>ziping</Id>"), /no GUID/],
    ])("catches %s", (_name, change, problem) => {
      const broken = change(text);
      expect(broken).not.toBe(text);
      expect(check(broken).join("\n")).toMatch(problem);
    });
  });
});
