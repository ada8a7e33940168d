/**
 * The folders form layers: every import of every module under src, components, screens and bin is resolved with the
 * TypeScript compiler, and the graph is checked for edges that point up and for cycles. `import type` counts: a
 * cycle through types alone still means neither module can be read, moved or tested without the other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const TOP = ['src', 'components', 'screens', 'bin'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const options: ts.CompilerOptions = {
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowJs: true,
  jsx: ts.JsxEmit.ReactJSX,
};
const host = ts.createCompilerHost(options);

/** Every module specifier in a file: static imports and exports, `import()` and `import type`. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push(literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The project's own modules, each with the project modules it imports (paths relative to the root). */
function importGraph(): Map<string, string[]> {
  const files = TOP.flatMap((top) => sourceFiles(join(root, top)));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const edges: string[] = [];
    for (const text of specifiers(file)) {
      if (!text.startsWith('.')) continue;
      // bin/ loads the built bundle, which is not a source module.
      if (text.includes('/dist/')) continue;
      const resolved = ts.resolveModuleName(text, file, options, host).resolvedModule?.resolvedFileName;
      expect(resolved, `${relative(root, file)} imports ${text}, which does not resolve`).toBeDefined();
      if (!resolved || resolved.includes('node_modules')) continue;
      edges.push(relative(root, resolved));
    }
    graph.set(relative(root, file), edges);
  }
  return graph;
}

const graph = importGraph();

function edgesFrom(from: RegExp, to: RegExp): string[] {
  return [...graph].flatMap(([file, imports]) =>
    from.test(file) ? imports.filter((target) => to.test(target)).map((target) => `${file} → ${target}`) : [],
  );
}

/** The first cycle found by a depth-first walk, as the path that closes it, or undefined. */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const walk = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const cycle = walk(next);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of edges.keys()) {
    if (state.has(node)) continue;
    const cycle = walk(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('layers', () => {
  it('sees the whole project', () => {
    expect(graph.size).toBeGreaterThan(300);
    expect(graph.get('src/cli/main.ts')?.length).toBeGreaterThan(0);
  });

  it('components/ and src/ui/ never import screens/', () => {
    expect(edgesFrom(/^(components|src\/ui)\//, /^screens\//)).toEqual([]);
  });

  it('src/domain, src/api and src/state never import the UI', () => {
    expect(edgesFrom(/^src\/(domain|api|state)\//, /^(components|screens)\//)).toEqual([]);
  });

  it('the command line reaches screens/ only from the TUI session that renders them', () => {
    expect(edgesFrom(/^src\/cli\/(?!commands\/tui-(session|render)\.tsx?$)/, /^screens\//)).toEqual([]);
    expect(edgesFrom(/^src\/(domain|api|state|sandbox|config|util|audit|secrets)\//, /^src\/(ui|cli)\//)).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(findCycle(graph)?.join(' → ')).toBeUndefined();
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(findCycle(edges)).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['b']]]))).toBeUndefined();
  });
});
