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
