/**
 * `JSON.stringify(value, null, 2)`, written in pieces: the same bytes, without ever holding the whole text. A report of
 * 20,000 forms is some 560 MB of JSON, past the longest string V8 can make (2^29 − 24 characters); written piece by
 * piece it never needs more than the largest piece. Arrays and objects are opened down to `depth` levels; anything
 * deeper is one JSON.stringify (a sheet's report: a few tens of KB).
 */

/** Whether JSON.stringify leaves a value out of an object (and writes null for it in an array). */
export function omitted(v: unknown): boolean {
  return v === undefined || typeof v === "function" || typeof v === "symbol";
}

/**
 * One value stringified as it would be at `indent` inside the whole (its lines after the first moved right): wrapped in
 * as many one-element arrays as it is levels deep, stringified once, and the wrapping cut off again — no second pass
 * over the text to indent it.
 */
export function piece(value: unknown, indent: string): string {
  const levels = indent.length / 2;
  let wrapped = value;
  for (let i = 0; i < levels; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // "[\n  " + "[\n    " + … before the value, "\n  ]" + "\n]" after it
  let head = 0;
  let tail = 0;
  for (let i = 1; i <= levels; i++) {
    head += 2 + 2 * i;
    tail += 2 + 2 * (i - 1);
  }
  return text.slice(head, text.length - tail);
}

function* pieces(value: unknown, indent: string, depth: number): Generator<string> {
  const v = value !== null && typeof value === "object" && typeof (value as { toJSON?: unknown }).toJSON === "function" ? (value as { toJSON(): unknown }).toJSON() : value;
  if (depth <= 0 || v === null || typeof v !== "object") {
    yield piece(v, indent);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) {
      yield "[]";
      return;
    }
    yield "[";
    for (let i = 0; i < v.length; i++) {
      yield `${i === 0 ? "" : ","}\n${inner}`;
      if (omitted(v[i])) yield "null";
      else yield* pieces(v[i], inner, depth - 1);
    }
    yield `\n${indent}]`;
    return;
  }
  const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => !omitted(x));
  if (entries.length === 0) {
    yield "{}";
    return;
  }
  yield "{";
  for (let i = 0; i < entries.length; i++) {
    const [k, x] = entries[i];
    yield `${i === 0 ? "" : ","}\n${inner}${JSON.stringify(k)}: `;
    yield* pieces(x, inner, depth - 1);
  }
  yield `\n${indent}}`;
}

/**
 * Write `value` as `JSON.stringify(value, null, 2) + "\n"` through `out`, in pieces of at most about `chunk` characters
 * (more only when one value opened no further is longer).
 * @example writeJson((t) => process.stdout.write(t), report, { depth: 4 })
 */
export function writeJson(out: (text: string) => void, value: unknown, options: { readonly depth?: number; readonly chunk?: number } = {}): void {
  writePieces(out, pieces(value, "", options.depth ?? 4), options.chunk);
}

/** Pieces of text written through `out` in chunks of at least `chunk` characters (the last one shorter), then "\n". */
export function writePieces(out: (text: string) => void, all: Iterable<string>, chunk = 1 << 16): void {
  let buffered: string[] = [];
  let size = 0;
  for (const p of all) {
    buffered.push(p);
    size += p.length;
    if (size >= chunk) {
      out(buffered.join(""));
      buffered = [];
      size = 0;
    }
  }
  buffered.push("\n");
  out(buffered.join(""));
}

/** Text already written out as UTF-8 JSON at indent 0, to be placed `indent` spaces deep (every line after its first moved right). */
export interface IndentedJson {
  readonly json: Uint8Array;
  readonly indent: number;
}

const NEWLINE = 0x0a;
const BLANK = 0x20;

/**
 * UTF-8 out in chunks of about `size` bytes handed to `flush`, which must be done with them when it returns: the one
 * buffer is filled again. Text is encoded into the chunk; JSON already encoded is copied in, moved to its indentation
 * on the way — the report's forms are written by copying bytes, not by making their text again.
 */
export class ByteOut implements JsonSink {
  private readonly chunk: Uint8Array;
  private at = 0;
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly flush: (bytes: Uint8Array) => void,
    private readonly size = 1 << 20,
  ) {
    this.chunk = new Uint8Array(Math.max(size, 1));
  }

  text(s: string): void {
    // a UTF-16 unit takes at most 3 bytes of UTF-8
    if (s.length * 3 > this.chunk.length - this.at) {
      this.drain();
      if (s.length * 3 > this.chunk.length) {
        this.flush(this.encoder.encode(s));
        return;
      }
    }
    this.at += this.encoder.encodeInto(s, this.chunk.subarray(this.at)).written;
  }

  /** JSON encoded at indent 0, `indent` spaces deep. */
  indented({ json, indent }: IndentedJson): void {
    let chunk = this.chunk;
    let at = this.at;
    // (a typed array ignores writes past its end: every byte is given room first)
    for (let i = 0; i < json.length; i++) {
      if (at >= chunk.length) {
        this.at = at;
        this.drain();
        chunk = this.chunk;
        at = 0;
      }
      const b = json[i];
      chunk[at++] = b;
      if (b === NEWLINE) {
        for (let k = 0; k < indent; k++) {
          if (at >= chunk.length) {
            this.at = at;
            this.drain();
            chunk = this.chunk;
            at = 0;
          }
          chunk[at++] = BLANK;
        }
      }
    }
    this.at = at;
  }

  /** Everything written so far handed on. */
  drain(): void {
    if (this.at === 0) return;
    this.flush(this.chunk.subarray(0, this.at));
    this.at = 0;
  }
}

/** Where a document is written: text, and JSON already encoded to be indented (ByteOut). */
export interface JsonSink {
  text(s: string): void;
  indented(json: IndentedJson): void;
}

/**
 * A document written by `write` out as UTF-8, then "\n": to `bytes` when given (stdout), else decoded to text for
 * `out` (tests: the same characters).
 */
export function writeJsonTo(out: (text: string) => void, write: (sink: JsonSink) => void, bytes?: (chunk: Uint8Array) => void): void {
  const decoder = bytes ? null : new TextDecoder();
  const sink = new ByteOut(bytes ?? ((chunk) => out(decoder!.decode(chunk, { stream: true }))));
  write(sink);
  sink.text("\n");
  sink.drain();
  if (decoder) {
    const rest = decoder.decode();
    if (rest !== "") out(rest);
  }
}
