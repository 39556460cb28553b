// The stages import one way (docs/architecture.md): a file may import from its own stage or an earlier
// one, never a later one, and no two files import each other, even through others.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

/** Stages in data-flow order; each may import from itself and from the stages before it. */
export const STAGES = [
  'common',
  'parse',
  'input',
  'collect',
  'model',
  'resolve',
  'explain',
  'engine',
  'rules',
  'config',
  'audit',
  'change',
  'baseline',
  'gate',
  'report',
  'cli',
  'index',
] as const;

/** Narrower rules inside the allowed order: [importing file pattern, imported file pattern, why]. */
const FORBIDDEN: Array<[RegExp, RegExp, string]> = [
  [/^src\/report\//, /^src\/audit\/(?!result\.ts$)/, 'reporters read results (audit/result.ts), never the audit itself'],
  [/^src\/report\//, /^src\/change\/(?!result\.ts$)/, 'reporters read change results (change/result.ts), never the simulation itself'],
];

function stageOf(file: string): (typeof STAGES)[number] {
  if (file.startsWith('rules/')) return 'rules';
  const m = /^src\/([^/]+)\//.exec(file);
  if (m) return m[1] as (typeof STAGES)[number];
  return file.replace(/^src\//, '').replace(/\.ts$/, '') as (typeof STAGES)[number];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const rel = `${dir}/${name}`;
    if (statSync(join(ROOT, rel)).isDirectory()) return sourceFiles(rel);
    return rel.endsWith('.ts') ? [rel] : [];
  });
}

/** Relative imports of a file, as repository paths of .ts files. */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  // Static imports and re-exports, dynamic import('...'), and worker scripts named by new URL('...', import.meta.url).
  const patterns = [/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'([^']+)'/g, /import\(\s*'([^']+)'\s*\)/g, /new URL\(\s*'([^']+)',\s*import\.meta\.url\)/g];
  const specs = patterns.flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!));
  return specs.filter((s) => s.startsWith('.')).map((s) => relative(ROOT, resolve(join(ROOT, dirname(file)), s)).replace(/\.js$/, '.ts'));
}

const FILES = [...sourceFiles('src'), ...sourceFiles('rules')].sort();
const GRAPH = new Map(FILES.map((f) => [f, importsOf(f)]));

describe('import direction', () => {
  it('knows the stage of every source file', () => {
    expect(FILES.filter((f) => !(STAGES as readonly string[]).includes(stageOf(f)))).toEqual([]);
  });
  it('never imports a later stage', () => {
    const backward = [...GRAPH].flatMap(([from, tos]) =>
      tos.filter((to) => STAGES.indexOf(stageOf(to)) > STAGES.indexOf(stageOf(from))).map((to) => `${from} (${stageOf(from)}) -> ${to} (${stageOf(to)})`),
    );
    expect(backward).toEqual([]);
  });
  it('keeps the narrower rules', () => {
    const broken = [...GRAPH].flatMap(([from, tos]) =>
      tos.flatMap((to) => FORBIDDEN.filter(([a, b]) => a.test(from) && b.test(to)).map(([, , why]) => `${from} -> ${to}: ${why}`)),
    );
    expect(broken).toEqual([]);
  });
  it('has no import cycle between files', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const visit = (f: string, path: string[]): void => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' -> '));
        return;
      }
      state.set(f, 'visiting');
      for (const to of GRAPH.get(f) ?? []) visit(to, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of FILES) visit(f, []);
    expect(cycles).toEqual([]);
  });
  it('reads every import of the sources (the pattern misses none)', () => {
    // Every relative specifier in a file is one the graph holds.
    for (const f of FILES) {
      const text = readFileSync(join(ROOT, f), 'utf8');
      const count = [...text.matchAll(/'(\.{1,2}\/[^']+\.js)'/g)].length;
      expect(GRAPH.get(f)!.length, f).toBe(count);
    }
  });
});
