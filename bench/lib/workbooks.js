/**
 * Big workbooks for the benchmarks, generated at run time from the 11 seed forms of samples/seed-forms-2023.xlsx
 * (never committed). Each copy is a realistic .xlsx as Excel writes one: a shared string table, number formats in
 * styles.xml, formulas with cached results, merged cells. Every copy is its own project: its 项目名称, 预期目标 /
 * 实际完成情况 and indicator names carry the copy's number, so the checks across forms compare distinct projects
 * (as in a province reviewer's merged workbook) and never find thousands of duplicates.
 *
 * Needs the CLI build (dist/node): the seed grids are read, and the cells to vary found, by the project's own reader
 * and engine.
 */
const { readFileSync, writeFileSync, mkdirSync } = require("node:fs");
const { join } = require("node:path");
const { Zip, ZipDeflate, strToU8 } = require("fflate");

const root = join(__dirname, "..", "..");
const dist = join(root, "dist", "node");
const SAMPLE = join(root, "samples", "seed-forms-2023.xlsx");

const escapeXml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function colName(col) {
  let s = "";
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** The seed forms as grids, with the keys of the cells that name the project (varied per copy). */
async function seedTemplates() {
  const { readWorkbook } = require(join(dist, "adapters", "xlsx", "readWorkbook"));
  const { analyzeSheet, getProfile, cellKey } = require(join(dist, "engine"));
  const reading = await readWorkbook(new Uint8Array(readFileSync(SAMPLE)));
  if (!reading.ok) throw new Error(reading.message);
  const profile = getProfile();
  const templates = [];
  for (const grid of reading.grids) {
    const a = analyzeSheet(grid, profile);
    if (!a.isForm) continue;
    const m = a.form.model;
    const vary = new Set();
    const add = (cell) => cell && vary.add(cellKey(cell.row, cell.col));
    add(m.projectName?.cell);
    add(m.goal.expected?.cell);
    add(m.goal.actual?.cell);
    for (const i of m.indicators) add(i.name.cell);
    templates.push({ grid, vary });
  }
  return templates;
}

/** Shared strings and number-format styles of the workbook being written. */
function tables() {
  const strings = new Map();
  const formats = new Map();
  return {
    string(s) {
      let i = strings.get(s);
      if (i === undefined) strings.set(s, (i = strings.size));
      return i;
    },
    style(format) {
      if (!format) return 0;
      let i = formats.get(format);
      if (i === undefined) formats.set(format, (i = formats.size + 1));
      return i;
    },
    sharedStringsXml() {
      const items = [...strings.keys()].map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`);
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.join("")}</sst>`;
    },
    stylesXml() {
      const list = [...formats.keys()];
      const numFmts = list.map((f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(f)}"/>`).join("");
      const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>', ...list.map((_f, i) => `<xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`)];
      return (
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
        (list.length ? `<numFmts count="${list.length}">${numFmts}</numFmts>` : "") +
        `<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
        `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
        `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
      );
    },
  };
}

/** One seed form as a worksheet part, its varied cells suffixed with the copy's number. */
function sheetXml(template, copy, t) {
  const { grid, vary } = template;
  const rows = new Map();
  for (const [key, cell] of grid.cells) {
    const row = Math.floor(key / 16384);
    const col = key % 16384;
    if (!rows.has(row)) rows.set(row, []);
    rows.get(row).push({ col, key, cell });
  }
  const out = [];
  for (const row of [...rows.keys()].sort((a, b) => a - b)) {
    const cells = rows.get(row).sort((a, b) => a.col - b.col);
    out.push(`<row r="${row}">`);
    for (const { col, key, cell } of cells) {
      const ref = `${colName(col)}${row}`;
      const s = t.style(cell.numberFormat);
      const sAttr = s ? ` s="${s}"` : "";
      const f = cell.formula !== undefined ? `<f>${escapeXml(cell.formula)}</f>` : "";
      const v = cell.value;
      if (typeof v === "number") out.push(`<c r="${ref}"${sAttr}>${f}<v>${v}</v></c>`);
      else if (typeof v === "boolean") out.push(`<c r="${ref}"${sAttr} t="b">${f}<v>${v ? 1 : 0}</v></c>`);
      else if (typeof v === "string" && f) out.push(`<c r="${ref}"${sAttr} t="str">${f}<v>${escapeXml(v)}</v></c>`);
      else if (typeof v === "string") out.push(`<c r="${ref}"${sAttr} t="s"><v>${t.string(vary.has(key) && v !== "" ? `${v}（${copy}）` : v)}</v></c>`);
      else out.push(`<c r="${ref}"${sAttr}>${f}</c>`);
    }
    out.push("</row>");
  }
  const merges = grid.merges.map((m) => `<mergeCell ref="${colName(m.left)}${m.top}:${colName(m.right)}${m.bottom}"/>`);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<sheetData>${out.join("")}</sheetData>${merges.length ? `<mergeCells count="${merges.length}">${merges.join("")}</mergeCells>` : ""}</worksheet>`
  );
}

/** Write the package: sheets streamed into the zip as they are made; the string table and styles last. */
function writePackage(path, count, makeSheet, t) {
  const chunks = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const add = (name, text) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(text), true);
  };
  const overrides = [];
  const rels = [];
  const sheets = [];
  for (let i = 1; i <= count; i++) {
    add(`xl/worksheets/sheet${i}.xml`, makeSheet(i));
    overrides.push(`<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`);
    rels.push(`<Relationship Id="rId${i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i}.xml"/>`);
    sheets.push(`<sheet name="表${i}" sheetId="${i}" r:id="rId${i}"/>`);
  }
  add(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${overrides.join("")}` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
  );
  add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  add(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}` +
      `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
  );
  add("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.join("")}</sheets></workbook>`);
  add("xl/sharedStrings.xml", t.sharedStringsXml());
  add("xl/styles.xml", t.stylesXml());
  zip.end();
  writeFileSync(path, Buffer.concat(chunks));
  return path;
}

/** A workbook of `forms` sheets, one seed form each (cycling through the 11), every copy its own project. */
async function formsWorkbook(path, forms, { first = 1 } = {}) {
  const templates = await seedTemplates();
  const t = tables();
  return writePackage(path, forms, (i) => sheetXml(templates[(first + i - 2) % templates.length], first + i - 1, t), t);
}

/** A folder of `files` one-form workbooks (form-0001.xlsx …), every file its own project. */
async function formsFolder(dir, files) {
  mkdirSync(dir, { recursive: true });
  const templates = await seedTemplates();
  for (let i = 1; i <= files; i++) {
    const t = tables();
    writePackage(join(dir, `form-${String(i).padStart(4, "0")}.xlsx`), 1, () => sheetXml(templates[(i - 1) % templates.length], i, t), t);
  }
  return dir;
}

module.exports = { formsWorkbook, formsFolder };
