import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AjvDraft04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { auditPaths } from '../../src/audit/audit.js';
import { escapeData, escapeProperty } from '../../src/report/github.js';
import renderSarif from '../../src/report/sarif.js';
import { RULES } from '../../rules/index.js';
import { cli, cliWith, fixture, readJson, reportInputOf, ROOT, tempDir } from '../helpers.js';

/** The parts of a SARIF log these tests read. */
interface SarifResult {
  ruleId: string;
  level: string;
  partialFingerprints: Record<string, string>;
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: { startLine: number } } }>;
  properties: { tunnelGroup: string | null };
}
interface SarifLog {
  version: string;
  runs: Array<{
    tool: { driver: { rules: Array<{ id: string }> } };
    results: SarifResult[];
    invocations: Array<{ toolExecutionNotifications: Array<{ message: { text: string } }> }>;
  }>;
}
/** The parts of a JUnit document (as fast-xml-parser reads it) these tests read. */
interface JunitCase {
  name: string;
  failure?: { type: string; '#text': string };
  error?: { message: string };
  skipped?: { message: string };
  'system-out'?: string;
}
interface JunitDoc {
  testsuites: {
    failures: string;
    errors: string;
    testsuite: Array<{ name: string; tests: string; failures: string; skipped?: string; testcase: JunitCase[] }>;
  };
}

const sarif = (text: string): SarifLog => readJson<SarifLog>(text);
const junit = (text: string, arrays: string[]): JunitDoc =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => arrays.includes(name) }).parse(text) as JunitDoc;

const DEMO = 'fixtures/demo/demo-headend.cfg';
const schema = readJson<object>(readFileSync(`${ROOT}test/schemas/sarif-2.1.0-rtm.5.json`, 'utf8'));
// The official schema has a language-tag pattern that is invalid with the u flag; match it as the schema's authors did.
// Both are CommonJS modules whose class/function is also exported as `default`.
const ajv = new AjvDraft04Module.default({ allErrors: true, strict: false, unicodeRegExp: false });
addFormatsModule.default(ajv);
const validateSarif = ajv.compile(schema);

/** The demo headend with 50 extra lines inserted near the top: every finding moves down. */
function shiftedDemo(): string {
  const dir = tempDir('ama-shift-');
  const lines = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8').split('\n');
  const extra = Array.from({ length: 50 }, (_, i) => `access-list MGMT remark line ${i} added above`);
  lines.splice(12, 0, ...extra);
  const file = join(dir, 'demo-headend.cfg');
  writeFileSync(file, lines.join('\n'));
  return file;
}

describe('sarif', () => {
  it('is valid SARIF 2.1.0 with rules, levels, locations and fingerprints', async () => {
    const r = await cli('audit', DEMO, '--format', 'sarif');
    const log = sarif(r.stdout);
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // the validator is not vacuous: a result with a bad level is rejected
    const broken = structuredClone(log);
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validateSarif(broken)).toBe(false);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((x) => x.id)).toEqual(RULES.map((x) => x.meta.id));
    const rule = run.tool.driver.rules.find((x) => x.id === 'ssl-keepalive-enabled');
    expect(rule).toMatchObject({
      name: 'SslKeepaliveEnabled',
      shortDescription: { text: expect.any(String) },
      fullDescription: { text: expect.any(String) },
      helpUri: expect.stringMatching(/\/docs\/rules\/ssl-keepalive-enabled\.md$/),
      defaultConfiguration: { level: 'warning' },
    });
    // Rule links derive from package.json's repository, not from a URL written elsewhere.
    const pkg = readJson<{ repository: { url: string }; homepage: string; bugs: { url: string } }>(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const web = pkg.repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
    expect((rule as unknown as { helpUri: string }).helpUri).toBe(`${web}/blob/main/docs/rules/ssl-keepalive-enabled.md`);
    expect(pkg.homepage.startsWith(web)).toBe(true);
    expect(pkg.bugs.url).toBe(`${web}/issues`);
    const result = run.results.find((x) => x.ruleId === 'client-side-dpd-disabled');
    expect(result).toMatchObject({
      level: 'error',
      locations: [
        {
          physicalLocation: { artifactLocation: { uri: DEMO }, region: { startLine: 149 } },
          logicalLocations: [
            { name: 'Lab&Partners', fullyQualifiedName: 'tunnel-group Lab&Partners' },
            { name: 'GP-CLEAR', fullyQualifiedName: 'group-policy GP-CLEAR' },
          ],
        },
      ],
    });
    expect(result?.partialFingerprints['asaMobileAudit/v1']).toMatch(/^[0-9a-f]{32}$/);
    expect(run.results.filter((x) => x.level === 'note').length).toBeGreaterThan(0);
    // Each result carries its own basis, as in JSON: weaker than its rule's where it rests on a recalled default.
    const json = readJson<{ targets: Array<{ findings: Array<{ ruleId: string; tunnelGroup: string | null; basis: string }> }> }>(
      (await cli('audit', DEMO, '--format', 'json')).stdout,
    ).targets[0]!.findings;
    const props = (x: (typeof run.results)[number]): { tunnelGroup: string | null; basis: string } =>
      (x as unknown as { properties: { tunnelGroup: string | null; basis: string } }).properties;
    expect(run.results.map((x) => [x.ruleId, props(x).tunnelGroup, props(x).basis]).sort()).toEqual(json.map((f) => [f.ruleId, f.tunnelGroup, f.basis]).sort());
    expect(run.results.some((x) => x.ruleId === 'ssl-keepalive-enabled' && props(x).basis === 'recalled')).toBe(true);
  });

  it('keeps fingerprints when unrelated lines move, while start lines follow the text', async () => {
    const before = sarif((await cli('audit', DEMO, '--format', 'sarif')).stdout).runs[0]!.results;
    const shifted = shiftedDemo();
    const after = sarif((await cli('audit', shifted, '--format', 'sarif')).stdout).runs[0]!.results;
    expect(after.map((x) => x.partialFingerprints)).toEqual(before.map((x) => x.partialFingerprints));
    const line = (rs: SarifResult[]) => rs.find((x) => x.ruleId === 'client-side-dpd-disabled')!.locations[0]!.physicalLocation.region!.startLine;
    expect(line(after)).toBe(line(before) + 50);
  });

  it('gives results of two files that share a hostname their own fingerprints, and a lone file the same as before', async () => {
    const dir = tempDir();
    copyFileSync(DEMO, join(dir, 'a.cfg'));
    copyFileSync(DEMO, join(dir, 'b.cfg'));
    const both = sarif((await cliWith({ cwd: dir }, 'audit', '.', '--format', 'sarif', '--fail-on', 'never')).stdout).runs[0]!.results;
    const prints = both.map((x) => x.partialFingerprints['asaMobileAudit/v1']);
    expect(new Set(prints).size).toBe(prints.length);
    const alone = sarif((await cliWith({ cwd: dir }, 'audit', 'a.cfg', '--format', 'sarif', '--fail-on', 'never')).stdout).runs[0]!.results;
    const demo = sarif((await cli('audit', DEMO, '--format', 'sarif', '--fail-on', 'never')).stdout).runs[0]!.results;
    expect(alone.map((x) => x.partialFingerprints)).toEqual(demo.map((x) => x.partialFingerprints));
  });

  it('names a file outside the working folder by its absolute file URI (no base), and encodes a relative one', async () => {
    const dir = tempDir();
    const outside = join(dir, 'vpn edge.cfg');
    writeFileSync(outside, readFileSync(DEMO));
    const abs = sarif((await cli('audit', outside, '--format', 'sarif')).stdout);
    expect(validateSarif(abs)).toBe(true);
    const absLocation = abs.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation;
    expect(absLocation).toEqual({ uri: pathToFileURL(outside).href });
    expect(pathToFileURL(outside).href).toMatch(/^file:\/\/\/.*vpn%20edge\.cfg$/);
    const rel = sarif((await cliWith({ cwd: dir }, 'audit', 'vpn edge.cfg', '--format', 'sarif')).stdout);
    expect(rel.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'vpn%20edge.cfg', uriBaseId: '%SRCROOT%' });
  });

  it('names a live source by its ssh:// URI, as it is', () => {
    const run = auditPaths([DEMO], { rules: RULES });
    const t = run.targets[0]!;
    const live = { ...t, summary: { ...t.summary, source: 'ssh://127.0.0.1:2222' } };
    const log = sarif(renderSarif(reportInputOf([live])));
    expect(validateSarif(log)).toBe(true);
    expect(log.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'ssh://127.0.0.1:2222' });
  });

  it('reports unreadable and incomplete inputs as tool notifications and stays valid', async () => {
    const r = await cli('audit', DEMO, 'fixtures/synthetic/truncated-in-block.cfg', 'fixtures/nope.cfg', '--format', 'sarif');
    expect(r.code).toBe(2);
    const log = sarif(r.stdout);
    expect(validateSarif(log)).toBe(true);
    const notes = log.runs[0]!.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text);
    expect(notes).toEqual(['no such file', expect.stringMatching(/configuration is incomplete/)]);
  });
});

describe('junit', () => {
  it('has a testsuite per config and a testcase per rule × mobile profile, failing on findings', async () => {
    const r = await cli('audit', DEMO, 'fixtures/synthetic/legacy-svc-82.cfg', '--format', 'junit');
    const doc = junit(r.stdout, ['testsuite', 'testcase', 'property']);
    const suites = doc.testsuites.testsuite;
    expect(suites.map((x) => x.name)).toEqual([DEMO, 'fixtures/synthetic/legacy-svc-82.cfg']);
    const demo = suites[0]!;
    const profileRules = RULES.filter((x) => x.meta.scope === 'profile').length;
    const deviceRules = RULES.length - profileRules;
    expect(demo.testcase).toHaveLength(profileRules * 8 + deviceRules);
    expect(Number(demo.tests)).toBe(demo.testcase.length);
    const failed = demo.testcase.filter((c) => c.failure !== undefined);
    expect(Number(demo.failures)).toBe(failed.length);
    const dpd = demo.testcase.find((c) => c.name === 'client-side-dpd-disabled [Lab&Partners]');
    expect(dpd?.failure?.type).toBe('error');
    expect(dpd?.failure?.['#text']).toContain('anyconnect dpd-interval client 30');
    // info findings are below the default --fail-on warning: reported, not failed
    const home = demo.testcase.find((c) => c.name === 'homepage-ignored-on-mobile [Lab&Partners]');
    expect(home?.failure).toBeUndefined();
    expect(home?.['system-out']).toMatch(/Home page/);
    expect(Number(doc.testsuites.failures)).toBe(suites.reduce((n, x) => n + Number(x.failures), 0));
  });

  it('marks incomplete configurations and unreadable files as errors; a named file that is no config is skipped with a note', async () => {
    const r = await cli('audit', 'fixtures/synthetic/truncated-in-block.cfg', 'fixtures/bad/missing.cfg', 'fixtures/bad/config.json', '--format', 'junit');
    const doc = junit(r.stdout, ['testsuite', 'testcase']);
    expect(Number(doc.testsuites.errors)).toBe(2);
    expect(doc.testsuites.testsuite[1]?.testcase[0]?.error?.message).toBe('no such file');
    expect(r.stderr).toContain('skipped fixtures/bad/config.json:1: this is JSON, not an ASA configuration');
    expect(r.code).toBe(2);
  });
});

describe('an incomplete configuration accepted with --allow-incomplete', () => {
  it('is a warning, not an error, in every format CI reads, so they turn red exactly when the job does', async () => {
    const args = ['audit', 'fixtures/synthetic/truncated-in-block.cfg', '--fail-on', 'never'];
    const accepted = async (format: string) => cli(...args, '--allow-incomplete', '--format', format);
    const junitDoc = junit((await accepted('junit')).stdout, ['testsuite', 'testcase']);
    expect(Number(junitDoc.testsuites.errors)).toBe(0);
    expect(junitDoc.testsuites.testsuite[0]?.skipped).toBe('1');
    expect(junitDoc.testsuites.testsuite[0]?.testcase[0]?.skipped?.message).toMatch(/configuration is incomplete.*\(accepted with --allow-incomplete\)$/);
    const github = await accepted('github');
    expect(github.code).toBe(0);
    expect(github.stdout).toMatch(
      /^::warning file=fixtures\/synthetic\/truncated-in-block\.cfg,line=\d+,title=asa-mobile-audit%3A incomplete configuration::/m,
    );
    expect(github.stdout).not.toMatch(/^::error /m);
    expect((await accepted('compact')).stdout).toMatch(/truncated-in-block\.cfg:\d+:1: warning: .*\(accepted with --allow-incomplete\) \[incomplete\]/);
    type Sarif = { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string }> }> }> };
    const sarif = JSON.parse((await accepted('sarif')).stdout) as Sarif;
    expect(sarif.runs[0]!.invocations[0]!.toolExecutionNotifications.map((n) => n.level)).toEqual(['warning']);
    expect(sarif.runs[0]!.invocations[0]!.executionSuccessful).toBe(true);
    // Not accepted (exit 2): the run did not succeed, as code scanning should show.
    const refusedSarif = JSON.parse((await cli(...args, '--format', 'sarif')).stdout) as Sarif;
    expect(refusedSarif.runs[0]!.invocations[0]!).toMatchObject({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error' }] });
    // So is a file named that is no configuration (exit 2 too).
    const named = await cli('audit', 'fixtures/bad/empty.cfg', '--format', 'sarif');
    expect(named.code).toBe(2);
    expect((JSON.parse(named.stdout) as Sarif).runs[0]!.invocations[0]!.executionSuccessful).toBe(false);
    // The markdown summary says what its counts cover.
    expect((await accepted('markdown')).stdout).not.toMatch(/^No findings\.$/m);
    // Not accepted: an error everywhere, and exit 2.
    const refused = await cli(...args, '--format', 'github');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toMatch(/^::error file=fixtures\/synthetic\/truncated-in-block\.cfg/m);
  });
});

describe('github annotations', () => {
  it('escapes % CR LF in messages and also : , in properties', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('writes one workflow command per finding with file, line and title', async () => {
    const r = await cli('audit', DEMO, '--format', 'github');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.every((l) => /^::(error|warning|notice) file=[^:]+,(line=\d+,)?title=[^:]+::/.test(l))).toBe(true);
    expect(lines).toContain(
      '::error file=fixtures/demo/demo-headend.cfg,line=149,title=client-side-dpd-disabled (Lab&Partners)::Client DPD is off (`anyconnect dpd-interval client none`), set in group-policy GP-CLEAR (line 149); the client will not notice a dead tunnel. Set it to 30 s in group-policy GP-CLEAR. Gateway DPD is off as well and DTLS is on (not set in any policy: the built-in default [recalled]), so nothing detects a dead DTLS tunnel to fall back to TLS.%0A%0AFix:%0Agroup-policy GP-CLEAR attributes%0A webvpn%0A  anyconnect dpd-interval client 30',
    );
    expect(lines.some((l) => l.startsWith('::notice '))).toBe(true);
  });
});

describe('a file of several security contexts', () => {
  /** The Oxidized backup with a second context, vpn2, configured as vpn is. */
  function twoContexts(edit: (section: string) => string = (x) => x): string {
    const text = readFileSync(fixture('synthetic/oxidized-multi-context.cfg'), 'utf8');
    const start = text.indexOf('----------========== [ CONTEXT vpn ');
    const vpn = text.slice(start);
    const vpn2 = vpn.replace('CONTEXT vpn FILE disk0:/vpn.cfg', 'CONTEXT vpn2 FILE disk0:/vpn2.cfg').replace('hostname vpn\n', 'hostname vpn2\n');
    return `${text.slice(0, start)}${edit(vpn)}\n${edit(vpn2)}`;
  }

  it('compact and github name the context of each finding, so the same finding of two contexts reads as two', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dc.cfg'), twoContexts());
    const compact = (await cliWith({ cwd: dir }, 'audit', 'dc.cfg', '--format', 'compact', '--fail-on', 'never')).stdout.trimEnd().split('\n');
    expect(new Set(compact).size).toBe(compact.length);
    // A finding no line sets (a built-in default) has no :line:col, and says which context it is in.
    for (const context of ['vpn', 'vpn2'])
      expect(
        compact.filter((l) => l.startsWith('dc.cfg: warning: ') && l.endsWith(` (context ${context}, profile DefaultWEBVPNGroup) [ssl-keepalive-enabled]`)),
        context,
      ).toHaveLength(1);
    expect(compact.every((l) => /\(context vpn2?(, profile [^)]+)?\) \[[a-z0-9-]+\]$/.test(l))).toBe(true);
    const github = (await cliWith({ cwd: dir }, 'audit', 'dc.cfg', '--format', 'github', '--fail-on', 'never')).stdout.trimEnd().split('\n');
    expect(new Set(github).size).toBe(github.length);
    expect(github.filter((l) => l.startsWith('::warning file=dc.cfg,title=ssl-keepalive-enabled (DefaultWEBVPNGroup) [context vpn2]::'))).toHaveLength(1);
    expect(github.filter((l) => l.startsWith('::warning file=dc.cfg,title=ssl-keepalive-enabled (DefaultWEBVPNGroup) [context vpn]::'))).toHaveLength(1);
    // diff --format github: a change made in both contexts (keepalives back on, by default) annotates
    // the finding it introduces once per context.
    writeFileSync(
      join(dir, 'old.cfg'),
      twoContexts((section) =>
        section.replace('\nCryptochecksum:', '\ngroup-policy DfltGrpPolicy attributes\n webvpn\n  anyconnect ssl keepalive none\nCryptochecksum:'),
      ),
    );
    const diff = (await cliWith({ cwd: dir }, 'diff', 'old.cfg', 'dc.cfg', '--format', 'github')).stdout.trimEnd().split('\n');
    expect(new Set(diff).size).toBe(diff.length);
    const introduced = diff.filter((l) => l.startsWith('::warning file=dc.cfg,title=new%3A ssl-keepalive-enabled (DefaultWEBVPNGroup) [context '));
    expect(introduced.map((l) => /\[context (vpn2?)\]::/.exec(l)?.[1])).toEqual(['vpn', 'vpn2']);
    // SARIF: the contexts share the file's URI and line numbers; each result says its context.
    const sarif = readJson<{ runs: Array<{ results: Array<{ ruleId: string; properties: { context?: string } }> }> }>(
      (await cliWith({ cwd: dir }, 'audit', 'dc.cfg', '--format', 'sarif', '--fail-on', 'never')).stdout,
    );
    const keepalive = sarif.runs[0]!.results.filter((r) => r.ruleId === 'ssl-keepalive-enabled');
    expect(keepalive.map((r) => r.properties.context).sort()).toEqual(['vpn', 'vpn2']);
  });

  it('leaves single-context output as it was: no context named', async () => {
    const compact = (await cli('audit', DEMO, '--format', 'compact', '--fail-on', 'never')).stdout;
    const github = (await cli('audit', DEMO, '--format', 'github', '--fail-on', 'never')).stdout;
    expect(`${compact}${github}`).not.toContain('context');
  });
});

describe('markdown', () => {
  it('summarises per device with counts and fixes in code blocks', async () => {
    const r = await cli('audit', DEMO, '--format', 'markdown');
    expect(r.stdout).toMatch(/^## asa-mobile-audit: 1 error, \d+ warnings, \d+ info\n/);
    expect(r.stdout).toContain('### vpn-demo — `fixtures/demo/demo-headend.cfg` (ASA 9.16(4))');
    expect(r.stdout).toContain('| error | warning | info |');
    expect(r.stdout).toContain('  ```\n  group-policy GP-CLEAR attributes\n   webvpn\n    anyconnect dpd-interval client 30\n  ```');
  });

  it('says a configuration is cut short in the summary, where a report cut to size keeps it', async () => {
    const cut = 'fixtures/synthetic/oxidized-single-truncated.cfg';
    const full = await cli('audit', cut, DEMO, '--format', 'markdown', '--allow-incomplete');
    expect(full.stdout).toContain(`- :warning: \`${cut}\`: incomplete configuration; findings cover only what the file holds\n`);
    expect(full.stdout).toMatch(new RegExp(`^\\| \`${cut.replaceAll('.', '\\.')}\` \\(incomplete\\) \\|`, 'm'));
    expect(full.stdout).toMatch(/^\| `fixtures\/demo\/demo-headend\.cfg` \| 1 \|/m);
    const small = await cli('audit', cut, DEMO, '--format', 'markdown', '--allow-incomplete', '--max-bytes', '2000');
    expect(Buffer.byteLength(small.stdout)).toBeLessThanOrEqual(2000);
    expect(small.stdout).toContain(`- :warning: \`${cut}\`: incomplete configuration`);
    // Not accepted (exit 2): an error, as github and SARIF say.
    const refused = await cli('audit', cut, DEMO, '--format', 'markdown');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain(`- :x: \`${cut}\`: incomplete configuration`);
  });
});

describe('--output never overwrites what the run reads', () => {
  it('refuses an output that is an input, the baseline, or another output, before writing anything', async () => {
    const dir = tempDir('ama-clobber-');
    const config = join(dir, 'vpn.cfg');
    copyFileSync(DEMO, config);
    const original = readFileSync(config, 'utf8');
    writeFileSync(join(dir, 'change.txt'), 'group-policy GP-SPLIT attributes\n split-dns none\n');
    writeFileSync(join(dir, 'base.json'), '{}');
    const cases: Array<[string[], RegExp]> = [
      [['audit', 'vpn.cfg', '--format', 'json', '--output', 'vpn.cfg'], /--output \(--format json\) .*vpn\.cfg: is a configuration, which this run reads/],
      [
        ['audit', 'vpn.cfg', '--format', 'json', '--output', 'a.out', '--format', 'sarif', '--output', './a.out'],
        /--output \(--format json\) writes there too/,
      ],
      [['audit', 'vpn.cfg', '--baseline', 'base.json', '--format', 'json', '--output', 'base.json'], /is the --baseline/],
      [['audit', 'vpn.cfg', '--write-baseline', 'vpn.cfg'], /--write-baseline .*vpn\.cfg: is a configuration/],
      [['plan', 'vpn.cfg', '--output', 'vpn.cfg'], /--output .*vpn\.cfg: is a configuration/],
      [['diff', 'vpn.cfg', DEMO, '--output', 'vpn.cfg'], /is a configuration/],
      [['what-if', 'vpn.cfg', '--commands', 'change.txt', '--output', 'change.txt'], /is the change script \(--commands\)/],
    ];
    for (const [args, message] of cases) {
      const r = await cliWith({ cwd: dir }, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(readFileSync(config, 'utf8')).toBe(original);
    expect(readFileSync(join(dir, 'change.txt'), 'utf8')).toContain('split-dns none');
    expect(readFileSync(join(dir, 'base.json'), 'utf8')).toBe('{}');
    expect(existsSync(join(dir, 'a.out'))).toBe(false);
    // Configurations found in a directory or a --files-from list, the configuration file found by
    // walking up, and two outputs through a symlinked folder are caught too.
    mkdirSync(join(dir, 'configs'));
    copyFileSync(DEMO, join(dir, 'configs', 'b.cfg'));
    writeFileSync(join(dir, 'list.txt'), 'configs/b.cfg\n');
    writeFileSync(join(dir, '.asa-mobile-audit.yaml'), 'failOn: warning\n');
    mkdirSync(join(dir, 'real'));
    symlinkSync('real', join(dir, 'alias'));
    const found: Array<[string[], RegExp]> = [
      [['audit', 'configs', '--format', 'compact', '--output', 'configs/b.cfg'], /b\.cfg: is a configuration, which this run reads/],
      [['audit', '--files-from', 'list.txt', '--format', 'compact', '--output', 'configs/b.cfg'], /b\.cfg: is a configuration/],
      [['plan', 'configs', '--output', 'configs/b.cfg'], /b\.cfg: is a configuration/],
      [['diff', 'configs', 'configs', '--output', 'configs/b.cfg'], /b\.cfg: is a configuration/],
      [['audit', 'vpn.cfg', '--format', 'json', '--output', '.asa-mobile-audit.yaml'], /is the configuration file, which this run reads/],
      [['plan', 'vpn.cfg', '--output', '.asa-mobile-audit.yaml'], /is the configuration file/],
      [['audit', 'vpn.cfg', '--format', 'json', '--output', 'real/x.json', '--format', 'sarif', '--output', 'alias/x.json'], /writes there too/],
    ];
    for (const [args, message] of found) {
      const r = await cliWith({ cwd: dir }, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
    expect(readFileSync(join(dir, 'configs', 'b.cfg'), 'utf8')).toBe(original);
    expect(readFileSync(join(dir, '.asa-mobile-audit.yaml'), 'utf8')).toBe('failOn: warning\n');
    expect(existsSync(join(dir, 'real', 'x.json'))).toBe(false);
    // Refreshing a baseline in place is how a baseline is updated: allowed.
    const refresh = await cliWith({ cwd: dir }, 'audit', 'vpn.cfg', '--write-baseline', 'fresh.json');
    expect(refresh.code).toBe(0);
    expect((await cliWith({ cwd: dir }, 'audit', 'vpn.cfg', '--baseline', 'fresh.json', '--write-baseline', 'fresh.json')).code).toBe(0);
  });
});

describe('several formats in one run', () => {
  it('writes each --format to its --output and keeps table on stdout', async () => {
    const dir = tempDir('ama-out-');
    const r = await cliWith(
      {},
      'audit',
      DEMO,
      '--format',
      'sarif',
      '--output',
      join(dir, 'r.sarif'),
      '--format',
      'junit',
      '--output',
      join(dir, 'r.xml'),
      '--format',
      'table',
    );
    expect(r.code).toBe(1);
    expect(sarif(readFileSync(join(dir, 'r.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(readFileSync(join(dir, 'r.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(r.stdout).toContain('Fixes (paste in configuration mode;');
    const bad = await cli('audit', DEMO, '--format', 'json', '--format', 'sarif');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/only one --format can go to standard output/);
    expect((await cli('audit', DEMO, '--format', 'yaml')).code).toBe(2);
  });

  it('is deterministic and free of absolute paths in every format', async () => {
    for (const format of ['json', 'sarif', 'junit', 'github', 'markdown', 'table']) {
      const a = await cli('audit', DEMO, 'fixtures/repo/oxidized/dc-asa', '--format', format);
      const b = await cli('audit', DEMO, 'fixtures/repo/oxidized/dc-asa', '--format', format);
      expect(a.stdout, format).toBe(b.stdout);
      expect(a.stdout, format).not.toContain(ROOT);
      expect(a.stdout, format).not.toMatch(/20\d\d-\d\d-\d\dT\d\d:/);
    }
  });
});

describe('what needs the user, in every format that prints fixes', () => {
  it('markdown and github say it where a finding has no fix (as table and HTML do)', async () => {
    const needs = /Needs your input: the internal domains iOS should resolve through the tunnel/;
    expect((await cli('audit', DEMO, '--format', 'markdown', '--fail-on', 'never')).stdout).toMatch(needs);
    const github = (await cli('audit', DEMO, '--format', 'github', '--fail-on', 'never')).stdout;
    expect(github.split('\n').find((l) => l.includes('ios-dns-all-clear'))).toMatch(/%0A%0ANeeds your input: the internal domains/);
  });
});
