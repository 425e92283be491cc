/**
 * The in-place sheet edit on the shapes a sheet part can have: a written cell replaced, inserted in column order,
 * in a new row in row order, in a self-closing row, in an empty sheetData, among cells without addresses, under a
 * namespace prefix; the previous run's rules replaced; every other byte kept.
 */
import { cellRef, CellWrite, PlanMark } from "../../../src/engine";
import { editSheet, SheetStyles } from "../../../src/adapters/xlsx/write/editSheet";

const styles: SheetStyles = {
  styleWithFormat: (s, f) => (f === "0.00" ? 100 + s : -1),
  highlightDxf: (k) => (k === "error" ? 7 : 8),
  isOwnFill: (d) => d === 7,
};

const W = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
const write = (a1: [number, number], value: number | string, numberFormat?: string): CellWrite => ({
  cell: cellRef("s", a1[0], a1[1]),
  value,
  kind: "totalScore",
  previous: { value: null },
  ...(numberFormat ? { numberFormat } : {}),
});
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | null) => (b ? new TextDecoder().decode(b) : null);

it.each([
  [
    "replaces an existing cell, keeping its style",
    `${W}<sheetData><row r="2"><c r="A2" s="3"><v>1</v></c><c r="B2" s="4" t="s"><v>0</v></c></row></sheetData></worksheet>`,
    [write([2, 2], 96.37)],
    `${W}<sheetData><row r="2"><c r="A2" s="3"><v>1</v></c><c r="B2" s="4"><v>96.37</v></c></row></sheetData></worksheet>`,
  ],
  [
    "inserts in column order and drops the row's spans hint",
    `${W}<sheetData><row r="2" spans="1:3"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row></sheetData></worksheet>`,
    [write([2, 2], "优"), write([2, 4], 4)],
    `${W}<sheetData><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="inlineStr"><is><t>优</t></is></c><c r="C2"><v>3</v></c><c r="D2"><v>4</v></c></row></sheetData></worksheet>`,
  ],
  [
    "a new row goes before the first row past it, and at the end",
    `${W}<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="5"><c r="A5"><v>5</v></c></row></sheetData></worksheet>`,
    [write([3, 1], 3), write([9, 1], 9)],
    `${W}<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="3"><c r="A3"><v>3</v></c></row><row r="5"><c r="A5"><v>5</v></c></row><row r="9"><c r="A9"><v>9</v></c></row></sheetData></worksheet>`,
  ],
  [
    "a self-closing row and an empty sheetData open up",
    `${W}<sheetData><row r="4" ht="20" customHeight="1"/></sheetData></worksheet>`,
    [write([4, 2], 2, "0.00")],
    `${W}<sheetData><row r="4" ht="20" customHeight="1"><c r="B4" s="100"><v>2</v></c></row></sheetData></worksheet>`,
  ],
  [
    "cells without addresses get theirs before a cell is inserted among them",
    `${W}<sheetData><row r="7"><c><v>1</v></c><c><v>3</v></c></row></sheetData></worksheet>`,
    [write([7, 3], 9)],
    `${W}<sheetData><row r="7"><c r="A7"><v>1</v></c><c r="B7"><v>3</v></c><c r="C7"><v>9</v></c></row></sheetData></worksheet>`,
  ],
  [
    "a prefixed namespace is written with its prefix",
    '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData/></x:worksheet>',
    [write([1, 1], "a&b")],
    '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a&amp;b</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
  ],
])("%s", (_n, input, writes, expected) => {
  expect(dec(editSheet("s.xml", enc(input), writes, [], styles))).toBe(expected);
});

it("replaces the previous run's tagged (and legacy untagged) rules, keeps the user's, puts ours before dataValidations", () => {
  const ours = '<conditionalFormatting sqref="H16"><cfRule type="expression" dxfId="7" priority="3"><formula>LEN("ziping:error")&gt;0</formula></cfRule></conditionalFormatting>';
  const legacy = '<conditionalFormatting sqref="H17"><cfRule type="expression" dxfId="7" priority="4"><formula>TRUE</formula></cfRule></conditionalFormatting>';
  const users = '<conditionalFormatting sqref="A1:A9"><cfRule type="cellIs" dxfId="2" priority="5" operator="lessThan"><formula>0</formula></cfRule></conditionalFormatting>';
  const input = `${W}<sheetData/>${ours}${users}${legacy}<dataValidations count="0"/><pageMargins left="0.7"/></worksheet>`;
  const highlights: PlanMark[] = [{ cell: cellRef("s", 6, 8), kind: "error" }];
  const out = dec(editSheet("s.xml", enc(input), [], highlights, styles))!;
  expect(out).toBe(
    `${W}<sheetData/>${users}<conditionalFormatting sqref="H6"><cfRule type="expression" dxfId="7" priority="6"><formula>LEN(&quot;ziping:error&quot;)&gt;0</formula></cfRule></conditionalFormatting><dataValidations count="0"/><pageMargins left="0.7"/></worksheet>`,
  );
});

it("keeps every other byte, UTF-8 text included, and says null when nothing changes", () => {
  const input = `${W}<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>项目名称：单兵设备 &amp; 其他</t></is></c></row></sheetData><!-- 注释 --></worksheet>`;
  expect(editSheet("s.xml", enc(input), [], [], styles)).toBeNull();
  const out = dec(editSheet("s.xml", enc(input), [write([1, 2], "甲")], [], styles))!;
  expect(out).toBe(input.replace("</c></row>", '</c><c r="B1" t="inlineStr"><is><t>甲</t></is></c></row>'));
});
