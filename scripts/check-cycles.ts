/**
 * Import-cycle check for src/: reads every .ts file under src/, follows its relative imports (type-only ones too,
 * since a cycle of types is still a knot in the layering; `--runtime` follows only imports that remain at run time)
 * and prints each cycle found; exits 1 when there is one.
 *
 *   npx tsx scripts/check-cycles.ts [--runtime]
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(__dirname, '..', 'src');
const runtimeOnly = process.argv.includes('--runtime');

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? listFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  for (const p of [base, `${base}.ts`, join(base, 'index.ts')]) if (p.endsWith('.ts') && existsSync(p)) return p;
  return undefined;
}

const graph = new Map<string, string[]>();
for (const file of listFiles(root)) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false);
  const deps: string[] = [];
  source.forEachChild((node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      if (runtimeOnly && (ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly : node.isTypeOnly)) return;
      const target = resolveImport(file, node.moduleSpecifier.text);
      if (target) deps.push(target);
    }
  });
  graph.set(file, deps);
}

// Tarjan's strongly connected components: every component with more than one file (or a self-import) is a cycle.
let index = 0;
const stack: string[] = [];
const onStack = new Set<string>();
const idx = new Map<string, number>();
const low = new Map<string, number>();
const cycles: string[][] = [];
function visit(v: string): void {
  idx.set(v, index);
  low.set(v, index++);
  stack.push(v);
  onStack.add(v);
  for (const w of graph.get(v) ?? []) {
    if (!idx.has(w)) {
      visit(w);
      low.set(v, Math.min(low.get(v)!, low.get(w)!));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
  }
  if (low.get(v) === idx.get(v)) {
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component);
  }
}
for (const v of graph.keys()) if (!idx.has(v)) visit(v);

for (const c of cycles)
  console.log(
    `cycle among: ${c
      .map((f) => relative(root, f))
      .sort()
      .join(', ')}`,
  );
console.log(`${graph.size} modules, ${cycles.length} import cycle(s)`);
process.exitCode = cycles.length ? 1 : 0;
