/**
 * The scanner (src/adapters/xlsx/read/scanXml.ts) against saxes: on whatever it reads itself it reports saxes's events
 * (names, attributes in order, text with entities and line ends resolved) and meets the limits where saxes does, with
 * the same message; on anything else it falls back (FALL_BACK), and the part is read again with saxes, whose verdict
 * stands. Table-driven for the constructs, fast-check for random parts cut into random chunks; and a worksheet as
 * spreadsheet programs write it is read by the scanner itself (no falling back).
 */
import fc from "fast-check";
import { WorkbookError } from "../../../src/adapters/xlsx/limits";
import { FALL_BACK, ScanHandlers } from "../../../src/adapters/xlsx/read/scanXml";
import { PartParser, saxesPart, scanPart, XML_LIMITS, XmlLimits } from "../../../src/adapters/xlsx/read/xml";

type Outcome = { readonly events: string[] } | { readonly error: string } | "fall back";

/**
 * The events of a part read by `parse`, fed in chunks cut at `cuts` (byte offsets), adjacent texts joined. Text outside
 * the root (white space: saxes reports some of it, the scanner none) is left out: no reader of a part looks at it.
 */
function outcome(parse: PartParser, xml: string | Uint8Array, cuts: readonly number[] = [], limits: XmlLimits = XML_LIMITS): Outcome {
  const bytes = typeof xml === "string" ? new TextEncoder().encode(xml) : xml;
  const events: string[] = [];
  let text = "";
  let depth = 0;
  const flush = () => {
    if (text !== "") events.push(`text ${JSON.stringify(text)}`);
    text = "";
  };
  const handlers: ScanHandlers = {
    open(name, a) {
      flush();
      const attributes: string[] = [];
      for (let i = 0; i < a.length; i++) attributes.push(`${a.name(i)}=${JSON.stringify(a.value(i))}`);
      events.push(`open ${name} ${attributes.join(" ")} r=${JSON.stringify(a.get("r") ?? null)}`);
      depth++;
    },
    close(name) {
      flush();
      events.push(`close ${name}`);
      depth--;
    },
    text(s, start, end) {
      if (depth > 0) text += s.slice(start, end);
    },
  };
  const points = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length))].sort((a, b) => a - b);
  try {
    parse(
      "xl/worksheets/sheet1.xml",
      (write) => {
        let from = 0;
        for (const at of [...points, bytes.length]) {
          write(bytes.subarray(from, at));
          from = at;
        }
      },
      handlers,
      limits,
    );
  } catch (e) {
    if (e === FALL_BACK) return "fall back";
    if (e instanceof WorkbookError) return { error: `${e.code} ${e.message}` };
    throw e;
  }
  flush();
  return { events };
}

/** The scanner's outcome, and saxes's; the scanner's must be saxes's unless it fell back. */
function both(xml: string | Uint8Array, cuts: readonly number[] = [], limits?: XmlLimits) {
  return { scanned: outcome(scanPart, xml, cuts, limits), saxes: outcome(saxesPart, xml, cuts, limits) };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

describe("what the scanner reads itself: saxes's events", () => {
  it.each([
    ["a worksheet as Excel writes it", `${DECL}<worksheet ${NS} xmlns:r="r"><dimension ref="A1:B2"/><sheetData><row r="1" spans="1:2"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1"><f>SUM(A1:A2)</f><v>3.5</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`],
    ["entities and character references in text and attributes", `<a b="x &amp; y &lt;&gt; &#65;&#x4e2d;&quot;&apos;">甲 &amp; 乙 &#x1F600; &#10;</a>`],
    ["line ends: CR LF and CR in text, tab/LF/CR in attribute values, a CR written as a reference kept", `<a b="1\r\n2\t3\n4\r5" c="&#13;&#9;">x\r\ny\rz&#13;</a>`],
    ["a prefixed namespace, single quotes, white space around =, before > and />", `<x:worksheet xmlns:x='u'><x:c   r = 'A1'  t="s" ><x:v>1</x:v></x:c ><x:c r="A2"  /></x:worksheet >`],
    ["comments before, inside and after the root; white space around it", `\n<!-- before --> <a><!----><!-- a - b -->t<b/></a>\n<!-- after -->\n`],
    ["CDATA (its text as it is, line ends normalised)", `<a><![CDATA[<b>&amp;\r\n]]]]><![CDATA[>]]></a>`],
    ["a declaration with single quotes, no encoding", `<?xml version='1.0'?><a/>`],
    ["16 and more attributes (a set checks them for repeats)", `<a ${Array.from({ length: 40 }, (_x, i) => `a${i}="${i}"`).join(" ")}/>`],
    ["a name with digits, dots, dashes, underscores and colons", `<_a.b-c:d9 x_.-9:y="1"/>`],
    ["surrogate pairs in text and attributes", `<a b="𠀀">𠀀𝌆</a>`],
  ])("%s", (_what, xml) => {
    const { scanned, saxes } = both(xml);
    expect(scanned).not.toBe("fall back");
    expect(scanned).toEqual(saxes);
    // cut into chunks everywhere, it reads the same
    const bytes = new TextEncoder().encode(xml);
    for (let at = 1; at < bytes.length; at += 3) expect(outcome(scanPart, bytes, [at, at + 1, at + 7])).toEqual(saxes);
  });
});

describe("what it leaves to saxes: it falls back, and saxes's verdict stands", () => {
  it.each([
    ["a DOCTYPE", `<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>`],
    ["a processing instruction", `<?xml version="1.0"?><?pi data?><a/>`],
    ["XML 1.1", `<?xml version="1.1"?><a/>`],
    ["a name outside ASCII", `<表 a="1"/>`],
    ["an undefined entity", `<a>&nbsp;</a>`],
    ["a bare &", `<a>a & b</a>`],
    ["< in an attribute value", `<a b="<"/>`],
    ["a duplicate attribute", `<a b="1" b="2"/>`],
    ["a duplicate among many", `<a ${Array.from({ length: 20 }, (_x, i) => `a${i}="1"`).join(" ")} a3="2"/>`],
    ["attributes without white space between them", `<a b="1"c="2"/>`],
    ["a mismatched end tag", `<a><b></a></b>`],
    ["an unclosed root", `<a><b/>`],
    ["two roots", `<a/><b/>`],
    ["text outside the root", `x<a/>`],
    ["]]> in text", `<a>]]></a>`],
    ["-- inside a comment", `<a><!-- a -- b --></a>`],
    ["a control character", `<a>\u0001</a>`],
    ["an unquoted attribute", `<a b=1/>`],
    ["a declaration after white space", ` <?xml version="1.0"?><a/>`],
    ["an empty part", ``],
    ["a character reference to a control character", `<a>&#1;</a>`],
  ])("%s", (_what, xml) => {
    const { scanned, saxes } = both(xml);
    expect(scanned).toBe("fall back");
    expect(saxes).toBeDefined();
  });

  it("the limits are met where saxes meets them, with its message", () => {
    const limits: XmlLimits = { depth: 3, attributes: 2, run: 50, elements: 6 };
    for (const xml of [
      "<a><b><c><d/></c></b></a>",
      '<a><b x="1" y="2" z="3"/></a>',
      '<a><b x="1" y="2" z="3" x="4"/></a>',
      "<a><b/><b/><b/><b/><b/><b/></a>",
      `<a>${"x".repeat(60)}</a>`,
      `<a><b y="${"x".repeat(60)}"/></a>`,
      `<a>${"<b/>".repeat(3)}${"x".repeat(60)}<c/></a>`,
    ]) {
      const { scanned, saxes } = both(xml, [], limits);
      expect(scanned).toEqual(saxes);
      expect("error" in (saxes as object)).toBe(true);
    }
  });
});

/** Pieces a part is made of: most well formed, some not. */
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('<c r="A1" t="s"><v>1</v></c>', '<c r="B2" s="3"><f t="shared" si="0" ref="B2:B9">A1*2</f><v>2</v></c>', '<row r="1" spans="1:3">', "</row>", '<c r="C3" t="inlineStr"><is><r><t>甲</t></r><rPh><t>jia</t></rPh></is></c>', '<mergeCell ref="A1:B2"/>') },
  { weight: 3, arbitrary: fc.constantFrom("<a>", "</a>", "<b/>", "text", " ", "\n", "\r\n", "\r", "&amp;", "&#x4e2d;", "<!-- c -->", "<![CDATA[x<y]]>", '<x:e p:q="v"/>') },
  { weight: 1, arbitrary: fc.constantFrom("<", ">", "&", "&bad;", '"', "]]>", "<!DOCTYPE a>", "<?pi?>", "\u0001", "</", "<a b='1' b='2'/>", "--", "<表/>", "\uFFFE") },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
);

describe("random parts, cut into random chunks", () => {
  it("the scanner gives saxes's outcome, or falls back", () => {
    let read = 0;
    let limited = 0;
    fc.assert(
      fc.property(fc.boolean(), fc.array(piece, { maxLength: 30 }), fc.array(fc.nat(400), { maxLength: 6 }), fc.boolean(), (decl, pieces, cuts, tight) => {
        const xml = `${decl ? DECL : ""}<worksheet ${NS}><sheetData>${pieces.join("")}</sheetData></worksheet>`;
        const limits = tight ? { depth: 5, attributes: 3, run: 40, elements: 12 } : XML_LIMITS;
        const { scanned, saxes } = both(xml, cuts, limits);
        if (scanned !== "fall back") {
          expect(scanned).toEqual(saxes);
          read++;
          if ("error" in scanned) limited++;
        }
      }),
      { numRuns: 3000 },
    );
    // the comparison is not empty: many parts are read by the scanner itself, some stopped by a limit
    expect(read).toBeGreaterThan(300);
    expect(limited).toBeGreaterThan(30);
  });

  it("well-formed parts of the usual constructs are read by the scanner itself", () => {
    const usual = fc.constantFrom('<c r="A1" t="s"><v>1</v></c>', '<c r="B2"><f>A1&amp;"x"</f><v>2</v></c>', "<a>", "</a>", "text", "\r\n", "&#x4e2d;", "<!-- c -->", "<![CDATA[x<y]]>");
    fc.assert(
      fc.property(fc.array(usual, { maxLength: 30 }), fc.array(fc.nat(400), { maxLength: 6 }), (pieces, cuts) => {
        // balance the <a>s
        let depth = 0;
        const body = pieces.filter((p) => (p === "<a>" ? ++depth > 0 : p === "</a>" ? depth > 0 && depth-- > 0 : true)).join("") + "</a>".repeat(depth);
        const { scanned, saxes } = both(`${DECL}<worksheet ${NS}>${body}</worksheet>`, cuts);
        expect(scanned).not.toBe("fall back");
        expect(scanned).toEqual(saxes);
      }),
      { numRuns: 1000 },
    );
  });
});
