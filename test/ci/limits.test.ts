// What GitHub and GitLab accept: at most 10 annotations of each level per step, at most 25,000 SARIF
// results per run, and a step summary of at most 1 MiB.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditPaths } from '../../src/audit/audit.js';
import renderSarif, { notes as sarifNotes, SARIF_MAX_RESULTS } from '../../src/report/sarif.js';
import { RULES } from '../../rules/index.js';
import { cliWith, fixture, readJson, reportInputOf, tempDir } from '../helpers.js';

const DEMO = fixture('demo/demo-headend.cfg');

function threeDemos(): string {
  const dir = tempDir();
  for (const n of ['a.cfg', 'b.cfg', 'c.cfg']) copyFileSync(DEMO, join(dir, n));
  return dir;
}

describe('--format github', () => {
  it('annotates the most severe first, at most 10 per level, and one notice says what was left out', async () => {
    const r = await cliWith({ cwd: threeDemos() }, 'audit', '.', '--format', 'github', '--fail-on', 'never');
    const lines = r.stdout.trimEnd().split('\n');
    const count = (level: string): number => lines.filter((l) => l.startsWith(`::${level} `)).length;
    expect(count('error')).toBe(3); // one client-side-dpd-disabled per copy
    expect(count('warning')).toBe(10);
    expect(count('notice')).toBe(10);
    expect(lines.slice(0, 3).every((l) => l.startsWith('::error '))).toBe(true);
    const summary = lines.at(-1)!;
    expect(summary).toMatch(
      /^::notice title=asa-mobile-audit%3A more findings::\d+ more not annotated \(\d+ warnings, \d+ notices\): GitHub shows 10 annotations of each level per step/,
    );
    // Nothing is cut when it all fits.
    const one = await cliWith({}, 'audit', fixture('synthetic/plain-916.cfg'), '--format', 'github', '--fail-on', 'never');
    expect(one.stdout).not.toContain('more not annotated');
  });
});

describe('--format sarif', () => {
  it('keeps the 25,000 most severe results, says so in the run properties and on stderr', () => {
    const run = auditPaths([DEMO], { rules: RULES });
    const t = run.targets[0]!;
    const many = Array.from({ length: Math.ceil((SARIF_MAX_RESULTS + 10) / t.findings.length) }, () => t.findings).flat();
    const input = reportInputOf([{ ...t, findings: many }]);
    const doc = readJson<{ runs: Array<{ results: Array<{ level: string }>; properties?: { resultsTruncated: boolean; totalResults: number } }> }>(
      renderSarif(input),
    );
    const results = doc.runs[0]!.results;
    expect(results).toHaveLength(SARIF_MAX_RESULTS);
    expect(doc.runs[0]!.properties).toMatchObject({ resultsTruncated: true, totalResults: many.length });
    // Errors first: every error of the input survives the cut.
    expect(results.filter((r) => r.level === 'error')).toHaveLength(many.filter((f) => f.severity === 'error').length);
    expect(sarifNotes(input)).toEqual([expect.stringContaining(`more than the ${SARIF_MAX_RESULTS} GitHub code scanning accepts`)]);
  });
});

describe('--format markdown', () => {
  it('stays under --max-bytes (default 1 MiB) with the summary table first and a note of what was cut', async () => {
    const dir = threeDemos();
    const full = await cliWith({ cwd: dir }, 'audit', '.', '--format', 'markdown', '--fail-on', 'never');
    expect(full.stdout).not.toContain('Cut to');
    const size = Buffer.byteLength(full.stdout);
    const limit = Math.floor(size / 2);
    const cut = await cliWith({ cwd: dir }, 'audit', '.', '--format', 'markdown', '--fail-on', 'never', '--max-bytes', String(limit));
    expect(Buffer.byteLength(cut.stdout)).toBeLessThanOrEqual(limit);
    expect(cut.stdout).toMatch(/\| `a\.cfg` \| 1 \| \d+ \| \d+ \|\n\| `b\.cfg` \|/);
    expect(cut.stdout).toMatch(/\*\*Cut to \d+ bytes\*\* \(--max-bytes\): [12] of 3 configuration sections \(\d+ findings\) are not shown here/);
    // A summary too long for the limit (a row per configuration) is cut too, and says so.
    const many = tempDir();
    for (let i = 0; i < 60; i++) copyFileSync(fixture('demo/demo-headend.cfg'), join(many, `d${String(i).padStart(2, '0')}.cfg`));
    const fleet = await cliWith({ cwd: many }, 'audit', '.', '--format', 'markdown', '--fail-on', 'never', '--max-bytes', '1024');
    expect(Buffer.byteLength(fleet.stdout)).toBeLessThanOrEqual(1024);
    const kept = fleet.stdout.split('\n').filter((l) => l.startsWith('| `d')).length;
    expect(fleet.stdout).toContain(`\n\n_… ${60 - kept} more lines of this summary cut (--max-bytes)_\n`);
    expect(fleet.stdout).toContain('the heading counts them');
    // A limit the summary and the note cannot fit in is refused, not silently exceeded.
    const tiny = await cliWith({ cwd: dir }, 'audit', '.', '--format', 'markdown', '--max-bytes', '100');
    expect([tiny.code, tiny.stdout]).toEqual([2, '']);
    expect(tiny.stderr).toContain('--max-bytes: at least 1024 (the summary and the note on what was cut always stay), not 100');
  });
});
