/**
 * Big workbooks for the benchmarks, generated at run time from the 11 seed forms of samples/seed-forms-2023.xlsx
 * (never committed). Each sheet is a seed form's worksheet as the sample holds it (written by exceljs, as the forms
 * of a real workbook: styled and bordered cells, merges, formulas with cached results, a shared string table). Every copy is its own project: its 项目名称, 预期目标 /
 * 实际完成情况 and indicator names carry the copy's number, so the checks across forms compare distinct projects
 * (as in a province reviewer's merged workbook) and never find thousands of duplicates.
 *
 * Needs the CLI build (dist/node): the seed grids are read, and the cells to vary found, by the project's own reader
 * and engine.
 */
const { readFileSync, writeFileSync, mkdirSync } = require("node:fs");
const { join } = require("node:path");
const { Zip, ZipDeflate, strToU8, strFromU8, unzipSync } = require("fflate");

const root = join(__dirname, "..", "..");
const dist = join(root, "dist", "node");
const SAMPLE = join(root, "samples", "seed-forms-2023.xlsx");

/** The indicator rows every form of a kind has (its 满意度 row): kept as they are with `sharedRows`. */
const STANDARD_ROW = /满意/;
/** With sharedRows, every this-many-th copy keeps its seed form's indicator rows whole (INDICATORS_COPIED_FROM_OTHER_FORM). */
const COPIED_EVERY = 500;

const escapeXml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

/**
 * The seed forms as the sample holds them (their worksheet XML as written, with styles, merges and formulas), with
 * the A1 addresses of the text cells that name the project (varied per copy).
 */
async function seedTemplates() {
  const { readWorkbook } = require(join(dist, "adapters", "xlsx", "readWorkbook"));
  const { analyzeSheet, getProfile, toA1 } = require(join(dist, "engine"));
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  const reading = await readWorkbook(bytes);
  if (!reading.ok) throw new Error(reading.message);
  const parts = unzipSync(bytes);
  const profile = getProfile();
  const templates = [];
  for (const sheet of reading.sheets) {
    const a = analyzeSheet(sheet.grid, profile);
    if (!a.isForm) continue;
    const m = a.form.model;
    const vary = new Map();
    const standard = new Set();
    const indicators = new Set();
    const add = (cell, isIndicator = false) => {
      const v = cell && sheet.grid.cells.get(cell.row * 16384 + cell.col)?.value;
      if (typeof v !== "string" || v === "") return;
      vary.set(toA1(cell), v);
      if (isIndicator) indicators.add(toA1(cell));
      if (isIndicator && STANDARD_ROW.test(v)) standard.add(toA1(cell));
    };
    add(m.projectName?.cell);
    add(m.goal.expected?.cell);
    add(m.goal.actual?.cell);
    for (const i of m.indicators) add(i.name.cell, true);
    templates.push({ xml: strFromU8(parts[sheet.part]), vary, standard, indicators });
  }
  const sst = strFromU8(parts["xl/sharedStrings.xml"]);
  return { templates, strings: sst.match(/<si>[\s\S]*?<\/si>/g) ?? [], styles: strFromU8(parts["xl/styles.xml"]), theme: parts["xl/theme/theme1.xml"] };
}

/** The shared string table of the workbook being written: the sample's, then each copy's own texts. */
function tables(seed) {
  const items = [...seed.strings];
  return {
    string(s) {
      items.push(`<si><t xml:space="preserve">${escapeXml(s)}</t></si>`);
      return items.length - 1;
    },
    sharedStringsXml() {
      return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">${items.join("")}</sst>`;
    },
    stylesXml: () => seed.styles,
    theme: seed.theme,
  };
}

/**
 * One seed form's worksheet as the sample has it, its project's texts suffixed with the copy's number (with
 * `sharedRows`, all but its standard rows: every copy of a seed form keeps its 满意度 rows as they are, and one in
 * COPIED_EVERY all its indicator rows).
 */
function sheetXml(template, copy, t, sharedRows = false) {
  let xml = template.xml;
  // with sharedRows, one copy in COPIED_EVERY keeps all its indicator rows: another project's rows copied unchanged
  const copied = sharedRows && copy % COPIED_EVERY === 0;
  for (const [a1, text] of template.vary) {
    if (sharedRows && (template.standard.has(a1) || (copied && template.indicators.has(a1)))) continue;
    const index = t.string(`${text}（${copy}）`);
    xml = xml.replace(new RegExp(`(<c r="${a1}"[^>]*t="s"[^>]*>)<v>\\d+</v>`), `$1<v>${index}</v>`);
  }
  return xml;
}

/**
 * A zip written as its parts come (fflate's streaming Zip): `part(name, level)` one to push into, `add(name, text or
 * bytes)` a whole one, `save(path)` to end it and write the file.
 */
function streamingZip() {
  const chunks = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const part = (name, level = 6) => {
    const f = new ZipDeflate(name, { level });
    zip.add(f);
    return f;
  };
  return {
    part,
    add: (name, content) => part(name).push(typeof content === "string" ? strToU8(content) : content, true),
    save: (path) => {
      zip.end();
      writeFileSync(path, Buffer.concat(chunks));
    },
  };
}

/** Write the package: sheets streamed into the zip as they are made; the string table and styles last. */
function writePackage(path, count, makeSheet, t) {
  const zip = streamingZip();
  const add = zip.add;
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
      `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/></Types>`,
  );
  add("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  add(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}` +
      `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/></Relationships>`,
  );
  add("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.join("")}</sheets></workbook>`);
  add("xl/sharedStrings.xml", t.sharedStringsXml());
  add("xl/styles.xml", t.stylesXml());
  add("xl/theme/theme1.xml", t.theme);
  zip.save(path);
  return path;
}

/**
 * A workbook of `forms` sheets, one seed form each (cycling through the 11), every copy its own project; with
 * `sharedRows` the copies of a seed form share its 满意度 rows, as the forms of a real folder do (issue 23).
 */
async function formsWorkbook(path, forms, { first = 1, sharedRows = false } = {}) {
  const seed = await seedTemplates();
  const t = tables(seed);
  return writePackage(path, forms, (i) => sheetXml(seed.templates[(first + i - 2) % seed.templates.length], first + i - 1, t, sharedRows), t);
}

/** A folder of `files` one-form workbooks (form-0001.xlsx …), every file its own project. */
async function formsFolder(dir, files) {
  mkdirSync(dir, { recursive: true });
  const seed = await seedTemplates();
  for (let i = 1; i <= files; i++) {
    const t = tables(seed);
    writePackage(join(dir, `form-${String(i).padStart(4, "0")}.xlsx`), 1, () => sheetXml(seed.templates[(i - 1) % seed.templates.length], i, t), t);
  }
  return dir;
}

module.exports = { formsWorkbook, formsFolder, streamingZip };
