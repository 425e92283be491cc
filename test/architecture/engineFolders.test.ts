/**
 * The engine's folders form a one-way stack (style-anchors "imports flow one way"): no folder imports a folder
 * that imports it, and no file-level import cycle anywhere in src/. Imports are read with TypeScript's own
 * pre-processor (`ts.preProcessFile`), so type-only imports count too.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";

const SRC = resolve(__dirname, "../../src");
const ENGINE = join(SRC, "engine");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not this one
    }
  }
  return null;
}

/** file → the files it imports (relative imports only). */
function importGraph(files: readonly string[]): Map<string, string[]> {
  return new Map(
    files.map((f) => {
      const info = ts.preProcessFile(readFileSync(f, "utf8"), true, true);
      const targets = info.importedFiles.map((i) => resolveImport(f, i.fileName)).filter((t): t is string => t !== null);
      return [f, targets];
    }),
  );
}

/** The engine folder a file belongs to (`score`, `locate`, …), or `.` for src/engine/index.ts. */
const folderOf = (file: string) => relative(ENGINE, file).split(/[\\/]/)[0].replace(/\.tsx?$/, "") || ".";

export function folderEdges(graph: Map<string, string[]>): Set<string> {
  const edges = new Set<string>();
  for (const [from, targets] of graph) {
    if (!from.startsWith(ENGINE)) continue;
    for (const to of targets) {
      if (!to.startsWith(ENGINE)) continue;
      const [a, b] = [folderOf(from), folderOf(to)];
      if (a !== b && a !== "index" && b !== "index") edges.add(`${a} → ${b}`);
    }
  }
  return edges;
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, "open");
    stack.push(f);
    for (const t of graph.get(f) ?? []) {
      if (state.get(t) === "open") found.push([...stack.slice(stack.indexOf(t)), t].map((x) => relative(SRC, x)));
      else if (!state.has(t)) visit(t);
    }
    stack.pop();
    state.set(f, "done");
  };
  for (const f of graph.keys()) if (!state.has(f)) visit(f);
  return found;
}

const graph = importGraph(sourceFiles(SRC));

describe("engine folder edges", () => {
  it("no engine folder imports a folder that imports it", () => {
    const edges = folderEdges(graph);
    const twoWay = [...edges].filter((e) => {
      const [a, b] = e.split(" → ");
      return edges.has(`${b} → ${a}`);
    });
    expect(twoWay).toEqual([]);
  });

  it("the folder graph has no longer cycles either", () => {
    const edges = [...folderEdges(graph)].map((e) => e.split(" → "));
    const folderGraph = new Map<string, string[]>();
    for (const [a, b] of edges) folderGraph.set(a, [...(folderGraph.get(a) ?? []), b]);
    expect(cycles(folderGraph)).toEqual([]);
  });

  it("no file-level import cycle anywhere in src/", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("the check can fail: a two-way edge is reported", () => {
    const fake = new Map([
      [join(ENGINE, "a/x.ts"), [join(ENGINE, "b/y.ts")]],
      [join(ENGINE, "b/y.ts"), [join(ENGINE, "a/x.ts")]],
    ]);
    expect([...folderEdges(fake)].sort()).toEqual(["a → b", "b → a"]);
    expect(cycles(fake)).toHaveLength(1);
  });
});
