// The package's `main` entry: what scripts import instead of running the CLI.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditPaths, explainDevice, RULES } from '../src/index.js';
import { fixture, readJson, ROOT } from './helpers.js';

describe('library entry point', () => {
  it('is what package.json main points to, and audits and explains a config', () => {
    const pkg = readJson<{ main: string }>(readFileSync(`${ROOT}/package.json`, 'utf8'));
    expect(pkg.main).toBe('dist/src/index.js');
    const run = auditPaths([fixture('demo/demo-headend.cfg')], { rules: RULES });
    expect(run.targets[0]!.summary.hostname).toBe('vpn-demo');
    expect(run.targets[0]!.findings.some((f) => f.ruleId === 'client-side-dpd-disabled')).toBe(true);
  });
  it('exports the iOS DNS explanation per profile', async () => {
    const { analyseFile } = await import('../src/index.js');
    const [t] = analyseFile(fixture('demo/demo-headend.cfg'));
    expect(explainDevice(t!.resolved).length).toBe(t!.resolved.profiles.length);
  });
});
