/**
 * office.js as the Excel-mode browser test serves it (excelPane.test.ts routes the CDN's office.js here): the fake
 * Excel of the adapter tests (test/addin/fakeExcel.ts, as strict as Excel's documentation) behind the `Office` and
 * `Excel` globals, over a workbook of seed form 1 with its 执行率 and 评分等级 blank and 94 typed as its 总分. The BUILT
 * pane then runs in Excel mode in Chromium — its real Excel host, its real bundle — so the user guide can show
 * 写入计算结果 and 撤销上次写入 as they look.
 */
// the fake measures request sizes as Node does (Buffer.byteLength); the page has no Buffer
(globalThis as unknown as { Buffer: unknown }).Buffer ??= { byteLength: (text: string) => new TextEncoder().encode(text).length };

import { asContext, FakeContext, FakeSheet, FakeWorkbook } from "../../addin/fakeExcel";
import { SEED_FORMS, seedSheet } from "../../fixtures/seedForms";
import { withCells } from "../../fixtures/specCells";

const { spec, layout } = seedSheet(SEED_FORMS[0], { blank: { rates: true, grade: true } });
const book = new FakeWorkbook(FakeSheet.fromSpec(withCells(spec, [{ ...layout.at(layout.totalRow, 8), value: 94 }])));

const scope = window as unknown as Record<string, unknown>;
scope.Office = {
  HostType: { Excel: "Excel" },
  onReady: async () => ({ host: "Excel", platform: "PC" }),
  context: { requirements: { isSetSupported: () => true } },
};
scope.Excel = { run: <T,>(batch: (context: Excel.RequestContext) => Promise<T>) => batch(asContext(new FakeContext(book))) };
/** For the test: the cells as the fake workbook holds them now. */
scope.__zipingBook = book;
