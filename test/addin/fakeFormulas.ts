/**
 * The fake Excel's calculation: enough of Excel's formula language to recalculate the formulas a 自评表 holds
 * (SUM, ROUND/ROUNDDOWN/ROUNDUP, MIN/MAX/ABS, IF, + - * / ^ & and comparisons, cell references and ranges on the
 * same sheet), in JavaScript doubles as Excel computes. Anything else evaluates to #NAME? — a formula the fake
 * cannot calculate is never given a made-up value. Written for the fake only, independently of the add-in's code,
 * so that a bug in one is not hidden by the same bug in the other.
 */
import type { CellValue } from "../../src/engine";

type Value = number | string | boolean | null;
type Ref = { kind: "ref"; top: number; left: number; bottom: number; right: number };
type Operand = Value | Ref;

const ERR = (v: unknown): v is string => typeof v === "string" && /^#[A-Z/0!?]+[!?]?$/.test(v) && v.length <= 8;

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

class Parser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly get: (row: number, col: number) => CellValue,
  ) {}

  run(): Value {
    const v = this.expr();
    this.ws();
    if (this.i < this.s.length) return "#NAME?";
    return this.scalar(v);
  }

  private ws(): void {
    while (this.s[this.i] === " ") this.i++;
  }

  private peek(t: string): boolean {
    this.ws();
    return this.s.startsWith(t, this.i);
  }

  private eat(t: string): boolean {
    if (!this.peek(t)) return false;
    this.i += t.length;
    return true;
  }

  private scalar(v: Operand): Value {
    if (v !== null && typeof v === "object") {
      if (v.top !== v.bottom || v.left !== v.right) return "#VALUE!";
      const c = this.get(v.top, v.left);
      return c ?? 0;
    }
    return v;
  }

  private num(v: Operand): number | string {
    const s = this.scalar(v);
    if (ERR(s)) return s;
    if (typeof s === "number") return s;
    if (typeof s === "boolean") return s ? 1 : 0;
    if (s === null || s === "") return 0;
    const n = Number(String(s).replace(/,/g, ""));
    return String(s).trim() !== "" && Number.isFinite(n) ? n : "#VALUE!";
  }

  private expr(): Operand {
    let left = this.concat();
    for (;;) {
      const op = ["<=", ">=", "<>", "=", "<", ">"].find((o) => this.peek(o));
      if (!op) return left;
      this.i += op.length;
      const right = this.concat();
      const a = this.scalar(left);
      const b = this.scalar(right);
      if (ERR(a)) return a;
      if (ERR(b)) return b;
      const x = a ?? 0;
      const y = b ?? 0;
      const cmp = x < y ? -1 : x > y ? 1 : 0;
      left = { "=": cmp === 0, "<>": cmp !== 0, "<": cmp < 0, ">": cmp > 0, "<=": cmp <= 0, ">=": cmp >= 0 }[op]!;
    }
  }

  private concat(): Operand {
    let left = this.additive();
    while (this.eat("&")) {
      const a = this.scalar(left);
      const b = this.scalar(this.additive());
      left = ERR(a) ? a : ERR(b) ? b : `${a ?? ""}${b ?? ""}`;
    }
    return left;
  }

  private additive(): Operand {
    let left = this.term();
    for (;;) {
      const op = this.peek("+") ? "+" : this.peek("-") ? "-" : null;
      if (!op) return left;
      this.i++;
      const a = this.num(left);
      const b = this.num(this.term());
      left = typeof a === "string" ? a : typeof b === "string" ? b : op === "+" ? a + b : a - b;
    }
  }

  private term(): Operand {
    let left = this.power();
    for (;;) {
      const op = this.peek("*") ? "*" : this.peek("/") ? "/" : null;
      if (!op) return left;
      this.i++;
      const a = this.num(left);
      const b = this.num(this.power());
      left = typeof a === "string" ? a : typeof b === "string" ? b : op === "*" ? a * b : b === 0 ? "#DIV/0!" : a / b;
    }
  }

  private power(): Operand {
    const left = this.unary();
    if (!this.eat("^")) return left;
    const a = this.num(left);
    const b = this.num(this.unary());
    return typeof a === "string" ? a : typeof b === "string" ? b : a ** b;
  }

  private unary(): Operand {
    if (this.eat("-")) {
      const v = this.num(this.unary());
      return typeof v === "string" ? v : -v;
    }
    if (this.eat("+")) return this.unary();
    const v = this.primary();
    if (this.eat("%")) {
      const n = this.num(v);
      return typeof n === "string" ? n : n / 100;
    }
    return v;
  }

  private primary(): Operand {
    this.ws();
    const rest = this.s.slice(this.i);
    let m = /^(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)/.exec(rest);
    if (m) {
      this.i += m[1].length;
      return Number(m[1]);
    }
    if (rest.startsWith('"')) {
      const end = this.s.indexOf('"', this.i + 1);
      if (end < 0) return "#NAME?";
      const text = this.s.slice(this.i + 1, end);
      this.i = end + 1;
      return text;
    }
    if (this.eat("(")) {
      const v = this.expr();
      return this.eat(")") ? v : "#NAME?";
    }
    m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?(?![A-Z0-9_(!])/i.exec(rest);
    if (m) {
      this.i += m[0].length;
      const r1 = Number(m[2]);
      const c1 = colNumber(m[1]);
      const r2 = m[4] ? Number(m[4]) : r1;
      const c2 = m[3] ? colNumber(m[3]) : c1;
      return { kind: "ref", top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
    }
    m = /^([A-Z][A-Z0-9.]*)\(/i.exec(rest);
    if (m) {
      this.i += m[0].length;
      const args: Operand[] = [];
      if (!this.eat(")")) {
        do args.push(this.expr());
        while (this.eat(","));
        if (!this.eat(")")) return "#NAME?";
      }
      return this.call(m[1].toUpperCase(), args);
    }
    if (/^(TRUE|FALSE)(?![A-Z0-9_(])/i.test(rest)) {
      const t = /^TRUE/i.test(rest);
      this.i += t ? 4 : 5;
      return t;
    }
    this.i = this.s.length + 1; // unknown token: the whole formula is #NAME?
    return "#NAME?";
  }

  /** Numbers of a SUM/MIN/MAX argument: a range's numbers (text and blanks skipped), or the argument itself. */
  private numbers(a: Operand): number[] | string {
    if (a !== null && typeof a === "object") {
      const out: number[] = [];
      for (let r = a.top; r <= a.bottom; r++) {
        for (let c = a.left; c <= a.right; c++) {
          const v = this.get(r, c);
          if (ERR(v)) return v;
          if (typeof v === "number") out.push(v);
        }
      }
      return out;
    }
    const n = this.num(a);
    return typeof n === "string" ? n : [n];
  }

  private call(name: string, args: Operand[]): Value {
    const all = (): number[] | string => {
      const out: number[] = [];
      for (const a of args) {
        const ns = this.numbers(a);
        if (typeof ns === "string") return ns;
        out.push(...ns);
      }
      return out;
    };
    const round = (mode: (x: number) => number): Value => {
      const x = this.num(args[0]);
      const d = args.length > 1 ? this.num(args[1]) : 0;
      if (typeof x === "string") return x;
      if (typeof d === "string") return d;
      const f = 10 ** d;
      return mode(Number((Math.abs(x) * f).toPrecision(15))) / f * Math.sign(x);
    };
    switch (name) {
      case "SUM": {
        const ns = all();
        return typeof ns === "string" ? ns : ns.reduce((s, n) => s + n, 0);
      }
      case "MIN":
      case "MAX": {
        const ns = all();
        if (typeof ns === "string") return ns;
        return ns.length === 0 ? 0 : name === "MIN" ? Math.min(...ns) : Math.max(...ns);
      }
      case "ABS": {
        const x = this.num(args[0]);
        return typeof x === "string" ? x : Math.abs(x);
      }
      case "ROUND":
        return round(Math.round);
      case "ROUNDDOWN":
        return round(Math.floor);
      case "ROUNDUP":
        return round(Math.ceil);
      case "IF": {
        const c = this.scalar(args[0]);
        if (ERR(c)) return c;
        const yes = Boolean(typeof c === "string" ? c !== "" : c);
        const chosen = yes ? args[1] : args[2];
        return chosen === undefined ? yes : this.scalar(chosen);
      }
      default:
        return "#NAME?";
    }
  }
}

/** The value of a formula (without "="), reading cells through `get` (1-based row, col; null for an empty cell). */
export function evaluateFormula(formula: string, get: (row: number, col: number) => CellValue): CellValue {
  if (/!/.test(formula)) return "#NAME?"; // references to other sheets are not modelled
  return new Parser(formula, get).run();
}

/** Whether a cell value is one of Excel's error values (#NAME?, #VALUE!, #DIV/0!, …). */
export function isErrorValue(v: unknown): boolean {
  return ERR(v);
}
