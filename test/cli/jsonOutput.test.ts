/**
 * The JSON report written in pieces (issue 12): byte for byte JSON.stringify(value, null, 2) + "\n", so every reader
 * of the report (and every existing test) sees the same text; no piece longer than needed, so a report of 20,000 forms
 * (longer than any one V8 string) can be written at all.
 */
import { ByteOut, JsonSink, writeJson, writeJsonTo } from "../../src/cli/jsonOutput";

const text = (value: unknown, options?: { depth?: number; chunk?: number }) => {
  const pieces: string[] = [];
  writeJson((t) => pieces.push(t), value, options);
  return { all: pieces.join(""), pieces };
};

const report = {
  schemaVersion: 1,
  profile: "putuo-2023",
  files: [
    { file: "a\n.xlsx", error: null, sheets: [{ sheet: "表1", isForm: true, form: { funds: [], total: { declared: "96.37", computed: null } }, findings: [{ code: "X", cells: ["H16", "I16"], message: "“引号”\t与\\反斜杠" }], forms: [] }] },
    { file: "b.xlsx", error: { code: "FILE_UNREADABLE", message: "文件已损坏" }, sheets: [] },
  ],
  skipped: [],
  summary: { files: 2, forms: 1, errors: 0, warnings: 1, infos: 0 },
};

describe("writeJson", () => {
  it.each([
    ["a report", report],
    ["empty containers", { a: [], b: {}, c: [[]], d: [{}] }],
    ["left out like JSON.stringify: undefined and functions in objects, null for them in arrays", { a: undefined, b: () => 1, c: [undefined, () => 1, 2], d: "x" }],
    ["numbers JSON cannot hold, and toJSON", { n: NaN, i: Infinity, z: -0, at: new Date(Date.UTC(2026, 10, 25)) }],
    ["scalars at the top", "文本"],
    ["null at the top", null],
    ["deep nesting past the opened depth", { a: [[[[[[1, { b: [2, [3]] }]]]]]] }],
  ])("%s: the bytes of JSON.stringify(v, null, 2)", (_n, value) => {
    for (const depth of [0, 1, 2, 4, 8]) for (const chunk of [1, 64, 1 << 16]) expect(text(value, { depth, chunk }).all).toBe(JSON.stringify(value, null, 2) + "\n");
  });

  it("writes a long array in pieces of about the chunk size, never as one string", () => {
    const sheets = Array.from({ length: 2000 }, (_v, i) => ({ sheet: `表${i + 1}`, findings: [{ code: "DEVIATION_MISSING", message: "得分低于分值，但未填写偏差原因分析及改进措施".repeat(4) }] }));
    const value = { files: [{ file: "big.xlsx", sheets }] };
    const { all, pieces } = text(value, { chunk: 1 << 16 });
    expect(all).toBe(JSON.stringify(value, null, 2) + "\n");
    const longest = Math.max(...pieces.map((p) => p.length));
    expect(pieces.length).toBeGreaterThan(all.length / (1 << 17));
    expect(longest).toBeLessThan((1 << 16) + 2000);
  });
});

describe("ByteOut: text and JSON already encoded, moved to its indentation, as UTF-8 in chunks", () => {
  const form = { 项目名称: "甲“乙”\n丙", scores: [1, 2.5, null], nested: { a: [{ b: "c" }] } };
  const json = new TextEncoder().encode(JSON.stringify(form, null, 2));

  it.each([1, 2, 3, 7, 64, 1 << 20])("chunks of %i bytes give the bytes of the stringified whole (a character cut between chunks kept whole)", (size) => {
    const chunks: Uint8Array[] = [];
    // (flush must be done with a chunk when it returns: the buffer is filled again)
    const out = new ByteOut((c) => chunks.push(Uint8Array.from(c)), size);
    out.text('{\n  "甲": ');
    out.indented({ json, indent: 2 });
    out.text(',\n  "乙": [\n    ');
    out.indented({ json, indent: 4 });
    out.text("\n  ]\n}");
    out.drain();
    const text = new TextDecoder().decode(Buffer.concat(chunks));
    expect(text).toBe(JSON.stringify({ 甲: form, 乙: [form] }, null, 2));
  });

  it("writeJsonTo: through bytes or through text, the same characters", () => {
    const write = (sink: JsonSink) => {
      sink.text("[\n  ");
      sink.indented({ json, indent: 2 });
      sink.text(',\n  "中文"\n]');
    };
    const bytes: Uint8Array[] = [];
    writeJsonTo(() => undefined, write, (c) => bytes.push(Uint8Array.from(c)));
    let text = "";
    writeJsonTo((t) => (text += t), write);
    expect(new TextDecoder().decode(Buffer.concat(bytes))).toBe(text);
    expect(text).toBe(JSON.stringify([form, "中文"], null, 2) + "\n");
  });
});
