// Domains import each other in one direction only: no cycle, however long. A cycle between two
// domains' index.ts files means one of them runs its module code (registering policy rules,
// giving another domain its hooks) before the other is ready, which fails at start-up in ways a
// type check never sees. Where two domains need each other, the one lower down offers a hook and
// the other fills it when it loads (see src/domains/people/needs-hooks.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const domainsDir = path.resolve(__dirname, '../../src/domains');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

/** Each domain's imports of other domains (type-only imports left out: they vanish when compiled). */
function domainGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const domain of fs.readdirSync(domainsDir)) {
    if (!fs.statSync(path.join(domainsDir, domain)).isDirectory()) continue;
    const uses = new Set<string>();
    for (const file of sourceFiles(path.join(domainsDir, domain))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm)) {
        if (match[1]) continue;
        const target = path.resolve(path.dirname(file), match[2]!);
        const relative = path.relative(domainsDir, target);
        const other = relative.split(path.sep)[0]!;
        if (!relative.startsWith('..') && other !== domain) uses.add(other);
      }
    }
    graph.set(domain, uses);
  }
  return graph;
}

function cycleIn(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const trail: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'visiting') return [...trail.slice(trail.indexOf(node)), node];
    state.set(node, 'visiting');
    trail.push(node);
    for (const next of graph.get(node) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    trail.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

describe('the domains’ imports', () => {
  it('form no cycle', () => {
    const graph = domainGraph();
    expect(graph.get('screening')?.has('people'), 'screening reads people through their access rule').toBe(true);
    expect(cycleIn(graph)?.join(' → ') ?? null).toBeNull();
  });

  it('would see a cycle of three', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
    ]);
    expect(cycleIn(graph)).toEqual(['a', 'b', 'c', 'a']);
  });
});
