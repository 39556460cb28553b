// The GitHub Action (action.yml) runs scripts/action.sh; here that script runs against fixtures the
// way the Action runs it, with its inputs as environment variables.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, builtCli, readJson, tempDir } from '../helpers.js';

function action(env: Record<string, string>, cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(join(ROOT, 'scripts', 'action.sh'), [], {
    cwd,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTION_PATH: ROOT, ...env },
    encoding: 'utf8',
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe('the GitHub Action', () => {
  it('declares a composite action whose step is the tested script, with the documented inputs', () => {
    const doc = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { default: string }>;
      runs: { using: string; steps: Array<{ run?: string; env?: Record<string, string> }> };
    };
    expect(doc.runs.using).toBe('composite');
    expect(Object.keys(doc.inputs).sort()).toEqual(['args', 'baseline', 'config', 'fail-on', 'formats', 'paths']);
    const step = doc.runs.steps.find((s) => s.run?.includes('scripts/action.sh'))!;
    expect(Object.keys(step.env!).sort()).toEqual(['INPUT_ARGS', 'INPUT_BASELINE', 'INPUT_CONFIG', 'INPUT_FAIL_ON', 'INPUT_FORMATS', 'INPUT_PATHS']);
  });

  it('annotates, writes FORMAT:FILE reports, and fails the step as fail-on says', () => {
    builtCli();
    const dir = tempDir();
    const r = action(
      { INPUT_PATHS: join(ROOT, 'fixtures', 'demo'), INPUT_FORMATS: 'github sarif:out.sarif markdown:summary.md', INPUT_FAIL_ON: 'warning' },
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error file=.*demo-headend\.cfg,line=149,title=client-side-dpd-disabled \(Lab&Partners\)::/m);
    expect(readJson<{ version: string }>(readFileSync(join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/^## asa-mobile-audit: 1 error/);
    expect(action({ INPUT_PATHS: join(ROOT, 'fixtures', 'demo'), INPUT_FORMATS: 'github', INPUT_FAIL_ON: 'never' }, dir).code).toBe(0);
    const extra = action(
      { INPUT_PATHS: join(ROOT, 'fixtures', 'demo'), INPUT_FORMATS: 'json', INPUT_FAIL_ON: 'never', INPUT_ARGS: '--profile MOBILE-FULL' },
      dir,
    );
    expect(readJson<{ targets: Array<{ mobileProfiles: string[] }> }>(extra.stdout).targets[0]!.mobileProfiles).toEqual(['MOBILE-FULL']);
    // Inputs written as YAML blocks (`paths: |`), one word per line: every line counts, not the first
    // alone (found by a user trial: the second folder was never audited, the second report never written).
    const blocks = action(
      {
        INPUT_PATHS: `${join(ROOT, 'fixtures', 'demo')}\n${join(ROOT, 'fixtures', 'plan', 'alias-collision.cfg')}\n`,
        INPUT_FORMATS: 'json\nmarkdown:block.md\n',
        INPUT_FAIL_ON: 'never',
        INPUT_ARGS: '--profile\nMOBILE-FULL\n',
      },
      dir,
    );
    expect(blocks.code).toBe(0);
    expect(readJson<{ targets: Array<{ source: string }> }>(blocks.stdout).targets.map((t) => t.source.split('/').at(-1))).toEqual([
      'demo-headend.cfg',
      'alias-collision.cfg',
    ]);
    expect(existsSync(join(dir, 'block.md'))).toBe(true);
  });

  it('leaves fail-on to the configuration file, and --max-warnings to args, when the input is empty (its default)', () => {
    builtCli();
    const doc = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default: string }> };
    expect(doc.inputs['fail-on']!.default).toBe('');
    const demo = join(ROOT, 'fixtures', 'demo');
    const dir = tempDir();
    // No configuration file: warning, as on the command line (the demo has warnings).
    expect(action({ INPUT_PATHS: demo, INPUT_FORMATS: 'compact', INPUT_FAIL_ON: '' }, dir).code).toBe(1);
    writeFileSync(join(dir, '.asa-mobile-audit.yaml'), 'failOn: never\n');
    expect(action({ INPUT_PATHS: demo, INPUT_FORMATS: 'compact', INPUT_FAIL_ON: '' }, dir).code).toBe(0);
    // The input, when given, overrides the file.
    expect(action({ INPUT_PATHS: demo, INPUT_FORMATS: 'compact', INPUT_FAIL_ON: 'warning' }, dir).code).toBe(1);
    // --max-warnings alone: ESLint's semantics, as the command line has them (the demo has one error).
    const other = tempDir();
    const limited = action(
      { INPUT_PATHS: demo, INPUT_FORMATS: 'compact', INPUT_FAIL_ON: '', INPUT_ARGS: '--max-warnings 99 --rule client-side-dpd-disabled=off' },
      other,
    );
    const cli = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'src', 'cli', 'main.js'), 'audit', demo, '--format', 'compact', '--max-warnings', '99', '--rule', 'client-side-dpd-disabled=off'],
      { cwd: other, encoding: 'utf8' },
    );
    expect(limited.code).toBe(cli.status);
    expect(limited.code).toBe(0);
  });

  it('writes markdown:$GITHUB_STEP_SUMMARY to the job summary, as action.yml documents (GitHub leaves `with:` text unexpanded)', () => {
    builtCli();
    expect(readFileSync(join(ROOT, 'action.yml'), 'utf8')).toContain('markdown:$GITHUB_STEP_SUMMARY');
    for (const spelling of ['$GITHUB_STEP_SUMMARY', '${GITHUB_STEP_SUMMARY}']) {
      const dir = tempDir();
      const summary = join(dir, 'step-summary.md');
      // The input as the runner hands it over: the variable's name, not its value.
      const r = action(
        { INPUT_PATHS: join(ROOT, 'fixtures', 'demo'), INPUT_FORMATS: `github markdown:${spelling}`, INPUT_FAIL_ON: 'never', GITHUB_STEP_SUMMARY: summary },
        dir,
      );
      expect(r.code, spelling).toBe(0);
      expect(readFileSync(summary, 'utf8'), spelling).toMatch(/^## asa-mobile-audit: 1 error/);
      expect(readdirSync(dir), spelling).toEqual(['step-summary.md']);
    }
    // Outside GitHub the variable is unset: one line, exit 2, nothing written.
    const dir = tempDir();
    const unset = action({ INPUT_PATHS: join(ROOT, 'fixtures', 'demo'), INPUT_FORMATS: 'markdown:$GITHUB_STEP_SUMMARY', INPUT_FAIL_ON: 'never' }, dir);
    expect(unset.code).toBe(2);
    expect(unset.stderr).toBe(
      'asa-mobile-audit: formats: markdown:$GITHUB_STEP_SUMMARY: GITHUB_STEP_SUMMARY is not set (outside GitHub Actions, name a file)\n',
    );
    expect(existsSync(join(dir, '$GITHUB_STEP_SUMMARY'))).toBe(false);
    // Other text is a file name as it stands: no shell expansion of what the workflow passes.
    const literal = action({ INPUT_PATHS: join(ROOT, 'fixtures', 'demo'), INPUT_FORMATS: 'markdown:$HOME-$(id).md', INPUT_FAIL_ON: 'never' }, dir);
    expect(literal.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['$HOME-$(id).md']);
  });
});
