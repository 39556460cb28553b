// `diff`, `what-if` and `plan` from the command line: contracts (JSON fields, exit codes), formats,
// the three ways to name the two sides of a diff, and bad input.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import type { DiffJsonDocument, PlanJsonDocument } from '../../src/report/change-json.js';
import { cli, cliWith, fixture, readJson, tempDir } from '../helpers.js';

const DEMO = fixture('demo/demo-headend.cfg');
const DEMO_TEXT = readFileSync(DEMO, 'utf8');
/** The demo with GP-SPLIT's own split-dns removed: it now inherits DfltGrpPolicy's. */
const DROPPED = DEMO_TEXT.replace(' split-dns value corp.example.com lab.example.com\n', '');
/** The demo with lab.example.com taken out of GP-SPLIT's split-dns. */
const NARROWED = DEMO_TEXT.replace(' split-dns value corp.example.com lab.example.com\n', ' split-dns value corp.example.com\n');

/** A new git repository in a temporary folder, and git run in it as a fixed author. */
function gitRepo(): { repo: string; git: (...args: string[]) => string } {
  const repo = tempDir();
  const git = (...args: string[]): string =>
    execFileSync('git', args, {
      cwd: repo,
      env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e' },
    }).toString();
  git('init', '-q', '-b', 'main');
  return { repo, git };
}

/** A repository whose one configuration, vpn-demo.cfg, has two commits: the demo, then NARROWED. */
function narrowedRepo(): ReturnType<typeof gitRepo> {
  const r = gitRepo();
  writeFileSync(join(r.repo, 'vpn-demo.cfg'), DEMO_TEXT);
  r.git('add', '.');
  r.git('commit', '-q', '-m', 'base');
  writeFileSync(join(r.repo, 'vpn-demo.cfg'), NARROWED);
  r.git('commit', '-q', '-am', 'narrow split-dns');
  return r;
}

/** The demo cut one line into the block `header` starts: a capture that stops there, and its last line (1-based). */
function demoCutIn(header: string): { text: string; lastLine: number } {
  const lines = DEMO_TEXT.split('\n');
  const lastLine = lines.findIndex((l) => l.startsWith(header)) + 2;
  return { text: `${lines.slice(0, lastLine).join('\n')}\n`, lastLine };
}

/** A repository whose vpn-demo.cfg is first the demo cut in MOBILE-SPLIT's webvpn block, then the whole demo. */
function cutThenWholeRepo(): ReturnType<typeof gitRepo> & { lastLine: number } {
  const r = gitRepo();
  const cut = demoCutIn('tunnel-group MOBILE-SPLIT webvpn-attributes');
  writeFileSync(join(r.repo, 'vpn-demo.cfg'), cut.text);
  r.git('add', '.');
  r.git('commit', '-q', '-m', 'a capture cut short');
  writeFileSync(join(r.repo, 'vpn-demo.cfg'), DEMO_TEXT);
  r.git('commit', '-q', '-am', 'whole again');
  return { ...r, lastLine: cut.lastLine };
}

function twoFiles(newText: string): { dir: string; old: string; neu: string } {
  const dir = tempDir();
  const old = join(dir, 'old.cfg');
  const neu = join(dir, 'new.cfg');
  writeFileSync(old, DEMO_TEXT);
  writeFileSync(neu, newText);
  return { dir, old, neu };
}

describe('diff OLD NEW', () => {
  it('takes a profile renamed in one change (the new name keeps its aliases) for the same profile: its findings are not new', async () => {
    const { old, neu } = twoFiles(DEMO_TEXT.replaceAll('tunnel-group MOBILE-DOMAIN ', 'tunnel-group MOBILE-DOM2 '));
    const r = await cli('diff', old, neu, '--fail-on-new', 'warning', '--format', 'json');
    expect(r.code).toBe(0);
    const d = readJson<{
      devices: Array<{ profiles: Array<{ tunnelGroup: string; status: string; copyOf?: string }>; findings: { introduced: unknown[]; resolved: unknown[] } }>;
    }>(r.stdout).devices[0]!;
    expect(d.findings).toEqual({ introduced: [], resolved: [], lowered: [] });
    expect(d.profiles.filter((p) => p.status !== 'unchanged').map((p) => [p.tunnelGroup, p.status, p.copyOf])).toEqual([
      ['MOBILE-DOM2', 'added', 'MOBILE-DOMAIN'],
      ['MOBILE-DOMAIN', 'removed', undefined],
    ]);
    expect((await cli('diff', old, neu)).stdout).toContain(
      'MOBILE-DOM2: added, a copy of MOBILE-DOMAIN (a rename: what follows, and its findings, are compared with MOBILE-DOMAIN)',
    );
    // A file whose hostname changed is still the same file: the diff says the name changed.
    const renamedHost = twoFiles(DEMO_TEXT.replace('hostname vpn-demo', 'hostname vpn-demo-2'));
    expect((await cli('diff', renamedHost.old, renamedHost.neu)).stdout).toMatch(/^ {2}hostname: vpn-demo \(line \d+\) → vpn-demo-2 \(line \d+\)$/m);
    // Taking over only the certificate default group (a setting that must point somewhere when its
    // profile goes) makes no copy: the new profile is a new way in.
    const dg = (profile: string, alias: string): string =>
      DEMO_TEXT.replace(
        'tunnel-group MOBILE-DOMAIN type remote-access',
        `tunnel-group-map default-group ${profile}\ntunnel-group ${profile} type remote-access\ntunnel-group ${profile} general-attributes\n default-group-policy GP-CLEAR\ntunnel-group ${profile} webvpn-attributes\n group-alias ${alias} enable\ntunnel-group MOBILE-DOMAIN type remote-access`,
      );
    const dgFiles = twoFiles(dg('GUESTS', 'Guests'));
    writeFileSync(dgFiles.old, dg('VISITORS', 'Visitors'));
    const dgDiff = readJson<{ devices: Array<{ profiles: Array<{ tunnelGroup: string; copyOf?: string }>; findings: { introduced: unknown[] } }> }>(
      (await cli('diff', dgFiles.old, dgFiles.neu, '--format', 'json')).stdout,
    ).devices[0]!;
    expect(dgDiff.profiles.find((p) => p.tunnelGroup === 'GUESTS')?.copyOf).toBeUndefined();
    expect(dgDiff.findings.introduced.length).toBeGreaterThan(0);
    // A rename while the default group moves too: the profile whose alias it took is the original,
    // not the one that lost the default group.
    const withDefault = (profile: string, text: string): string =>
      text.replace('\nCryptochecksum', `\ntunnel-group-map default-group ${profile}\nCryptochecksum`);
    const both = twoFiles(withDefault('LAB-PARTNERS', DEMO_TEXT.replaceAll('tunnel-group Lab&Partners ', 'tunnel-group LAB-PARTNERS ')));
    writeFileSync(both.old, withDefault('MOBILE-DOMAIN', DEMO_TEXT));
    const bothDiff = readJson<{ devices: Array<{ profiles: Array<{ tunnelGroup: string; copyOf?: string }>; findings: { introduced: unknown[] } }> }>(
      (await cli('diff', both.old, both.neu, '--format', 'json')).stdout,
    ).devices[0]!;
    expect(bothDiff.profiles.find((p) => p.tunnelGroup === 'LAB-PARTNERS')?.copyOf).toBe('Lab&Partners');
    expect(bothDiff.findings.introduced).toEqual([]);
    // A new profile that takes nothing of an old one is a new way in: its findings are new.
    const fresh = twoFiles(
      DEMO_TEXT.replace(
        'tunnel-group MOBILE-DOMAIN type remote-access',
        'tunnel-group FRESH type remote-access\ntunnel-group FRESH general-attributes\n default-group-policy GP-DOMAIN\ntunnel-group FRESH webvpn-attributes\n group-alias Fresh enable\ntunnel-group MOBILE-DOMAIN type remote-access',
      ),
    );
    expect((await cli('diff', fresh.old, fresh.neu, '--fail-on-new', 'warning')).code).toBe(1);
  });

  it('does not compare a device whose new side is cut off: it says so, in every format, and exits 2', async () => {
    // The demo cut inside a tunnel-group block: read as complete, its missing profiles would be "removed".
    const { old, neu } = twoFiles(demoCutIn('tunnel-group MOBILE-SPLIT webvpn-attributes').text);
    const text = await cli('diff', old, neu);
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(/not compared: the new side .*new\.cfg \(line \d+\): configuration is incomplete/);
    expect(text.stdout).not.toMatch(/removed|findings resolved/);
    const json = readJson<DiffJsonDocument>((await cli('diff', old, neu, '--format', 'json')).stdout);
    expect(json.devices[0]).toMatchObject({ compared: false, profiles: [], findings: { introduced: [], resolved: [] } });
    expect(json.devices[0]!.incomplete).toEqual([
      { side: 'new', kind: 'incomplete', source: expect.stringMatching(/new\.cfg$/), line: expect.any(Number), message: expect.stringContaining('incomplete') },
    ]);
    for (const format of ['markdown', 'html', 'github']) {
      const r = await cli('diff', old, neu, '--format', format);
      expect(r.code).toBe(2);
      expect(r.stdout).toContain('not compared');
      expect(r.stdout).not.toMatch(/MOBILE-FULL[^\n]*removed/);
    }
    // Accepted, it is compared, and still says what it is.
    const allowed = await cli('diff', old, neu, '--allow-incomplete', '--format', 'json');
    const device = readJson<DiffJsonDocument>(allowed.stdout).devices[0]!;
    expect(device.compared).toBe(true);
    expect(device.profiles.some((p) => p.status === 'removed')).toBe(true);
    expect(device.incomplete).toHaveLength(1);
    // A profile the cut-off part may hold is not said to be gone, nor are its findings.
    // (MOBILE-SPLIT too: the cut falls in its block, so it is only partly there.)
    const unseen = device.profiles.filter((p) => p.unseenOn === 'new').map((p) => p.tunnelGroup);
    expect(unseen).toEqual(device.profiles.filter((p) => p.status === 'removed' || p.tunnelGroup === 'MOBILE-SPLIT').map((p) => p.tunnelGroup));
    expect(unseen).toContain('MOBILE-INHERIT');
    expect(unseen).toContain('MOBILE-SPLIT');
    const accepted = await cli('diff', old, neu, '--allow-incomplete');
    expect(accepted.stdout).toMatch(/^ {2}MOBILE-INHERIT: removed \(or only in the missing part of the cut-short new side\)$/m);
    expect(accepted.stdout).toMatch(/^ {2}findings not checked: their profile is not, or not wholly, in the part a cut-short side holds/m);
    expect(accepted.stdout).not.toMatch(/findings no longer reported, not fixed/);
    expect(accepted.stdout).toMatch(/\d+ not checked: their profiles are not in the part a cut-short configuration holds\n$/);
    const github = await cli('diff', old, neu, '--allow-incomplete', '--format', 'github');
    expect(github.stdout).not.toMatch(/MOBILE-INHERIT is removed/);
    // A side that is whole says `removed` plainly.
    const whole = readJson<DiffJsonDocument>(
      (await cli('diff', old, twoFiles(DEMO_TEXT.replace(/^tunnel-group MOBILE-INHERIT .*\n(?: .*\n)*/gm, '')).neu, '--format', 'json')).stdout,
    ).devices[0]!;
    expect(whole.profiles.find((p) => p.tunnelGroup === 'MOBILE-INHERIT')).toMatchObject({ status: 'removed' });
    expect(whole.profiles.find((p) => p.tunnelGroup === 'MOBILE-INHERIT')!.unseenOn).toBeUndefined();
  });

  it('does not report a device as removed when its new file cannot be read: not compared, in every format, exit 2', async () => {
    const { dir, old } = twoFiles(DEMO_TEXT);
    const missing = join(dir, 'typo.cfg');
    const json = await cli('diff', old, missing, '--format', 'json');
    expect(json.code).toBe(2);
    expect(json.stderr).toMatch(/typo\.cfg/);
    const device = readJson<DiffJsonDocument>(json.stdout).devices[0]!;
    expect(device).toMatchObject({ compared: false, profiles: [], findings: { introduced: [], resolved: [] } });
    expect(device.incomplete).toEqual([
      { side: 'new', kind: 'unreadable', source: expect.stringMatching(/typo\.cfg$/), line: null, message: expect.any(String) },
    ]);
    const markdown = await cli('diff', old, missing, '--format', 'markdown');
    expect(markdown.stdout).toMatch(/0 finding\(s\) introduced, 0 resolved, 1 device not compared \(unreadable\)/);
    expect(markdown.stdout).toMatch(/not compared: the new side \S*typo\.cfg could not be read/);
    expect(markdown.stdout).not.toMatch(/removed/);
    // The same when the old side is the one missing: nothing reads as added.
    const text = await cli('diff', missing, old);
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(/not compared: the old side \S*typo\.cfg could not be read/);
    expect(text.stdout).not.toMatch(/added/);
  });

  it('says per profile what changed, with where each value comes from, and the iOS DNS outcome domain by domain', async () => {
    const { old, neu } = twoFiles(NARROWED);
    const r = await cli('diff', old, neu);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('MOBILE-SPLIT: changed');
    expect(r.stdout).toMatch(
      /split-dns: value corp\.example\.com lab\.example\.com \(set in group-policy GP-SPLIT \(line 125\)\) → value corp\.example\.com \(set in group-policy GP-SPLIT \(line 125\)\)/,
    );
    expect(r.stdout).toContain('iOS DNS lab.example.com: tunnelled → in the clear');
    expect(r.stdout).toMatch(/\d+ profiles unchanged/);
  });

  it('follows the JSON contract: devices, profiles with status, settings and iosDns as explain-dns gives it, findings as audit gives them', async () => {
    const { old, neu } = twoFiles(DROPPED);
    const r = await cli('diff', old, neu, '--format', 'json');
    const doc = readJson<DiffJsonDocument>(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    const d = doc.devices[0]!;
    expect(d).toMatchObject({ hostname: 'vpn-demo', old: expect.stringMatching(/old\.cfg$/), new: expect.stringMatching(/new\.cfg$/) });
    const split = d.profiles.find((p) => p.tunnelGroup === 'MOBILE-SPLIT')!;
    expect(split.status).toBe('changed');
    expect(split.settings).toContainEqual(
      expect.objectContaining({ setting: 'split-dns', old: 'value corp.example.com lab.example.com', new: 'value legacy.example.net' }),
    );
    const explainNew = readJson<{ targets: Array<{ profiles: Array<{ tunnelGroup: string; iosDns: unknown }> }> }>(
      (await cli('explain-dns', neu, '--format', 'json', '--tunnel-group', 'MOBILE-SPLIT')).stdout,
    );
    expect(split.iosDns.new).toEqual(explainNew.targets[0]!.profiles[0]!.iosDns);
    expect(d.profiles.find((p) => p.tunnelGroup === 'MOBILE-FULL')!.status).toBe('unchanged');
    const introduced = d.findings.introduced.map((f) => [f.ruleId, f.tunnelGroup]);
    expect(introduced).toContainEqual(['split-dns-inherited', 'MOBILE-SPLIT']);
    expect(Object.keys(d.findings.introduced[0]!).slice(0, 7)).toEqual(['ruleId', 'severity', 'message', 'line', 'tunnelGroup', 'groupPolicy', 'fix']);
  });

  it('--fail-on-new exits 1 only for findings the change introduces at or above the severity', async () => {
    const { old, neu } = twoFiles(DROPPED);
    const warning = await cli('diff', old, neu, '--fail-on-new', 'warning');
    expect(warning.code).toBe(1);
    expect(warning.stderr).toMatch(/introduces \d+ findings? at or above warning/);
    expect((await cli('diff', old, neu, '--fail-on-new', 'error')).code).toBe(0);
    // The demo's own findings are old: comparing it with itself fails nothing.
    expect((await cli('diff', old, old, '--fail-on-new', 'info')).code).toBe(0);
    expect((await cli('diff', old, neu, '--fail-on-new', 'fatal')).code).toBe(2);
  });

  it('writes a pull-request comment (markdown) and annotations on the new file (github)', async () => {
    const { old, neu } = twoFiles(DROPPED);
    const md = (await cli('diff', old, neu, '--format', 'markdown')).stdout;
    expect(md).toMatch(/^## asa-mobile-audit diff: 1 device changed/);
    expect(md).toContain('| `MOBILE-SPLIT` | changed |');
    expect(md).toMatch(/\*\*Findings introduced \(\d+\)\*\*/);
    const gh = (await cli('diff', old, neu, '--format', 'github')).stdout;
    expect(gh).toMatch(
      /^::warning file=.*new\.cfg,line=\d+,title=asa-mobile-audit%3A MOBILE-SPLIT changed%2C iOS DNS now in the clear::iOS DNS corp\.example\.com: tunnelled → in the clear%0A/m,
    );
    expect(gh).toMatch(/^::(warning|notice) file=.*new\.cfg,line=\d+,title=new%3A split-dns-inherited \(MOBILE-SPLIT\)::/m);
  });

  it("says a removed device's findings went with it, not that they were fixed", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'vpn-demo.cfg'), DEMO_TEXT);
    const text = (await cliWith({ cwd: dir }, 'diff', 'a', 'b')).stdout;
    expect(text).toMatch(/^ {2}device removed\n/m);
    expect(text).toMatch(/^ {2}findings gone with the device \(\d+\):$/m);
    expect(text).not.toContain('findings resolved');
    const markdown = (await cliWith({ cwd: dir }, 'diff', 'a', 'b', '--format', 'markdown')).stdout;
    expect(markdown).toMatch(/^\*\*Findings gone with the device \(\d+\)\*\*$/m);
    // The JSON keeps its contract: they are in findings.resolved.
    const doc = readJson<DiffJsonDocument>((await cliWith({ cwd: dir }, 'diff', 'a', 'b', '--format', 'json')).stdout);
    const gone = doc.devices[0]!.findings.resolved.length;
    expect(gone).toBeGreaterThan(0);
    // The summary lines count them as gone, not resolved.
    expect(text.trimEnd().split('\n').at(-1)).toBe(`1 device changed of 1; findings: 0 introduced, 0 resolved, ${gone} gone with removed devices`);
    expect(markdown.split('\n')[0]).toBe(`## asa-mobile-audit diff: 1 device changed, 0 finding(s) introduced, 0 resolved, ${gone} gone with removed devices`);
    const html = (await cliWith({ cwd: dir }, 'diff', 'a', 'b', '--format', 'html')).stdout;
    expect(html).toContain('<th scope="row">Findings resolved</th><td>0</td>');
    expect(html).toContain(`<th scope="row">Findings gone with removed devices</th><td>${gone}</td>`);
    // A device removed beside one whose change fixes a finding: each count says what it is.
    writeFileSync(join(dir, 'a', 'hq.cfg'), DEMO_TEXT.replace('hostname vpn-demo', 'hostname hq'));
    writeFileSync(
      join(dir, 'b', 'hq.cfg'),
      DEMO_TEXT.replace('hostname vpn-demo', 'hostname hq').replace('anyconnect dpd-interval client none', 'anyconnect dpd-interval client 30'),
    );
    expect((await cliWith({ cwd: dir }, 'diff', 'a', 'b')).stdout).toMatch(
      new RegExp(`^2 devices changed of 2; findings: 0 introduced, [1-9]\\d* resolved, ${gone} gone with removed devices$`, 'm'),
    );
    // The same in a --git range that deletes the file.
    const { repo, git } = gitRepo();
    writeFileSync(join(repo, 'vpn-demo.cfg'), DEMO_TEXT);
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('rm', '-q', 'vpn-demo.cfg');
    git('commit', '-q', '-m', 'decommission');
    expect((await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1')).stdout).toMatch(
      /findings: 0 introduced, 0 resolved, [1-9]\d* gone with removed devices\n$/,
    );
  });

  it('pairs the one device left on each side with a hostname others share (ciscoasa), once those others paired by path', async () => {
    const dir = tempDir();
    for (const side of ['a', 'b']) mkdirSync(join(dir, side));
    const asa = (rel: string) => readFileSync(fixture(rel), 'utf8').replace(/^hostname .*$/m, 'hostname ciscoasa');
    for (const side of ['a', 'b']) writeFileSync(join(dir, side, 'asa-ra.cfg'), asa('demo/demo-headend.cfg'));
    writeFileSync(join(dir, 'a', 'asa-ssl.cfg'), asa('plan/rename-collision.cfg'));
    writeFileSync(join(dir, 'b', 'asa-ssl-renamed.cfg'), asa('plan/rename-collision.cfg'));
    const r = await cliWith({ cwd: dir }, 'diff', 'a', 'b', '--format', 'json', '--fail-on-new', 'warning');
    expect(r.code).toBe(0);
    const doc = readJson<DiffJsonDocument>(r.stdout);
    expect(doc.devices.map((d) => [d.old, d.new])).toEqual([
      ['a/asa-ra.cfg', 'b/asa-ra.cfg'],
      ['a/asa-ssl.cfg', 'b/asa-ssl-renamed.cfg'],
    ]);
    expect(doc.devices.flatMap((d) => d.findings.introduced)).toEqual([]);
    // Two left on one side and one on the other: which is which is not known, so none pair.
    writeFileSync(join(dir, 'a', 'asa-old.cfg'), asa('plan/dflt-collateral.cfg'));
    const unsure = readJson<DiffJsonDocument>((await cliWith({ cwd: dir }, 'diff', 'a', 'b', '--format', 'json')).stdout);
    expect(unsure.devices.filter((d) => d.old === null || d.new === null)).toHaveLength(3);
  });

  it('pairs devices of two directories by hostname, then by path, and names added and removed ones', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    writeFileSync(join(dir, 'a', 'vpn-demo.cfg'), DEMO_TEXT);
    writeFileSync(join(dir, 'b', 'renamed-file.cfg'), NARROWED); // same hostname, new file name
    copyFileSync(fixture('synthetic/plain-916.cfg'), join(dir, 'a', 'hq.cfg')); // removed
    copyFileSync(fixture('synthetic/legacy-svc-82.cfg'), join(dir, 'b', 'legacy.cfg')); // added
    writeFileSync(join(dir, 'b', 'README.md'), 'not a config\n');
    const doc = readJson<DiffJsonDocument>((await cliWith({ cwd: dir }, 'diff', 'a', 'b', '--format', 'json')).stdout);
    const byHost: Record<string, Array<string | null>> = Object.fromEntries(doc.devices.map((d) => [d.hostname ?? '', [d.old, d.new]]));
    expect(byHost['vpn-demo']).toEqual([join(dir, 'a', 'vpn-demo.cfg').slice(dir.length + 1), 'b/renamed-file.cfg']);
    expect(byHost['hq-asa']).toEqual(['a/hq.cfg', null]);
    expect(Object.values(byHost)).toContainEqual([null, 'b/legacy.cfg']);
    // A device's file emptied on the new side is not compared (and exits 2), not removed.
    writeFileSync(join(dir, 'b', 'hq.cfg'), '');
    const emptied = await cliWith({ cwd: dir }, 'diff', 'a', 'b', '--format', 'markdown');
    expect(emptied.code).toBe(2);
    expect(emptied.stdout).toMatch(/not compared: the new side b\/hq\.cfg could not be read/);
    expect(emptied.stdout).not.toMatch(/hq-asa[^\n]*removed|0 finding\(s\) introduced, [1-9]\d* resolved/);
    // The other way round (an empty placeholder that now holds a configuration) is a device added.
    writeFileSync(join(dir, 'a', 'hq.cfg'), '');
    copyFileSync(fixture('synthetic/plain-916.cfg'), join(dir, 'b', 'hq.cfg'));
    const filled = await cliWith({ cwd: dir }, 'diff', 'a', 'b', '--format', 'json');
    expect(filled.code).toBe(0);
    const added = readJson<DiffJsonDocument>(filled.stdout).devices.find((d) => d.hostname === 'hq-asa')!;
    expect([added.old, added.new, added.compared]).toEqual([null, 'b/hq.cfg', true]);
    // An old file that held something else (a failed capture's error page) is no placeholder: not compared.
    writeFileSync(join(dir, 'a', 'hq.cfg'), '<html><body>502 Bad Gateway</body></html>\n');
    const recovered = await cliWith({ cwd: dir }, 'diff', 'a', 'b', '--format', 'json');
    expect(recovered.code).toBe(2);
    const recoveredDoc = readJson<DiffJsonDocument>(recovered.stdout);
    expect(recoveredDoc.devices.find((d) => d.hostname === 'hq-asa')).toMatchObject({ compared: false, old: 'a/hq.cfg' });
    // The JSON's list of files not read names it too (the exit code is 2 because of it).
    expect(recoveredDoc.notRead).toEqual([{ source: 'a/hq.cfg', line: null, message: expect.stringMatching(/^not an ASA configuration/) }]);
    // --allow-incomplete takes it as a device added after all (a name reused for a new device).
    const accepted = await cliWith({ cwd: dir }, 'diff', 'a', 'b', '--format', 'json', '--allow-incomplete');
    expect(accepted.code).toBe(0);
    expect(readJson<DiffJsonDocument>(accepted.stdout).devices.find((d) => d.hostname === 'hq-asa')).toMatchObject({
      compared: true,
      old: null,
      new: 'b/hq.cfg',
    });
    // A multiple-context backup emptied on the new side: one device per context not compared, one message.
    const contexts = tempDir();
    mkdirSync(join(contexts, 'a'));
    mkdirSync(join(contexts, 'b'));
    copyFileSync(fixture('synthetic/oxidized-multi-context.cfg'), join(contexts, 'a', 'mc.cfg'));
    writeFileSync(join(contexts, 'b', 'mc.cfg'), '');
    const mc = await cliWith({ cwd: contexts }, 'diff', 'a', 'b', '--format', 'json');
    expect(mc.code).toBe(2);
    expect(readJson<DiffJsonDocument>(mc.stdout).devices.map((d) => d.compared)).toEqual([false, false, false]);
    expect(mc.stderr.match(/not compared\)/g)).toHaveLength(1);
    // A device that moved to another file, leaving a note at the old path, is paired by hostname.
    const moved = tempDir();
    mkdirSync(join(moved, 'a'));
    mkdirSync(join(moved, 'b'));
    writeFileSync(join(moved, 'a', 'fw.cfg'), DEMO_TEXT);
    writeFileSync(join(moved, 'b', 'fw.cfg'), 'moved to fw-running.cfg\n');
    writeFileSync(join(moved, 'b', 'fw-running.cfg'), DEMO_TEXT);
    const r = await cliWith({ cwd: moved }, 'diff', 'a', 'b');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no change to any connection profile (1 device compared)');
  });

  it('honours an ignore that names a file in a --git diff, from the top of the repository and below it', async () => {
    const { repo, git } = gitRepo();
    mkdirSync(join(repo, 'configs'));
    const withNatt = DEMO_TEXT.replace('hostname vpn-demo\n', 'hostname vpn-demo\ncrypto isakmp nat-traversal 3600\n');
    expect(withNatt).not.toBe(DEMO_TEXT);
    writeFileSync(join(repo, 'configs', 'hq.cfg'), withNatt);
    writeFileSync(
      join(repo, '.asa-mobile-audit.yaml'),
      ['ignore:', '  - rule: natt-keepalive-short', '    device: "configs/hq.cfg"', '    reason: "site-to-site peers need 20 s (CHG-1)"'].join('\n'),
    );
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(repo, 'configs', 'hq.cfg'), DEMO_TEXT);
    git('commit', '-q', '-am', 'drop the NAT-T line');
    for (const cwd of [repo, join(repo, 'configs')]) {
      const r = await cliWith({ cwd }, 'diff', '--git', 'HEAD~1..HEAD', '--fail-on-new', 'warning', '--format', 'json');
      expect(r.code, cwd).toBe(0);
      expect(JSON.stringify(readJson<{ devices: Array<{ findings: unknown }> }>(r.stdout).devices[0]!.findings), cwd).not.toContain('natt-keepalive-short');
    }
  });

  it("leaves out the files the configuration file's files.exclude names, as audit DIR and diff DIR DIR do", async () => {
    const { repo, git } = gitRepo();
    mkdirSync(join(repo, 'configs'));
    mkdirSync(join(repo, 'archive'));
    writeFileSync(join(repo, 'configs', 'vpn-demo.cfg'), DEMO_TEXT);
    writeFileSync(join(repo, '.asa-mobile-audit.yaml'), 'files:\n  exclude: ["archive/"]\n');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    // The change retires an old copy into archive/ (its findings would all be new) and edits the live one.
    writeFileSync(join(repo, 'archive', 'vpn-old.cfg'), DEMO_TEXT.replace('hostname vpn-demo', 'hostname vpn-old'));
    writeFileSync(join(repo, 'configs', 'vpn-demo.cfg'), NARROWED);
    git('add', '.');
    git('commit', '-q', '-m', 'archive the old headend');
    for (const cwd of [repo, join(repo, 'configs')]) {
      const r = await cliWith({ cwd }, 'diff', '--git', 'HEAD~1..HEAD', '--fail-on-new', 'warning', '--format', 'json');
      expect(r.code, cwd).toBe(0);
      expect(
        readJson<DiffJsonDocument>(r.stdout).devices.map((d) => [d.hostname, d.new]),
        cwd,
      ).toEqual([['vpn-demo', 'HEAD:configs/vpn-demo.cfg']]);
    }
    // The directory-mode audit agrees: archive/ is skipped there too.
    expect((await cliWith({ cwd: repo }, 'audit', '.', '--format', 'json', '--fail-on', 'never')).stdout).not.toContain('vpn-old');
    // A path named exactly is read, as a file named to audit is.
    const named = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1..HEAD', 'archive/vpn-old.cfg', '--fail-on-new', 'warning', '--format', 'json');
    expect(named.code).toBe(1);
    expect(readJson<DiffJsonDocument>(named.stdout).devices.map((d) => d.hostname)).toEqual(['vpn-old']);
    // A change that touches only excluded files says so, rather than "no file changed".
    writeFileSync(join(repo, 'archive', 'vpn-old.cfg'), DEMO_TEXT.replace('hostname vpn-demo', 'hostname vpn-older'));
    git('commit', '-q', '-am', 'touch the archive');
    const only = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--fail-on-new', 'warning');
    expect(only.code).toBe(0);
    expect(only.stderr).toBe(
      'asa-mobile-audit: --git HEAD~1: every changed file is excluded by the configuration file (files.include/exclude): archive/vpn-old.cfg\n',
    );
  });

  // Found by a user trial: git's contents of a submodule cannot be read, and the whole run stopped
  // with git's own error, no report written.
  it('passes over a submodule the range changes, says so, and compares the configurations', async () => {
    const { repo, git } = narrowedRepo();
    // A gitlink (a submodule's commit) added beside a configuration change, without fetching anything.
    git('update-index', '--add', '--cacheinfo', `160000,${git('rev-parse', 'HEAD').trim()},tools/vendor`);
    writeFileSync(join(repo, 'vpn-demo.cfg'), DEMO_TEXT);
    git('add', 'vpn-demo.cfg');
    git('commit', '-q', '-m', 'vendor tools; widen split-dns again');
    const r = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1..HEAD', '--format', 'json');
    expect(r.code).toBe(0);
    expect(readJson<DiffJsonDocument>(r.stdout).devices.map((d) => d.new)).toEqual(['HEAD:vpn-demo.cfg']);
    expect(r.stderr).toBe(
      'asa-mobile-audit: --git HEAD~1..HEAD: submodules changed, not compared (their files are in other repositories; run the gate there): tools/vendor\n',
    );
  });

  it('compares two revisions of a config repository without touching the working tree (--git)', async () => {
    const { repo, git } = gitRepo();
    mkdirSync(join(repo, 'configs'));
    writeFileSync(join(repo, 'configs', 'vpn-demo'), DEMO_TEXT);
    writeFileSync(join(repo, 'configs', 'other.cfg'), readFileSync(fixture('synthetic/plain-916.cfg')));
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(repo, 'configs', 'vpn-demo'), NARROWED);
    git('commit', '-q', '-am', 'narrow split-dns');
    // The working tree differs again: --git reads the commits, not the files.
    writeFileSync(join(repo, 'configs', 'vpn-demo'), 'garbage\n');
    const r = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1..HEAD', 'configs');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('vpn-demo: HEAD~1:configs/vpn-demo → HEAD:configs/vpn-demo');
    expect(r.stdout).toContain('iOS DNS lab.example.com: tunnelled → in the clear');
    // Only changed files are read: the unchanged device is not in the report.
    expect(r.stdout).not.toContain('hq-asa');
    expect((await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--format', 'json')).stdout).toContain('"new": "HEAD:configs/vpn-demo"');
    expect(readFileSync(join(repo, 'configs', 'vpn-demo'), 'utf8')).toBe('garbage\n');
    const gh = (await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1..HEAD', '--format', 'github')).stdout;
    expect(gh).toMatch(/file=configs\/vpn-demo,line=/);
    const bad = await cliWith({ cwd: repo }, 'diff', '--git', 'no-such-rev..HEAD');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^asa-mobile-audit: --git: `no-such-rev` is not a commit in the repository/);
    expect((await cliWith({ cwd: repo }, 'diff', '--git', '--upload-pack=x..HEAD')).code).toBe(2);
    // A path that names nothing on either side is a typo that would pass the gate unseen.
    const typo = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1..HEAD', 'confgis/', '--fail-on-new', 'warning');
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('asa-mobile-audit: --git: confgis/ matches no file in HEAD~1 or HEAD\n');
    // A pathspec that matches an unchanged file is fine: nothing changed there.
    const unchanged = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1..HEAD', 'configs/other.cfg', 'configs/*.cfg');
    expect(unchanged.code).toBe(0);
    // ... and says so, so "0 devices compared" is not taken for a configuration that was checked.
    expect(unchanged.stderr).toBe(
      'asa-mobile-audit: --git HEAD~1..HEAD: no file changed under configs/other.cfg, configs/*.cfg (commits only: what is staged or edited in the working tree is not compared)\n',
    );
    writeFileSync(join(repo, 'NOTES.txt'), 'change window on Friday\n');
    git('add', 'NOTES.txt');
    git('commit', '-q', '-m', 'notes');
    const notes = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1..HEAD');
    expect(notes.code).toBe(0);
    expect(notes.stdout).toContain('0 devices compared');
    expect(notes.stderr).toBe('asa-mobile-audit: --git HEAD~1..HEAD: no ASA configuration among the changed files (NOTES.txt)\n');
    // A commit that empties a config (a collection job that failed): not compared, never "all resolved".
    writeFileSync(join(repo, 'configs', 'vpn-demo'), '');
    git('commit', '-q', '-am', 'collection failed');
    const emptied = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1..HEAD', '--format', 'json');
    expect(emptied.code).toBe(2);
    expect(emptied.stderr).toMatch(/HEAD:configs\/vpn-demo: .*\(the other side has a configuration there: not compared\)/);
    const device = readJson<DiffJsonDocument>(emptied.stdout).devices[0]!;
    expect(device).toMatchObject({ compared: false, findings: { introduced: [], resolved: [] }, profiles: [] });
    expect(device.incomplete[0]).toMatchObject({ side: 'new', kind: 'unreadable', source: 'HEAD:configs/vpn-demo' });
  });

  it('refuses a truncated side unless told, and needs exactly two paths', async () => {
    const r = await cli('diff', fixture('synthetic/oxidized-single-912.cfg'), fixture('synthetic/oxidized-single-truncated.cfg'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/oxidized-single-truncated\.cfg:\d+: .*use --allow-incomplete/);
    expect((await cli('diff', DEMO)).code).toBe(2);
  });
});

describe('what-if on a split-tunnel list that names its addresses', () => {
  it('shows an edit to it, by the addresses the names stand for, and as written where a name is not defined', async () => {
    const dir = tempDir();
    const text = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8')
      .replace(/^names$/m, 'names\nname 10.0.0.53 DNS1\nname 10.9.9.53 DNS2')
      .replace(/^access-list ST-LAB standard permit 172\.16\.0\.0 255\.240\.0\.0$/m, 'access-list ST-LAB standard permit host DNS1');
    expect(text).toContain('permit host DNS1');
    writeFileSync(join(dir, 'names.cfg'), text);
    writeFileSync(join(dir, 'c.txt'), 'no access-list ST-LAB standard permit host DNS1\naccess-list ST-LAB standard permit host DNS2\n');
    const r = await cliWith({ cwd: dir }, 'what-if', 'names.cfg', '--commands', 'c.txt');
    expect(r.stdout).toContain(
      'split-tunnel-network-list entries: permit 10.0.0.53 255.255.255.255 (line 37) → permit 10.9.9.53 255.255.255.255 (c.txt line 2)',
    );
    // DNS3 has no `name` line: the list is compared as written, so the edit still shows.
    writeFileSync(join(dir, 'c3.txt'), 'no access-list ST-LAB standard permit host DNS1\naccess-list ST-LAB standard permit host DNS3\n');
    const undefinedName = await cliWith({ cwd: dir }, 'what-if', 'names.cfg', '--commands', 'c3.txt');
    expect(undefinedName.stdout).toContain(
      'split-tunnel-network-list entries: permit 10.0.0.53 255.255.255.255 (line 37) → standard permit host DNS3 (c3.txt line 2)',
    );
    // In a list compared as written, a name shows with its address: re-pointing it shows too.
    writeFileSync(
      join(dir, 'mixed.cfg'),
      text.replace(
        'access-list ST-LAB standard permit host DNS1',
        'access-list ST-LAB standard permit host DNS1\naccess-list ST-LAB standard permit host NOPE',
      ),
    );
    writeFileSync(join(dir, 'repoint.txt'), 'name 10.7.7.53 DNS1\n');
    const repointed = await cliWith({ cwd: dir }, 'what-if', 'mixed.cfg', '--commands', 'repoint.txt');
    expect(repointed.stdout).toContain('standard permit host DNS1 (10.0.0.53), standard permit host NOPE');
    expect(repointed.stdout).toContain('→ standard permit host DNS1 (10.7.7.53), standard permit host NOPE');
  });
});

describe('plan on a configuration with a line out of place', () => {
  it('withholds the plan and names the line (exit 2), instead of calling it a bug', async () => {
    const dir = tempDir();
    const lines = readFileSync(fixture('plan/rename-collision.cfg'), 'utf8').split('\n');
    expect([lines[39], lines[61]]).toEqual([' tunnel-group-list enable', ' address-pool VPN-POOL']);
    [lines[39], lines[61]] = [lines[61]!, lines[39]!];
    writeFileSync(join(dir, 'swapped.cfg'), lines.join('\n'));
    const r = await cliWith({ cwd: dir }, 'plan', 'swapped.cfg');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plan withheld');
    expect(r.stderr).toContain('The configuration itself has a line out of place: line 40, `address-pool VPN-POOL`');
    expect(r.stderr).not.toContain('This is a bug');
  });
});

describe('plan on a profile that carries lines the tool does not model', () => {
  it('copies the ones it knows (authorization-dn-attributes, secondary-pre-fill-username), and names a command it does not model as its own gap (exit 3)', async () => {
    const dir = tempDir();
    const text = readFileSync(fixture('plan/rename-group-lock.cfg'), 'utf8').replace(/^ group-lock value Lab&Partners\n/gm, '');
    const known = text
      .replace('tunnel-group Lab&Partners webvpn-attributes\n', 'tunnel-group Lab&Partners webvpn-attributes\n secondary-pre-fill-username ssl-client hide\n')
      .replace('tunnel-group Lab&Partners general-attributes\n', 'tunnel-group Lab&Partners general-attributes\n authorization-dn-attributes CN OU\n');
    writeFileSync(join(dir, 'known.cfg'), known);
    const plan = await cliWith({ cwd: dir }, 'plan', 'known.cfg', '--format', 'script');
    // (Only the bare script's pointers to what --format text says.)
    expect(plan.stderr.split('\n').filter((l) => l !== '' && !/: see --format text$/.test(l))).toEqual([]);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/^tunnel-group Lab-Partners-2 general-attributes\n authorization-dn-attributes CN OU$/m);
    expect(plan.stdout).toContain(' secondary-pre-fill-username ssl-client hide');
    // An old Cisco Secure Desktop command the tool does not model: the plan cannot be proven, and the file is not blamed.
    writeFileSync(
      join(dir, 'unknown.cfg'),
      text.replace('tunnel-group Lab&Partners webvpn-attributes\n', 'tunnel-group Lab&Partners webvpn-attributes\n hic-fail-group-policy GP-OTHER\n'),
    );
    const r = await cliWith({ cwd: dir }, 'plan', 'unknown.cfg');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('plan withheld');
    expect(r.stderr).toContain('The tool does not model `hic-fail-group-policy GP-OTHER` yet, so it cannot prove a plan that enters it; please report it');
    expect(r.stderr).not.toContain('line out of place');
  });
});

describe('what-if on a profile AnyConnect clients cannot reach', () => {
  it('says it is not mobile-facing beside its iOS DNS change, in text, markdown and JSON', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.txt'), 'group-policy VPN_USERS_GROUP attributes\n split-tunnel-policy tunnelall\n');
    const file = fixture('corpus/wosm-asa84-ikev1-ra.cfg');
    const text = await cliWith({ cwd: dir }, 'what-if', file, '--commands', 'c.txt');
    expect(text.stdout).toContain('VPN_USERS_GROUP: changed, not mobile-facing');
    expect(text.stdout).toContain('iOS DNS: only wosm.com tunnelled, the rest in the clear (D4) → every query tunnelled (D1, inferred)');
    expect((await cliWith({ cwd: dir }, 'what-if', file, '--commands', 'c.txt', '--format', 'markdown')).stdout).toContain('changed, not mobile-facing');
    const json = readJson<DiffJsonDocument>((await cliWith({ cwd: dir }, 'what-if', file, '--commands', 'c.txt', '--format', 'json')).stdout);
    expect(json.devices[0]!.profiles.find((p) => p.tunnelGroup === 'VPN_USERS_GROUP')!.mobileFacing).toEqual({ old: false, new: false });
    // A profile the configuration file leaves out was not judged: null, and no label.
    mkdirSync(join(dir, 'cfg'));
    writeFileSync(join(dir, 'cfg', '.asa-mobile-audit.yaml'), 'profiles:\n  exclude: [MOBILE-PERAPP]\n');
    writeFileSync(join(dir, 'pa.txt'), 'group-policy GP-PERAPP attributes\n vpn-idle-timeout 1440\n');
    const demoFile = fixture('demo/demo-headend.cfg');
    const filtered = await cliWith({ cwd: join(dir, 'cfg') }, 'what-if', demoFile, '--commands', '../pa.txt', '--format', 'json');
    expect(readJson<DiffJsonDocument>(filtered.stdout).devices[0]!.profiles.find((p) => p.tunnelGroup === 'MOBILE-PERAPP')!.mobileFacing).toEqual({
      old: null,
      new: null,
    });
    expect((await cliWith({ cwd: join(dir, 'cfg') }, 'what-if', demoFile, '--commands', '../pa.txt')).stdout).toContain('MOBILE-PERAPP: changed\n');
    // A mobile-facing profile says nothing of the kind.
    const demo = readJson<DiffJsonDocument>((await cli('diff', fixture('demo/demo-headend.cfg'), fixture('demo/demo-headend.cfg'), '--format', 'json')).stdout);
    expect(demo.devices[0]!.profiles.find((p) => p.tunnelGroup === 'MOBILE-FULL')!.mobileFacing).toEqual({ old: true, new: true });
  });
});

describe('diff --git: client profiles and dap.xml read from each revision', () => {
  /** The client-profiles fixture (headend.cfg, profiles/mobile.xml and dap.xml) committed, then `change` applied and committed. */
  function profilesRepo(change: (repo: string) => void, base: (repo: string) => void = () => {}): ReturnType<typeof gitRepo> {
    const r = gitRepo();
    mkdirSync(join(r.repo, 'profiles'));
    copyFileSync(fixture('client-profiles/headend.cfg'), join(r.repo, 'headend.cfg'));
    base(r.repo);
    for (const f of ['mobile.xml', 'dap.xml']) copyFileSync(fixture(`client-profiles/profiles/${f}`), join(r.repo, 'profiles', f));
    r.git('add', '.');
    r.git('commit', '-q', '-m', 'base');
    change(r.repo);
    r.git('add', '-A');
    r.git('commit', '-q', '-m', 'change');
    return r;
  }
  const breakUserGroup = (repo: string): void => {
    const xml = join(repo, 'profiles', 'mobile.xml');
    writeFileSync(xml, readFileSync(xml, 'utf8').replace('<UserGroup>full</UserGroup>', '<UserGroup>nosuchgroup</UserGroup>'));
  };

  it('compares the device whose client profile changed though its configuration did not, and annotates the XML', async () => {
    const { repo } = profilesRepo(breakUserGroup);
    const r = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--fail-on-new', 'warning', '--format', 'json');
    expect(r.code).toBe(1);
    const d = readJson<DiffJsonDocument>(r.stdout).devices;
    expect(d.map((x) => [x.hostname, x.old, x.new])).toEqual([['vpn-cp', 'HEAD~1:headend.cfg', 'HEAD:headend.cfg']]);
    expect(d[0]!.findings.introduced.map((f) => [f.ruleId, f.file])).toEqual([['client-profile-host-unknown', 'HEAD:profiles/mobile.xml']]);
    // The XML it read is not a file "passed over".
    expect(r.stderr).not.toContain('hold no ASA configuration');
    const gh = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--format', 'github');
    expect(gh.stdout).toMatch(/^::warning file=profiles\/mobile\.xml,line=14,title=new%3A client-profile-host-unknown::/m);
    // --client-profiles names a folder of the repository, read at each revision.
    const named = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--client-profiles', 'profiles', '--format', 'json');
    expect(readJson<DiffJsonDocument>(named.stdout).devices[0]!.findings.introduced.map((f) => f.ruleId)).toEqual(['client-profile-host-unknown']);
  });

  it('judges a configuration change against the client profile of its own revision', async () => {
    const { repo } = profilesRepo((dir) => {
      const cfg = join(dir, 'headend.cfg');
      writeFileSync(cfg, readFileSync(cfg, 'utf8').replace(' group-url https://vpn.corp.example.com/full enable\n', ''));
    });
    const r = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--format', 'json');
    expect(readJson<DiffJsonDocument>(r.stdout).devices[0]!.findings.introduced.map((f) => f.ruleId)).toContain('client-profile-host-unknown');
  });

  it('says a client profile moved away is missing, and leaves out devices that do not take a changed XML', async () => {
    // A second device beside the first, whose configuration takes no client profile: not in the report.
    const { repo } = profilesRepo(
      (dir) => {
        execFileSync('git', ['mv', 'profiles/mobile.xml', 'profiles/phone.xml'], { cwd: dir });
      },
      (dir) => {
        copyFileSync(fixture('synthetic/plain-916.cfg'), join(dir, 'hq.cfg'));
      },
    );
    const r = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--format', 'json');
    const devices = readJson<DiffJsonDocument>(r.stdout).devices;
    expect(devices.map((x) => x.hostname)).toEqual(['vpn-cp']);
    expect(devices[0]!.findings.introduced.map((f) => f.ruleId)).toContain('client-profile-file-missing');
    // The new name no device takes is said to be passed over.
    expect(r.stderr).toContain('changed files that hold no ASA configuration, not compared: profiles/phone.xml');
  });

  it('compares the devices that take a client profile named as PATH, wherever they are', async () => {
    const { repo } = profilesRepo(breakUserGroup);
    const r = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', 'profiles/mobile.xml', '--format', 'json');
    const devices = readJson<DiffJsonDocument>(r.stdout).devices;
    expect(devices.map((d) => [d.hostname, d.findings.introduced.map((f) => f.ruleId)])).toEqual([['vpn-cp', ['client-profile-host-unknown']]]);
  });

  it('reads them the same from a subdirectory of the repository', async () => {
    const { repo } = profilesRepo(breakUserGroup, (dir) => {
      mkdirSync(join(dir, 'docs'));
      writeFileSync(join(dir, 'docs', 'notes.md'), 'change window on Friday\n');
    });
    for (const args of [[], ['..']]) {
      const r = await cliWith({ cwd: join(repo, 'docs') }, 'diff', '--git', 'HEAD~1', ...args, '--fail-on-new', 'warning', '--format', 'json');
      expect(r.code).toBe(1);
      expect(readJson<DiffJsonDocument>(r.stdout).devices[0]!.findings.introduced.map((f) => f.ruleId)).toEqual(['client-profile-host-unknown']);
    }
  });

  it('says a client profile deleted with its folder (git keeps no empty folder) is missing', async () => {
    const { repo } = profilesRepo((dir) => {
      execFileSync('git', ['rm', '-q', '-r', 'profiles'], { cwd: dir });
    });
    const r = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--fail-on-new', 'error', '--format', 'json');
    expect(r.code).toBe(1);
    expect(readJson<DiffJsonDocument>(r.stdout).devices[0]!.findings.introduced.map((f) => f.ruleId)).toContain('client-profile-file-missing');
  });

  it('refuses --client-profiles outside the repository: the working tree is not what either revision had', async () => {
    const { repo } = profilesRepo(breakUserGroup);
    const outside = tempDir();
    const r = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--client-profiles', outside);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--client-profiles .*: outside the repository .*with --git, side files are read from each revision/);
  });
});

describe('diff: paths and notes as audit gives them', () => {
  it("names a client profile finding's XML relative to the working directory, as audit does", async () => {
    const dir = tempDir();
    for (const side of ['old', 'new']) {
      mkdirSync(join(dir, side, 'profiles'), { recursive: true });
      copyFileSync(fixture('client-profiles/headend.cfg'), join(dir, side, 'headend.cfg'));
      copyFileSync(fixture('client-profiles/profiles/mobile.xml'), join(dir, side, 'profiles', 'mobile.xml'));
    }
    const xml = join(dir, 'new', 'profiles', 'mobile.xml');
    writeFileSync(xml, readFileSync(xml, 'utf8').replace('<UserGroup>full</UserGroup>', '<UserGroup>nosuchgroup</UserGroup>'));
    const json = await cliWith({ cwd: dir }, 'diff', 'old', 'new', '--format', 'json');
    const introduced = readJson<DiffJsonDocument>(json.stdout).devices[0]!.findings.introduced;
    expect(introduced.map((f) => f.file)).toEqual(['new/profiles/mobile.xml']);
    const audited = readJson<{ targets: Array<{ findings: Array<{ ruleId: string; file: string | null }> }> }>(
      (await cliWith({ cwd: dir }, 'audit', 'new', '--format', 'json', '--fail-on', 'never')).stdout,
    );
    expect(audited.targets[0]!.findings.find((f) => f.ruleId === 'client-profile-host-unknown')!.file).toBe(introduced[0]!.file);
    expect((await cliWith({ cwd: dir }, 'diff', 'old', 'new', '--format', 'github')).stdout).toMatch(/^::warning file=new\/profiles\/mobile\.xml,line=14,/m);
  });

  it('gives the warnings audit gives of the new side (a tunnel-group with no type line), in every format', async () => {
    const { old, neu } = twoFiles(DEMO_TEXT.replace('tunnel-group MOBILE-INHERIT type remote-access\ntunnel-group MOBILE-INHERIT general-attributes\n', ''));
    expect(readFileSync(neu, 'utf8')).not.toBe(DEMO_TEXT);
    const line =
      readFileSync(neu, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('tunnel-group MOBILE-INHERIT ')) + 1;
    expect((await cli('audit', neu, '--fail-on', 'never')).stdout).toContain(`warning (line ${line}): tunnel-group MOBILE-INHERIT has no \`type\` line`);
    expect((await cli('diff', old, neu)).stdout).toContain(`  line ${line}: warning: tunnel-group MOBILE-INHERIT has no \`type\` line`);
    expect((await cli('diff', old, neu, '--format', 'markdown')).stdout).toContain(`- :warning: line ${line}: tunnel-group MOBILE-INHERIT has no`);
    expect((await cli('diff', old, neu, '--format', 'github')).stdout).toMatch(
      new RegExp(`^::warning file=.*new\\.cfg,line=${line},title=asa-mobile-audit%3A input warning::tunnel-group MOBILE-INHERIT has no`, 'm'),
    );
    // One the old side had already is not news; the same one a second time is.
    expect((await cli('diff', neu, neu)).stdout).not.toContain('warning:');
    const once = DEMO_TEXT.replace('group-policy GP-SPLIT attributes\n', 'group-policy GP-SPLIT attributes\n anyconnect-custom perapp\n');
    const twice = once.replace('group-policy GP-FULL attributes\n', 'group-policy GP-FULL attributes\n anyconnect-custom perapp\n');
    const dir = tempDir();
    writeFileSync(join(dir, 'once.cfg'), once);
    writeFileSync(join(dir, 'twice.cfg'), twice);
    const second = twice.split('\n').findIndex((l, i, all) => l === ' anyconnect-custom perapp' && all[i - 1] === 'group-policy GP-FULL attributes') + 1;
    expect(second).toBeGreaterThan(0);
    const text = (await cli('diff', join(dir, 'once.cfg'), join(dir, 'twice.cfg'))).stdout;
    expect(text.match(/warning: expected `anyconnect-custom TYPE value NAME`/g)).toHaveLength(1);
  });

  it('does not call a line not read new when only its line number moved', async () => {
    const hidden = DEMO_TEXT.replace(' split-dns value corp.example.com lab.example.com\n', ' \u200bsplit-dns value corp.example.com lab.example.com\n');
    expect(hidden).not.toBe(DEMO_TEXT);
    const { old, neu } = twoFiles(hidden.replace('names\n', 'names\n!\n'));
    writeFileSync(old, hidden);
    expect(readFileSync(neu, 'utf8')).not.toBe(hidden);
    expect((await cli('diff', old, neu)).stdout).not.toContain('not read');
  });

  it('annotates a profile renamed (a copy) and a pre-shared key changed, on the new file (github)', async () => {
    const renamed = twoFiles(DEMO_TEXT.replaceAll('tunnel-group MOBILE-DOMAIN ', 'tunnel-group MOBILE-DOM2 '));
    expect((await cli('diff', renamed.old, renamed.neu, '--format', 'github')).stdout).toMatch(
      /^::notice file=.*new\.cfg,line=\d+,title=asa-mobile-audit%3A MOBILE-DOM2 added::MOBILE-DOM2 is a copy of MOBILE-DOMAIN: a rename/m,
    );
    const withKey = (key: string): string =>
      DEMO_TEXT.replace(
        'tunnel-group MOBILE-FULL webvpn-attributes',
        `tunnel-group MOBILE-FULL ipsec-attributes\n ikev1 pre-shared-key ${key}\ntunnel-group MOBILE-FULL webvpn-attributes`,
      );
    const dir = tempDir();
    writeFileSync(join(dir, 'a.cfg'), withKey('OldKey123'));
    writeFileSync(join(dir, 'b.cfg'), withKey('NewKey456'));
    const gh = (await cli('diff', join(dir, 'a.cfg'), join(dir, 'b.cfg'), '--format', 'github')).stdout;
    expect(gh).toMatch(/title=asa-mobile-audit%3A MOBILE-FULL changed::ikev1 pre-shared-key: <redacted> \(line \d+\) → <redacted> \(another secret\)/);
    expect(gh).not.toMatch(/OldKey|NewKey/);
  });

  it('does not call an empty placeholder file, now filled, a changed file that holds no configuration (--git)', async () => {
    const { repo, git } = gitRepo();
    writeFileSync(join(repo, 'fw.cfg'), '');
    git('add', '.');
    git('commit', '-q', '-m', 'placeholder');
    copyFileSync(fixture('synthetic/plain-916.cfg'), join(repo, 'fw.cfg'));
    git('commit', '-q', '-am', 'collected');
    const r = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('hq-asa: (none) → HEAD:fw.cfg');
    expect(r.stderr).toBe('');
  });
});

describe('diff of a hand edit with a stray indent', () => {
  it('says the line is not read, in text, markdown and github, rather than only reading the alias as removed', async () => {
    const { old, neu } = twoFiles(DEMO_TEXT.replace(' group-alias Mobile-Full enable\n', '  group-alias Mobile-Full enable\n'));
    expect(readFileSync(neu, 'utf8')).not.toBe(DEMO_TEXT);
    const text = (await cli('diff', old, neu)).stdout;
    expect(text).toMatch(/line \d+: not read: `group-alias Mobile-Full enable` is indented under `[^`]+` \(line \d+\), which takes no sub-commands/);
    expect((await cli('diff', old, neu, '--format', 'markdown')).stdout).toContain(':warning: line ');
    expect((await cli('diff', old, neu, '--format', 'github')).stdout).toMatch(
      /^::warning file=.*new\.cfg,line=\d+,title=asa-mobile-audit%3A line not read::`group-alias Mobile-Full enable`/m,
    );
    // The same stray line on both sides is not news.
    expect((await cli('diff', neu, neu)).stdout).not.toContain('not read');
  });

  it('says sub-commands indented with no-break spaces are not read, and plans nothing for such a file', async () => {
    const { old, neu } = twoFiles(
      DEMO_TEXT.replace(
        ' split-tunnel-policy tunnelspecified\n split-tunnel-network-list value ST-CORP\n',
        '\u00a0split-tunnel-policy tunnelspecified\n\u00a0split-tunnel-network-list value ST-CORP\n',
      ),
    );
    expect(readFileSync(neu, 'utf8')).not.toBe(DEMO_TEXT);
    const line =
      readFileSync(neu, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('\u00a0')) + 1;
    expect((await cli('diff', old, neu)).stdout).toContain(
      `line ${line}: not read: \`split-tunnel-policy tunnelspecified\` and the line after it start with odd spaces (U+00A0) where the ASA indents with plain ones`,
    );
    expect((await cli('diff', old, neu, '--format', 'github')).stdout).toMatch(
      new RegExp(`^::warning file=.*new\\.cfg,line=${line},title=asa-mobile-audit%3A line not read::`, 'm'),
    );
    // A plan proven on the file as read would give the policy lines it lost back as new settings.
    const plan = await cli('plan', neu, '--format', 'json');
    expect(plan.code).toBe(2);
    expect(plan.stderr).toMatch(
      new RegExp(`new\\.cfg:${line}: .*\\(no plan for a configuration with lines the tool cannot read: fix them, or collect the configuration again\\)`),
    );
    const doc = readJson<{ targets: unknown[]; notPlanned: Array<{ why: string }> }>(plan.stdout);
    expect(doc.targets).toEqual([]);
    expect(doc.notPlanned.map((n) => n.why)).toEqual([`the configuration has a line the tool cannot read (line ${line})`]);
    // what-if simulates on it still, and says what it left out.
    const script = join(tempDir(), 'c.txt');
    writeFileSync(script, 'group-policy GP-FULL attributes\n vpn-idle-timeout 1440\n');
    const whatIf = await cli('what-if', neu, '--commands', script);
    expect(whatIf.code).toBe(0);
    expect(whatIf.stderr).toMatch(new RegExp(`new\\.cfg:${line}: .*\\(the change is simulated on the configuration as read, without them\\)\n$`));
  });
});

describe('options given twice', () => {
  it('refuses a single-value option given twice (never the last one silently), and adds up --rules', async () => {
    const dir = tempDir();
    const script = join(dir, 'a.txt');
    writeFileSync(script, 'group-policy GP-SPLIT attributes\n split-dns value corp.example.com\n');
    for (const args of [
      ['what-if', DEMO, '--commands', script, '--commands', script],
      ['diff', DEMO, DEMO, '--format', 'json', '--format', 'markdown'],
      ['diff', DEMO, DEMO, '--output', join(dir, 'x.md'), '--output', join(dir, 'y.md')],
      ['plan', DEMO, '--scope', 'narrow', '--scope', 'shared'],
      ['plan', DEMO, '--context', 'admin', '--context', 'vpn'],
      ['diff', '--git', 'HEAD~1', '--git', 'HEAD~2'],
      ['what-if', DEMO, '--commands', script, '--fail-on-new', 'info', '--fail-on-new', 'error'],
    ]) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/is given more than once: give it once/);
      // (The second value is not wrong in itself: only that there are two.)
      expect(r.stderr, args.join(' ')).not.toMatch(/is invalid/);
    }
    // --fail-on-new never turns the gate off, as audit --fail-on never does; anything else is named.
    const narrowed = join(dir, 'narrowed.cfg');
    writeFileSync(
      narrowed,
      DEMO_TEXT.replace(' split-dns value corp.example.com lab.example.com\n', ' split-dns none\n').replaceAll(
        ' default-domain value corp.example.com\n',
        ' default-domain none\n',
      ),
    );
    expect((await cli('diff', DEMO, narrowed, '--fail-on-new', 'warning')).code).toBe(1);
    expect((await cli('diff', DEMO, narrowed, '--fail-on-new', 'never')).code).toBe(0);
    expect((await cli('diff', DEMO, narrowed, '--fail-on-new', 'always')).stderr).toContain('`always` is not one of error, warning, info, never');
    // A bad choice still says what the choices are.
    expect((await cli('diff', DEMO, DEMO, '--format', 'yaml')).stderr).toContain('Allowed choices are text, json, markdown, github, html.');
    const twice = readJson<PlanJsonDocument>(
      (await cli('plan', DEMO, '--rules', 'idle-timeout-short', '--rules', 'ssl-keepalive-enabled', '--format', 'json')).stdout,
    );
    const once = readJson<PlanJsonDocument>((await cli('plan', DEMO, '--rules', 'idle-timeout-short,ssl-keepalive-enabled', '--format', 'json')).stdout);
    expect(twice).toEqual(once);
    expect(new Set(once.targets[0]!.closes.map((c) => c.ruleId))).toEqual(new Set(['idle-timeout-short', 'ssl-keepalive-enabled']));
  });
});

describe('plan: what it writes, and for which context', () => {
  it('plans one context of a backup with --context, and refuses a context the file does not have', async () => {
    const multi = fixture('synthetic/oxidized-multi-context.cfg');
    const all = readJson<PlanJsonDocument>((await cli('plan', multi, '--format', 'json')).stdout);
    expect(all.targets.map((t) => t.context)).toEqual([null, 'admin', 'vpn']);
    const one = readJson<PlanJsonDocument>((await cli('plan', multi, '--context', 'vpn', '--format', 'json')).stdout);
    expect(one.targets.map((t) => t.context)).toEqual(['vpn']);
    expect(one.targets[0]).toEqual(all.targets[2]);
    // Beside a single-context file (in a folder), that file is planned as it is.
    const dir = tempDir();
    copyFileSync(multi, join(dir, 'multi.cfg'));
    copyFileSync(DEMO, join(dir, 'demo.cfg'));
    const both = readJson<PlanJsonDocument>((await cli('plan', dir, '--context', 'vpn', '--format', 'json')).stdout);
    expect(both.targets.map((t) => [t.source.endsWith('demo.cfg'), t.context]).sort()).toEqual([
      [false, 'vpn'],
      [true, null],
    ]);
    const nope = await cli('plan', multi, '--context', 'nope');
    expect(nope.code).toBe(2);
    expect(nope.stderr).toContain('--context nope: ');
    expect(nope.stderr).toContain('has contexts admin, vpn');
  });

  it('plans a configuration read from standard input (-), as audit does', async () => {
    const piped = readJson<PlanJsonDocument>((await cliWith({ stdin: DEMO_TEXT }, 'plan', '-', '--format', 'json')).stdout);
    const named = readJson<PlanJsonDocument>((await cli('plan', DEMO, '--format', 'json')).stdout);
    expect(piped.targets.map((t) => t.source)).toEqual(['<stdin>']);
    expect(piped.targets[0]!.script).toBe(named.targets[0]!.script);
    const junk = await cliWith({ stdin: 'not a config\n' }, 'plan', '-');
    expect(junk.code).toBe(2);
    expect(junk.stderr).toContain('<stdin>: not an ASA configuration');
  });

  it('says when nothing was selected to fix, apart from findings that have no fix', async () => {
    const none = await cli('plan', DEMO, '--rules', 'dhe-ciphers-old-asa');
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('Nothing to paste: no finding to fix here (none matches --rules / --severity, where given).');
  });

  it('counts and annotates once a client profile finding that two devices sharing the file both report', async () => {
    const dir = tempDir();
    const headend = readFileSync(fixture('client-profiles/headend.cfg'), 'utf8');
    const xml = readFileSync(fixture('client-profiles/profiles/mobile.xml'), 'utf8');
    for (const side of ['old', 'new']) {
      mkdirSync(join(dir, side, 'profiles'), { recursive: true });
      writeFileSync(join(dir, side, 'a.cfg'), headend);
      writeFileSync(join(dir, side, 'b.cfg'), headend.replace(/^hostname .*$/m, 'hostname vpn-b2'));
      const text = side === 'new' ? xml.replace('<NetworkRoaming>true</NetworkRoaming>', '<NetworkRoaming>false</NetworkRoaming>') : xml;
      writeFileSync(join(dir, side, 'profiles', 'mobile.xml'), text);
    }
    const json = readJson<DiffJsonDocument>((await cliWith({ cwd: dir }, 'diff', 'old', 'new', '--format', 'json')).stdout);
    // Each device reads the file: each says what it now gets.
    expect(json.devices.map((d) => d.findings.introduced.map((f) => f.ruleId))).toEqual([
      ['client-profile-mobile-settings'],
      ['client-profile-mobile-settings'],
    ]);
    const gate = await cliWith({ cwd: dir }, 'diff', 'old', 'new', '--fail-on-new', 'info');
    expect(gate.code).toBe(1);
    expect(gate.stderr).toContain('the change introduces 1 finding at or above info');
    // The summary counts it as the gate does.
    expect(gate.stdout).toMatch(/2 devices changed of 2; findings: 1 introduced, 0 resolved\n$/);
    const github = (await cliWith({ cwd: dir }, 'diff', 'old', 'new', '--format', 'github')).stdout;
    expect(github.match(/^::notice file=new\/profiles\/mobile\.xml,line=\d+,/gm)).toHaveLength(1);
  });

  it('reports a finding that only becomes less severe as lowered, not introduced: the gate does not fail on an improvement', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'dtls.txt'), 'group-policy GP-CLEAR attributes\n webvpn\n  anyconnect ssl dtls none\n');
    const better = await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'dtls.txt', '--fail-on-new', 'warning', '--format', 'json');
    expect(better.code).toBe(0);
    const findings = readJson<DiffJsonDocument>(better.stdout).devices[0]!.findings;
    expect(findings.introduced).toEqual([]);
    expect(findings.resolved).toEqual([]);
    expect(findings.lowered).toEqual([
      expect.objectContaining({ ruleId: 'client-side-dpd-disabled', severity: 'warning', oldSeverity: 'error', tunnelGroup: 'Lab&Partners' }),
    ]);
    const text = (await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'dtls.txt')).stdout;
    expect(text).toMatch(/^ {2}findings now less severe \(1\):\n {4}warning \(was error\) client-side-dpd-disabled \(Lab&Partners, line \d+\): /m);
    expect(text).toMatch(/findings: 0 introduced, 0 resolved, 1 less severe\n$/);
    // The other way, a finding that gets worse is new at its new severity: the gate fails.
    const after = (await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'dtls.txt', '--format', 'json')).stdout;
    expect(after).toContain('client-side-dpd-disabled');
    writeFileSync(join(dir, 'dtls.cfg'), DEMO_TEXT.replace(/^( {2}anyconnect dpd-interval client none)$/m, '$1\n  anyconnect ssl dtls none'));
    const worse = await cliWith({ cwd: dir }, 'diff', 'dtls.cfg', DEMO, '--fail-on-new', 'error', '--format', 'json');
    expect(worse.code).toBe(1);
    const worseFindings = readJson<DiffJsonDocument>(worse.stdout).devices[0]!.findings;
    expect(worseFindings.introduced.map((f) => [f.ruleId, f.severity])).toEqual([['client-side-dpd-disabled', 'error']]);
    expect(worseFindings.lowered).toEqual([]);
    // Two findings of one rule about different things are not one lowered: an IPv4 server outside the
    // split tunnel fixed (warning), an IPv6 server added that the tool cannot check (info).
    writeFileSync(join(dir, 'v4.cfg'), DEMO_TEXT.replace(/^ split-dns value corp\.example\.com lab\.example\.com$/m, '$&\n dns-server value 192.168.5.53'));
    writeFileSync(join(dir, 'v6.txt'), 'group-policy GP-SPLIT attributes\n dns-server value 10.0.0.53 2001:db8::53\n');
    const v6 = await cliWith({ cwd: dir }, 'what-if', 'v4.cfg', '--commands', 'v6.txt', '--fail-on-new', 'info', '--format', 'json');
    expect(v6.code).toBe(1);
    const v6Findings = readJson<DiffJsonDocument>(v6.stdout).devices[0]!.findings;
    expect(v6Findings.lowered).toEqual([]);
    expect(v6Findings.introduced.map((f) => [f.ruleId, f.severity])).toEqual([['dns-server-outside-split-tunnel', 'info']]);
    expect(v6Findings.resolved.map((f) => [f.ruleId, f.severity])).toEqual([['dns-server-outside-split-tunnel', 'warning']]);
  });

  it('leaves out of the gate the findings and ways in of a profile whose block a cut-short side stops in, and says plainly what a whole side removed', async () => {
    const dir = tempDir();
    // Cut inside MOBILE-DOMAIN's general-attributes: its policy line is missing, not changed.
    writeFileSync(join(dir, 'cut.cfg'), demoCutIn('tunnel-group MOBILE-DOMAIN general-attributes').text);
    const cut = await cliWith({ cwd: dir }, 'diff', DEMO, 'cut.cfg', '--allow-incomplete', '--fail-on-new', 'info', '--fail-on-lost-reach', '--format', 'json');
    expect(cut.code).toBe(0);
    const device = readJson<DiffJsonDocument>(cut.stdout).devices[0]!;
    expect(device.profiles.find((p) => p.tunnelGroup === 'MOBILE-DOMAIN')).toMatchObject({ status: 'changed', unseenOn: 'new' });
    // The old side cut in MOBILE-SPLIT's block, the whole new side without MOBILE-SPLIT: plainly removed.
    writeFileSync(join(dir, 'old-cut.cfg'), demoCutIn('tunnel-group MOBILE-SPLIT webvpn-attributes').text);
    writeFileSync(join(dir, 'no-split.cfg'), DEMO_TEXT.replace(/^tunnel-group MOBILE-SPLIT .*\n(?: .*\n)*/gm, ''));
    const removed = await cliWith({ cwd: dir }, 'diff', 'old-cut.cfg', 'no-split.cfg', '--allow-incomplete', '--fail-on-lost-reach');
    expect(removed.code).toBe(1);
    expect(removed.stdout).toMatch(/^ {2}MOBILE-SPLIT: removed$/m);
  });

  it('does not count as new the findings of a profile the cut-short old revision does not hold', async () => {
    const { repo } = cutThenWholeRepo();
    const gate = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--allow-incomplete', '--fail-on-new', 'warning');
    expect(gate.code).toBe(0);
    expect(gate.stdout).toMatch(/^ {2}Lab&Partners: added \(or only in the missing part of the cut-short old side\)$/m);
    expect(gate.stdout).toMatch(/^ {2}findings not checked as new: their profile is not, or not wholly, in the part a cut-short side holds/m);
    expect(gate.stdout).toMatch(/findings: 0 introduced, 0 resolved, \d+ not checked: /);
    const gh = (await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--allow-incomplete', '--format', 'github')).stdout;
    expect(gh).not.toMatch(/title=new%3A .*\(Lab&Partners\)/);
    expect(gh).toMatch(/title=asa-mobile-audit%3A Lab&Partners added \(or only in the missing part of the cut-short old side\)/);
  });

  it('warns in the pull request when a name phones tunnelled goes in the clear (a notice for other DNS changes)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'leak.cfg'), DEMO_TEXT.replace(/^ split-dns value corp\.example\.com lab\.example\.com$/m, ' split-dns none'));
    const gh = (await cliWith({ cwd: dir }, 'diff', DEMO, 'leak.cfg', '--format', 'github')).stdout;
    expect(gh).toMatch(
      /^::warning file=leak\.cfg,line=\d+,title=asa-mobile-audit%3A MOBILE-SPLIT changed%2C iOS DNS now in the clear::iOS DNS lab\.example\.com: tunnelled → in the clear/m,
    );
    // The other way (a name now tunnelled) stays a notice.
    const back = (await cliWith({ cwd: dir }, 'diff', 'leak.cfg', DEMO, '--format', 'github')).stdout;
    expect(back).toMatch(/^::notice file=\S+,line=\d+,title=asa-mobile-audit%3A MOBILE-SPLIT changed::iOS DNS lab\.example\.com: in the clear → tunnelled/m);
  });

  it('fails with --fail-on-lost-reach when a change takes a way in from mobile-facing profiles, which --fail-on-new alone passes', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ssl-only.txt'), 'group-policy DfltGrpPolicy attributes\n vpn-tunnel-protocol ssl-client\n');
    const findingsOnly = await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'ssl-only.txt', '--fail-on-new', 'warning');
    expect(findingsOnly.code).toBe(0);
    const reach = await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'ssl-only.txt', '--fail-on-lost-reach');
    expect(reach.code).toBe(1);
    expect(reach.stderr).toMatch(
      /the change takes a way in from mobile-facing profiles \(--fail-on-lost-reach\): .*vpn-demo MOBILE-FULL: no longer reachable over IKEv2/,
    );
    // A change that takes no way in passes it.
    writeFileSync(join(dir, 'timeout.txt'), 'group-policy GP-CLEAR attributes\n vpn-idle-timeout 1440\n');
    expect((await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'timeout.txt', '--fail-on-lost-reach')).code).toBe(0);
    // diff takes it too: a profile removed.
    writeFileSync(join(dir, 'gone.cfg'), DEMO_TEXT.replace(/^tunnel-group MOBILE-INHERIT .*\n(?: .*\n)*/gm, ''));
    const removed = await cliWith({ cwd: dir }, 'diff', DEMO, 'gone.cfg', '--fail-on-lost-reach');
    expect(removed.code).toBe(1);
    expect(removed.stderr).toContain('vpn-demo MOBILE-INHERIT: removed');
  });

  it('takes `--output -` as standard output, as audit does, never as a file named `-`', async () => {
    const dir = tempDir();
    const plan = await cliWith({ cwd: dir }, 'plan', DEMO, '--format', 'script', '--output', '-');
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/^group-policy /m);
    // The bare script leaves out what needs the user: stderr says so, and where to read it.
    expect(plan.stderr).toMatch(/: \d+ items need your input and are not in the script \(.*profile-name-special-chars.*\): see --format text\n/);
    expect(plan.stderr).toMatch(/: \d+ notes to read before you paste: see --format text\n/);
    const nothing = await cliWith({ cwd: dir }, 'plan', DEMO, '--format', 'script', '--rules', 'dhe-ciphers-old-asa');
    expect(nothing.stdout).toBe('');
    expect(nothing.stderr).toMatch(/: nothing to paste \(--format text says why\)\n$/);
    const diff = await cliWith({ cwd: dir }, 'diff', DEMO, DEMO, '--format', 'json', '--output', '-');
    expect(JSON.parse(diff.stdout)).toMatchObject({ schemaVersion: 1 });
    const audit = await cliWith({ cwd: dir }, 'audit', DEMO, '--format', 'json', '--output', '-', '--fail-on', 'never');
    expect(JSON.parse(audit.stdout)).toMatchObject({ schemaVersion: 1 });
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('leaves --output as it was when nothing could be planned, and names in JSON what got no plan', async () => {
    const dir = tempDir();
    const out = join(dir, 'reviewed-change.txt');
    writeFileSync(out, 'reviewed\n');
    const missing = await cli('plan', join(dir, 'nope.cfg'), '--format', 'script', '--output', out);
    expect(missing.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('reviewed\n');
    expect(missing.stderr).toContain(`--output ${out} left as it was: there is no plan to write`);
    // A directory with one good and one cut-off configuration: the good one is planned, the other named.
    mkdirSync(join(dir, 'configs'));
    copyFileSync(DEMO, join(dir, 'configs', 'a.cfg'));
    writeFileSync(join(dir, 'configs', 'b.cfg'), DEMO_TEXT.slice(0, DEMO_TEXT.indexOf('tunnel-group MOBILE-FULL')));
    const some = await cli('plan', join(dir, 'configs'), '--format', 'json', '--output', out);
    expect(some.code).toBe(2);
    const doc = readJson<PlanJsonDocument>(readFileSync(out, 'utf8'));
    expect(doc.targets.map((t) => t.source)).toEqual([join(dir, 'configs', 'a.cfg')]);
    expect(doc.notPlanned).toEqual([{ source: join(dir, 'configs', 'b.cfg'), context: null, why: 'the configuration is incomplete' }]);
    // A plan kept for review in any format says what it leaves out, not only stderr at the time.
    for (const format of ['text', 'markdown', 'html']) {
      const r = await cli('plan', join(dir, 'configs'), '--format', format, '--output', out);
      expect(r.code, format).toBe(2);
      const kept = readFileSync(out, 'utf8');
      expect(kept, format).toContain('Not planned (no script for these: fix what is said, then plan again)');
      expect(kept, format).toContain(`${join(dir, 'configs', 'b.cfg')}: the configuration is incomplete`);
    }
  });
});

describe('diff --format markdown: a pull-request comment', () => {
  it('is cut to --max-bytes (default: the 65,536 a comment takes) at whole blocks, saying what was left out', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'old'));
    mkdirSync(join(dir, 'new'));
    for (let i = 1; i <= 12; i++) writeFileSync(join(dir, 'new', `vpn-${i}.cfg`), DEMO_TEXT.replace('hostname vpn-demo', `hostname vpn-${i}`));
    const full = await cli('diff', join(dir, 'old'), join(dir, 'new'), '--format', 'markdown', '--max-bytes', '1000000');
    expect(Buffer.byteLength(full.stdout)).toBeGreaterThan(65536);
    expect(full.stdout).not.toContain('Cut to');
    const cut = await cli('diff', join(dir, 'old'), join(dir, 'new'), '--format', 'markdown');
    expect(cut.code).toBe(0);
    expect(Buffer.byteLength(cut.stdout)).toBeLessThanOrEqual(65536);
    expect(cut.stdout).toMatch(/^## asa-mobile-audit diff: 12 devices changed/);
    expect(cut.stdout).toMatch(/> \*\*Cut to 65536 bytes\*\* \(--max-bytes\): not shown here: .*\d+ changed devices; the heading counts everything/);
    // What is kept is the full report's beginning, block for block (no finding cut in half).
    const kept = cut.stdout.split('\n').slice(4).join('\n').trimEnd();
    expect(full.stdout).toContain(kept);
    const small = await cli('diff', join(dir, 'old'), join(dir, 'new'), '--format', 'markdown', '--max-bytes', '10000');
    expect(Buffer.byteLength(small.stdout)).toBeLessThanOrEqual(10000);
    // Whatever the limit, the cut never ends on a device's bare title.
    for (const limit of ['2500', '4000', '7000']) {
      const lines = (await cli('diff', join(dir, 'old'), join(dir, 'new'), '--format', 'markdown', '--max-bytes', limit)).stdout.trimEnd().split('\n');
      expect(lines.at(-1), limit).not.toMatch(/^### |^`[^`]*` → `[^`]*`$/);
    }
    expect((await cli('diff', join(dir, 'old'), join(dir, 'new'), '--format', 'markdown', '--max-bytes', '100')).code).toBe(2);
    // A what-if whose script has many problems: the list is cut too, and the note says so.
    const script = join(dir, 'bad.txt');
    writeFileSync(script, Array.from({ length: 60 }, (_, i) => ` split-dns value stray${i}.example.com`).join('\n'));
    const listed = await cli('what-if', DEMO, '--commands', script, '--format', 'markdown', '--max-bytes', '1024');
    expect(Buffer.byteLength(listed.stdout)).toBeLessThanOrEqual(1024);
    expect(listed.stdout).toMatch(/not shown here: \d+ more lines of the list above/);
  });
});

describe('diff and what-if on standard input', () => {
  it('takes - for one side of diff and for the configuration of what-if, and refuses it twice', async () => {
    const changed = DEMO_TEXT.replace('anyconnect dpd-interval client 30', 'anyconnect dpd-interval client none');
    const d = await cliWith({ stdin: changed }, 'diff', DEMO, '-', '--format', 'json');
    expect(d.code).toBe(0);
    const doc = readJson<DiffJsonDocument>(d.stdout);
    expect(doc.devices.map((x) => [x.old?.endsWith('demo-headend.cfg'), x.new])).toEqual([[true, '<stdin>']]);
    expect(doc.devices[0]!.findings.introduced.map((f) => f.ruleId)).toContain('client-side-dpd-disabled');
    const dir = tempDir();
    writeFileSync(join(dir, 'change.txt'), 'group-policy GP-SPLIT attributes\n dns-server value 10.0.0.54\n');
    const w = await cliWith({ stdin: DEMO_TEXT, cwd: dir }, 'what-if', '-', '--commands', 'change.txt', '--format', 'json');
    expect(w.code).toBe(0);
    expect(readJson<DiffJsonDocument>(w.stdout).devices[0]!.new).toBe('<stdin> + change.txt');
    expect((await cliWith({ stdin: DEMO_TEXT }, 'diff', '-', '-')).stderr).toContain('diff: OLD and NEW cannot both be standard input (-)');
    expect((await cliWith({ stdin: DEMO_TEXT }, 'what-if', '-', '--commands', '-')).stderr).toContain(
      'what-if: the configuration and --commands cannot both be standard input (-)',
    );
  });

  it('names a cut-short configuration the way it was given, in what-if JSON too (not by where the checkout lives)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cut.cfg'), DEMO_TEXT.replace(/: end\s*$/, ''));
    writeFileSync(join(dir, 'change.txt'), 'group-policy GP-SPLIT attributes\n dns-server value 10.0.0.54\n');
    const r = await cliWith({ cwd: dir }, 'what-if', 'cut.cfg', '--commands', 'change.txt', '--allow-incomplete', '--format', 'json');
    const sources = (readJson<DiffJsonDocument>(r.stdout).devices[0] as unknown as { incomplete: Array<{ source: string }> }).incomplete.map((i) => i.source);
    expect(sources).toEqual(['cut.cfg']);
  });
});

describe('diff: what it refuses', () => {
  it('refuses a directory against a file, and --git outside a repository, each with why', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'configs'));
    copyFileSync(DEMO, join(dir, 'configs', 'demo.cfg'));
    const mixed = await cliWith({ cwd: dir }, 'diff', 'configs', join('configs', 'demo.cfg'));
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('diff: OLD is a directory and NEW is a file; give two files or two directories');
    const outside = await cliWith({ cwd: dir }, 'diff', '--git', 'HEAD~1');
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/--git: .* is not inside a git repository/);
    // A missing side is named as missing (it was called "a file").
    const missing = await cliWith({ cwd: dir }, 'diff', 'configs', 'nosuchdir');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('asa-mobile-audit: diff: NEW nosuchdir: no such file or directory\n');
  });

  it('reads BASE...HEAD as git diff does: what HEAD changed since it branched from BASE, not what BASE changed meanwhile', async () => {
    const { repo, git } = gitRepo();
    writeFileSync(join(repo, 'vpn-demo.cfg'), DEMO_TEXT);
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    git('checkout', '-q', '-b', 'feature');
    writeFileSync(join(repo, 'vpn-demo.cfg'), DEMO_TEXT.replace(' vpn-idle-timeout 1440\n', ' vpn-idle-timeout 1400\n'));
    git('commit', '-q', '-am', 'feature: idle timeout');
    git('checkout', '-q', 'main');
    writeFileSync(join(repo, 'vpn-demo.cfg'), NARROWED);
    git('commit', '-q', '-am', 'main: narrow split-dns');
    git('checkout', '-q', 'feature');
    const three = readJson<DiffJsonDocument>((await cliWith({ cwd: repo }, 'diff', '--git', 'main...HEAD', '--format', 'json')).stdout);
    const settings = three.devices.flatMap((d) => d.profiles.flatMap((p) => p.settings.map((x) => x.setting)));
    expect(settings).toContain('vpn-idle-timeout');
    // main's own split-dns change is not the branch's.
    expect(settings).not.toContain('split-dns');
    // A commit named by its message (`:/text`), as git takes it.
    const byMessage = readJson<DiffJsonDocument>((await cliWith({ cwd: repo }, 'diff', '--git', ':/base', '--format', 'json')).stdout);
    expect(byMessage.devices.map((d) => d.old)).toEqual([':/base:vpn-demo.cfg']);
    const two = readJson<DiffJsonDocument>((await cliWith({ cwd: repo }, 'diff', '--git', 'main..HEAD', '--format', 'json')).stdout);
    expect(two.devices.flatMap((d) => d.profiles.flatMap((p) => p.settings.map((x) => x.setting)))).toContain('split-dns');
  });

  it('judges each half of a move by files.exclude, and pairs a move only where the hostnames agree', async () => {
    const { repo, git } = gitRepo();
    mkdirSync(join(repo, 'configs'));
    writeFileSync(join(repo, 'configs', 'fw1.cfg'), DEMO_TEXT);
    writeFileSync(join(repo, '.asa-mobile-audit.yaml'), 'files:\n  exclude: ["archive/"]\n');
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    mkdirSync(join(repo, 'archive'));
    git('mv', 'configs/fw1.cfg', 'archive/fw1.cfg');
    git('commit', '-q', '-m', 'archive it');
    for (const paths of [[], ['configs']]) {
      const doc = readJson<DiffJsonDocument>((await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', ...paths, '--format', 'json')).stdout);
      // Archived: the device is removed (its findings gone with it), not unchanged and not hidden.
      expect(
        doc.devices.map((d) => [d.old, d.new]),
        paths.join(),
      ).toEqual([['HEAD~1:configs/fw1.cfg', null]]);
    }
    // A retired device and a new one made from its template: two devices, though git sees a rename.
    git('rm', '-q', 'archive/fw1.cfg');
    writeFileSync(join(repo, 'configs', 'fw3.cfg'), DEMO_TEXT.replace('hostname vpn-demo', 'hostname branch-new'));
    git('add', '.');
    git('commit', '-q', '-m', 'replace');
    writeFileSync(join(repo, '.asa-mobile-audit.yaml'), '');
    const replaced = readJson<DiffJsonDocument>((await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~2..HEAD', '--format', 'json')).stdout);
    expect(replaced.devices.map((d) => [d.hostname, d.old === null, d.new === null]).sort()).toEqual([
      ['branch-new', true, false],
      ['vpn-demo', false, true],
    ]);
  });

  it('finds a filtered file from a subdirectory too, and keeps --output out of linked git data', async () => {
    const { repo, git } = gitRepo();
    git('config', 'filter.b64.clean', 'base64');
    git('config', 'filter.b64.smudge', 'base64 -d');
    mkdirSync(join(repo, 'configs', 'secret'), { recursive: true });
    writeFileSync(join(repo, '.gitattributes'), 'configs/secret/** filter=b64\n');
    writeFileSync(join(repo, 'configs', 'secret', 'fw.cfg'), DEMO_TEXT);
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(repo, 'configs', 'secret', 'fw.cfg'), NARROWED);
    git('commit', '-q', '-am', 'narrow');
    git('config', '--unset', 'filter.b64.smudge');
    git('config', '--unset', 'filter.b64.clean');
    const sub = await cliWith({ cwd: join(repo, 'configs') }, 'diff', '--git', 'HEAD~1', '--fail-on-new', 'warning');
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain('git stores this file through the `b64` filter');
    // A symbolic link to the git directory is the git directory.
    symlinkSync(join(repo, '.git'), join(repo, 'gd'));
    const linked = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--output', join('gd', 'description'));
    expect(linked.code).toBe(2);
    expect(linked.stderr).toContain("inside the repository's git data");
  });

  it('refuses a bare repository in its own words', async () => {
    const { repo, git } = narrowedRepo();
    const bare = join(tempDir(), 'configs.git');
    git('clone', '-q', '--bare', repo, bare);
    const r = await cliWith({ cwd: bare }, 'diff', '--git', 'HEAD~1');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is a bare repository, with no working tree to place paths in');
  });

  it('refuses an --output that would overwrite a changed file or land in the git directory', async () => {
    const { repo, git } = narrowedRepo();
    for (const out of ['vpn-demo.cfg', join('.git', 'HEAD')]) {
      const r = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--format', 'markdown', '--output', out);
      expect(r.code, out).toBe(2);
    }
    expect(readFileSync(join(repo, 'vpn-demo.cfg'), 'utf8')).toBe(NARROWED);
    expect(git('status', '--short')).toBe('');
  });

  it('pairs a file git found moved with its new place, even when other files share its hostname (an HA pair) or the move crosses the PATHs', async () => {
    const { repo, git } = gitRepo();
    mkdirSync(join(repo, 'configs'));
    writeFileSync(join(repo, 'configs', 'primary.cfg'), DEMO_TEXT);
    writeFileSync(join(repo, 'configs', 'secondary.cfg'), DEMO_TEXT);
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    mkdirSync(join(repo, 'configs', 'dc1'));
    mkdirSync(join(repo, 'sites'));
    git('mv', 'configs/primary.cfg', 'configs/dc1/primary.cfg');
    git('mv', 'configs/secondary.cfg', 'sites/secondary.cfg');
    git('commit', '-q', '-m', 'move');
    for (const paths of [[], ['configs'], ['sites']]) {
      const r = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', ...paths, '--fail-on-new', 'warning', '--format', 'json');
      expect(r.code, paths.join()).toBe(0);
      const doc = readJson<DiffJsonDocument>(r.stdout);
      expect(
        doc.devices.every((d) => d.old !== null && d.new !== null && d.findings.introduced.length === 0),
        paths.join(),
      ).toBe(true);
    }
  });

  it('leaves out a change script committed beside the configurations, as audit DIR does, but reads a file named as a PATH', async () => {
    const { repo, git } = gitRepo();
    mkdirSync(join(repo, 'configs'));
    mkdirSync(join(repo, 'changes'));
    writeFileSync(join(repo, 'configs', 'vpn-demo.cfg'), DEMO_TEXT);
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(repo, 'changes', 'CHG0042.txt'), 'group-policy GP-SPLIT attributes\n split-dns value corp.example.com\n');
    git('add', '.');
    git('commit', '-q', '-m', 'CHG0042: the change script');
    const r = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--fail-on-new', 'warning');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no ASA configuration among the changed files (changes/CHG0042.txt)');
    // Named, it needs no more evidence than a file named to audit: read, and found cut short.
    expect((await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', 'changes/CHG0042.txt')).code).toBe(2);
    // Beside a configuration that changed, it is named too: the gate judged the configuration alone.
    writeFileSync(join(repo, 'configs', 'vpn-demo.cfg'), NARROWED);
    writeFileSync(join(repo, 'changes', 'CHG0043.txt'), 'group-policy GP-SPLIT attributes\n split-dns value corp.example.com\n');
    // Documents and CI files beside it are plainly no configuration: not named.
    mkdirSync(join(repo, '.github'));
    writeFileSync(join(repo, '.github', 'ci.yml'), 'on: push\n');
    writeFileSync(join(repo, 'README.md'), '# configs\n');
    git('add', '.');
    git('commit', '-q', '-m', 'CHG0043: the change and its script');
    const both = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--format', 'json');
    expect(both.code).toBe(0);
    expect(readJson<DiffJsonDocument>(both.stdout).devices.map((d) => d.new)).toEqual(['HEAD:configs/vpn-demo.cfg']);
    expect(both.stderr).toBe('asa-mobile-audit: --git HEAD~1: changed files that hold no ASA configuration, not compared: changes/CHG0043.txt\n');
  });

  it('reads a file stored through a clean/smudge filter as a checkout would, and refuses one whose filter is not set up here', async () => {
    const { repo, git } = gitRepo();
    git('config', 'filter.b64.clean', 'base64');
    git('config', 'filter.b64.smudge', 'base64 -d');
    writeFileSync(join(repo, '.gitattributes'), '*.cfg filter=b64\n');
    writeFileSync(join(repo, 'vpn-demo.cfg'), DEMO_TEXT);
    git('add', '.');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(repo, 'vpn-demo.cfg'), NARROWED);
    git('commit', '-q', '-am', 'narrow split-dns');
    const read = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--format', 'json');
    expect(read.code).toBe(0);
    expect(readJson<DiffJsonDocument>(read.stdout).devices[0]!.profiles.some((p) => p.status === 'changed')).toBe(true);
    // Without the filter (no key where CI runs), the stored text is no configuration: an error, not a pass.
    git('config', '--unset', 'filter.b64.smudge');
    git('config', '--unset', 'filter.b64.clean');
    const blind = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--fail-on-new', 'warning');
    expect(blind.code).toBe(2);
    expect(blind.stderr).toContain('git stores this file through the `b64` filter (.gitattributes)');
    // The pull request is told too, not shown an all-clear.
    const gh = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--format', 'github');
    expect(gh.stdout).toMatch(/^::error file=vpn-demo\.cfg,title=asa-mobile-audit%3A not read::git stores this file through the `b64` filter/m);
    const md = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--format', 'markdown');
    expect(md.stdout).toContain('- :x: `vpn-demo.cfg`: not read: git stores this file');
    // ... and so is a script reading the JSON: neither side is a device, the files are named.
    const json = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--format', 'json');
    expect(json.code).toBe(2);
    const doc = readJson<DiffJsonDocument>(json.stdout);
    expect(doc.devices).toEqual([]);
    expect(doc.notRead!.map((e) => e.source)).toEqual(['HEAD~1:vpn-demo.cfg', 'HEAD:vpn-demo.cfg']);
    expect(doc.notRead![0]!.message).toMatch(/^git stores this file through the `b64` filter/);
  });

  it('annotates a cut-short old revision on the file, not at its old line number on the new version', async () => {
    const { repo, lastLine } = cutThenWholeRepo();
    const gh = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', '--format', 'github', '--allow-incomplete');
    const annotation = gh.stdout.split('\n').find((l) => l.includes('compared although incomplete'))!;
    expect(annotation).toMatch(/^::warning file=vpn-demo\.cfg,title=/);
    expect(annotation).toContain(`the old side HEAD~1:vpn-demo.cfg (line ${lastLine})`);
  });

  it('reads no more of a revision than ASA_MOBILE_AUDIT_MAX_CONFIG_MB lets a file audit read', async () => {
    const { repo, git } = narrowedRepo();
    // Over 1 MiB: a capture with a long tail of comment lines.
    writeFileSync(join(repo, 'vpn-demo.cfg'), `${NARROWED}${'! a long capture tail, repeated to pass one MiB\n'.repeat(24000)}`);
    git('commit', '-q', '-am', 'grow');
    const capped = await cliWith({ cwd: repo, env: { ASA_MOBILE_AUDIT_MAX_CONFIG_MB: '1' } }, 'diff', '--git', 'HEAD~1', '--format', 'json');
    expect(capped.code).toBe(2);
    expect(capped.stderr).toContain('HEAD:vpn-demo.cfg: is more than the 1 MiB read limit (ASA_MOBILE_AUDIT_MAX_CONFIG_MB raises it)');
    expect(readJson<DiffJsonDocument>(capped.stdout).devices[0]).toMatchObject({ compared: false, incomplete: [{ side: 'new', kind: 'unreadable' }] });
    const raised = await cliWith({ cwd: repo, env: { ASA_MOBILE_AUDIT_MAX_CONFIG_MB: '2' } }, 'diff', '--git', 'HEAD~1', '--format', 'json');
    expect(raised.code).toBe(0);
  });

  it('reads BASE.. as git does (BASE..HEAD), and says what is wrong with any other range, or with a path outside the repository', async () => {
    const { repo } = narrowedRepo();
    const full = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1..HEAD', '--format', 'json');
    const short = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1..', '--format', 'json');
    expect(short.code).toBe(0);
    expect(short.stdout).toBe(full.stdout);
    expect(readJson<DiffJsonDocument>(short.stdout).devices.map((d) => d.new)).toEqual(['HEAD:vpn-demo.cfg']);
    const give = '; give BASE..HEAD, or BASE.. or BASE to compare BASE with HEAD, or BASE...HEAD to compare from their merge base\n';
    for (const [range, why] of [
      ['..HEAD~1', 'no base revision before `..` (git reads `..HEAD~1` as HEAD..HEAD~1: write that if it is meant)'],
      ['..', 'no revision'],
      ['...HEAD', 'no base revision before `...`'],
      ['HEAD~2...HEAD~1...HEAD', 'more than two revisions'],
      ['HEAD~2..HEAD~1..HEAD', 'more than two revisions'],
      ['HEAD~1..--output=x', 'a revision cannot start with `-` (`--output=x`)'],
    ]) {
      const r = await cliWith({ cwd: repo }, 'diff', '--git', range!);
      expect(r.code, range).toBe(2);
      expect(r.stderr, range).toBe(`asa-mobile-audit: --git ${range!}: ${why!}${give}`);
    }
    // A path outside the repository: named, in words, not git's command line.
    mkdirSync(join(repo, 'configs'));
    for (const [cwd, path] of [
      [repo, '../elsewhere'],
      [join(repo, 'configs'), '../../elsewhere.cfg'],
    ] as const) {
      const r = await cliWith({ cwd }, 'diff', '--git', 'HEAD~1', path);
      expect(r.code, path).toBe(2);
      expect(r.stderr, path).toBe(`asa-mobile-audit: --git: ${path} is outside the repository (its working tree is ${repo}); name paths inside it\n`);
    }
    // A pathspec git refuses: git's reason, without the command that was run.
    const magic = await cliWith({ cwd: repo }, 'diff', '--git', 'HEAD~1', ':(bogus)configs');
    expect(magic.code).toBe(2);
    expect(magic.stderr).toMatch(/^asa-mobile-audit: --git: :\(bogus\)configs: [^\n]*pathspec magic[^\n]*\n$/);
    expect(magic.stderr).not.toMatch(/git diff|4b825dc/);
  });

  it('refuses an --output that names a folder, and an empty plan --rules', async () => {
    const dir = tempDir();
    for (const args of [
      ['diff', DEMO, DEMO, '--output', 'out/'],
      ['plan', DEMO, '--output', 'out/'],
    ]) {
      const r = await cliWith({ cwd: dir }, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toBe('asa-mobile-audit: --output out/: names a folder (it ends with a slash); give a file name\n');
    }
    const none = await cliWith({ cwd: dir }, 'plan', DEMO, '--rules', ' , ');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--rules: give at least one rule id/);
  });
});

describe('what-if FILE --commands CHANGE.txt', () => {
  it('masks secrets typed in the change script wherever it quotes a line, in every format', async () => {
    const dir = tempDir();
    const secrets = ['S3cretPSK', 'Pw1x', 'RadK3y', 'An0ther', '0F1E2D3C4B5A6978', 'PosKeyLeak99'];
    writeFileSync(
      join(dir, 'change.txt'),
      [
        'ikev1 pre-shared-key S3cretPSK', // refused: wrong mode
        'username a password Pw1x privilege 15', // not simulated
        'aaa-server R (inside) host 10.0.0.20',
        ' key RadK3y', // a sub-command of an unmodelled mode
        'tunnel-group NOPE ipsec-attributes',
        ' ikev1 pre-shared-key An0ther', // under a profile that does not exist
        'scansafe general-options',
        ' license 0F1E2D3C4B5A6978', // stored trimmed: the form must not need the indentation
        'aaa-server R2 (inside) host 10.0.0.22 PosKeyLeak99',
        ' timeout 5', // its message quotes the parent line, key and all
      ].join('\n'),
    );
    for (const format of ['text', 'json', 'markdown', 'github', 'html']) {
      const r = await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', format);
      expect(r.code, format).toBe(2);
      for (const s of secrets) expect(`${r.stdout}${r.stderr}`, `${format}: ${s}`).not.toContain(s);
      expect(r.stdout, format).toMatch(/pre-shared-key (\\?<|&lt;)redacted/);
    }
    const json = readJson<DiffJsonDocument>((await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', 'json')).stdout);
    expect(json.problems!.map((p) => p.command)).toEqual([
      'ikev1 pre-shared-key <redacted>',
      'username a password <redacted> privilege 15',
      'aaa-server R (inside) host 10.0.0.20',
      'key <redacted>',
      'tunnel-group NOPE ipsec-attributes',
      'ikev1 pre-shared-key <redacted>',
      'scansafe general-options',
      'license <redacted>',
      'aaa-server R2 (inside) host 10.0.0.22 <redacted>',
      'timeout 5',
    ]);
  });

  it('shows what a change script does before the change window', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.txt'), 'group-policy GP-SPLIT attributes\n split-dns value corp.example.com\n');
    const r = await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('iOS DNS lab.example.com: tunnelled → in the clear');
    // Same as diffing the file against the config with the change made by hand.
    const { old, neu } = twoFiles(NARROWED);
    const byHand = readJson<DiffJsonDocument>((await cli('diff', old, neu, '--format', 'json')).stdout);
    const simulated = readJson<DiffJsonDocument>((await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', 'json')).stdout);
    expect(simulated.devices[0]!.profiles.map((p) => [p.tunnelGroup, p.status, p.settings.map((s) => [s.setting, s.old, s.new])])).toEqual(
      byHand.devices[0]!.profiles.map((p) => [p.tunnelGroup, p.status, p.settings.map((s) => [s.setting, s.old, s.new])]),
    );
    expect(simulated.problems).toEqual([]);
  });

  it('says when a change leaves tunnelled DNS queries with no resolver (row D0), though the outcome row stays', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.txt'), 'group-policy GP-SPLIT attributes\n dns-server none\n');
    const r = await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt');
    expect(r.stdout).toContain(
      'iOS DNS tunnel resolver: pushed → none pushed (row D0: no query reaches a corporate resolver, and the phone may send queries to its own resolver instead, outside the tunnel by the path split tunnelling leaves outside the tunnel [inferred])',
    );
    const json = readJson<DiffJsonDocument>((await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', 'json')).stdout);
    const split = json.devices[0]!.profiles.find((p) => p.tunnelGroup === 'MOBILE-SPLIT')!;
    expect([split.iosDns.old!.noResolver, split.iosDns.new!.noResolver]).toEqual([false, true]);
    for (const format of ['markdown', 'github']) {
      const out = (await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', format)).stdout;
      expect(out, format).toContain('iOS DNS tunnel resolver: pushed → none pushed');
    }
    const html = (await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', 'html')).stdout;
    const row = /<tr data-profile="MOBILE-SPLIT"[^]*?<\/tr>/.exec(html)![0];
    expect(row).toContain('no tunnel resolver pushed (row D0)');
    expect(row).toContain('<strong>(changed)</strong>');
  });

  it("recognises a plan's copy of a profile reached only by a certificate map: its findings are not new", async () => {
    // Lab&Partners with no alias: clients reach it by tunnel-group-map default-group only. (Signed in
    // locally: with its RADIUS server the plan would hold the map back until the server knows the copy.)
    const text = DEMO_TEXT.replace(' group-alias Lab-Partners enable\n', '')
      .replace(
        'tunnel-group Lab&Partners general-attributes\n address-pool VPN-POOL\n authentication-server-group RADIUS-MFA\n',
        'tunnel-group Lab&Partners general-attributes\n address-pool VPN-POOL\n',
      )
      .replace(/\n(: end|Cryptochecksum)/, '\ntunnel-group-map default-group Lab&Partners\n$1');
    expect(text).toContain('tunnel-group-map default-group Lab&Partners');
    const dir = tempDir();
    writeFileSync(join(dir, 'a.cfg'), text);
    const script = (await cliWith({ cwd: dir }, 'plan', 'a.cfg', '--rules', 'profile-name-special-chars', '--format', 'script')).stdout;
    expect(script).toMatch(/^tunnel-group-map default-group Lab-Partners$/m);
    writeFileSync(join(dir, 's.txt'), script);
    const r = await cliWith({ cwd: dir }, 'what-if', 'a.cfg', '--commands', 's.txt', '--fail-on-new', 'info', '--format', 'json');
    expect(readJson<DiffJsonDocument>(r.stdout).devices[0]!.findings.introduced).toEqual([]);
    expect(r.code).toBe(0);
  });

  // Found by a trial: the permits were listed in address order, their lines in list order.
  it('names the lines of a standard list in the order its entries are shown', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'change.txt'), 'access-list ST-CORP line 1 standard permit host 10.200.0.53\naccess-list ST-CORP standard permit host 10.1.0.53\n');
    const doc = readJson<DiffJsonDocument>((await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', 'json')).stdout);
    const list = doc.devices[0]!.profiles.find((p) => p.tunnelGroup === 'MOBILE-SPLIT')!.settings.find(
      (x) => x.setting === 'split-tunnel-network-list entries',
    )!;
    const line = DEMO_TEXT.split('\n').indexOf('access-list ST-CORP standard permit 10.0.0.0 255.0.0.0') + 1;
    expect(line).toBeGreaterThan(0);
    expect([list.new, list.newSource]).toEqual([
      'permit 10.0.0.0 255.0.0.0, permit 10.1.0.53 255.255.255.255, permit 10.200.0.53 255.255.255.255',
      `line ${line}, change.txt line 2, change.txt line 1`,
    ]);
  });

  it('shows a change to an extended split-tunnel list line by line, and a list that does not exist as such', async () => {
    const extended = DEMO_TEXT.replace(/^access-list ST-LAB standard .*$/m, 'access-list ST-LAB extended permit ip 172.16.0.0 255.240.0.0 any');
    expect(extended).toContain('access-list ST-LAB extended');
    const dir = tempDir();
    writeFileSync(join(dir, 'old.cfg'), extended);
    /** The profiles a diff of old.cfg against `text` changes (there must be some). */
    const changedBy = async (text: string): Promise<DiffJsonDocument['devices'][number]['profiles']> => {
      writeFileSync(join(dir, 'new.cfg'), text);
      const doc = readJson<DiffJsonDocument>((await cliWith({ cwd: dir }, 'diff', 'old.cfg', 'new.cfg', '--format', 'json')).stdout);
      const changed = doc.devices[0]!.profiles.filter((p) => p.status === 'changed');
      expect(changed.length).toBeGreaterThan(0);
      return changed;
    };
    const changed = await changedBy(
      extended.replace('access-list ST-LAB extended permit ip 172.16.0.0 255.240.0.0 any\n', '$&access-list ST-LAB extended permit ip host 172.16.0.53 any\n'),
    );
    for (const p of changed)
      expect(p.settings).toEqual([
        expect.objectContaining({
          setting: 'split-tunnel-network-list entries',
          old: 'extended permit ip 172.16.0.0 255.240.0.0 any',
          new: 'extended permit ip 172.16.0.0 255.240.0.0 any, extended permit ip host 172.16.0.53 any',
        }),
      ]);
    // A list of remarks only exists, with no entries.
    const emptied = await changedBy(
      extended.replace('access-list ST-LAB extended permit ip 172.16.0.0 255.240.0.0 any', 'access-list ST-LAB remark lab networks'),
    );
    for (const p of emptied) expect(p.settings).toContainEqual(expect.objectContaining({ setting: 'split-tunnel-network-list entries', new: 'none' }));
    writeFileSync(join(dir, 'change.txt'), 'group-policy GP-SPLIT attributes\n split-tunnel-network-list value NO-SUCH-LIST\n');
    const gone = readJson<DiffJsonDocument>((await cliWith({ cwd: dir }, 'what-if', 'old.cfg', '--commands', 'change.txt', '--format', 'json')).stdout);
    const split = gone.devices[0]!.profiles.find((p) => p.tunnelGroup === 'MOBILE-SPLIT')!;
    expect(split.settings).toContainEqual(expect.objectContaining({ setting: 'split-tunnel-network-list entries', new: 'no such access-list' }));
  });

  it('counts the findings of a new profile as introduced, even when it shares every setting with an existing one', async () => {
    // A second profile on DfltGrpPolicy is a new way in with DefaultWEBVPNGroup's settings, not a copy of it.
    const dir = tempDir();
    writeFileSync(join(dir, 'change.txt'), 'tunnel-group PHONES2 type remote-access\ntunnel-group PHONES2 webvpn-attributes\n group-alias Phones2 enable\n');
    const json = readJson<DiffJsonDocument>((await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', 'json')).stdout);
    const device = json.devices[0]!;
    expect(device.profiles.find((p) => p.tunnelGroup === 'PHONES2')!.status).toBe('added');
    const introduced = device.findings.introduced.filter((f) => f.tunnelGroup === 'PHONES2');
    const onDefault = (await cli('audit', DEMO, '--format', 'json')).stdout;
    const defaultRules = readJson<{ targets: Array<{ findings: Array<{ ruleId: string; tunnelGroup: string | null }> }> }>(onDefault)
      .targets[0]!.findings.filter((f) => f.tunnelGroup === 'DefaultWEBVPNGroup')
      .map((f) => f.ruleId);
    expect(defaultRules.length).toBeGreaterThan(0);
    expect(introduced.map((f) => f.ruleId).sort()).toEqual([...defaultRules].sort());
    // The pull-request gate sees them.
    const gate = await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--fail-on-new', 'warning');
    expect(gate.code).toBe(1);
  });

  it('names the change script line a new value and a new finding come from; kept lines keep their own line', async () => {
    const dir = tempDir();
    // Two lines inserted above the policy shift every later line of the changed configuration.
    writeFileSync(
      join(dir, 'change.txt'),
      [
        'access-list EXTRA standard permit host 10.9.9.9',
        'access-list EXTRA standard permit host 10.9.9.10',
        'group-policy GP-SPLIT attributes',
        ' vpn-idle-timeout 600',
      ].join('\n'),
    );
    const json = readJson<DiffJsonDocument>((await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', 'json')).stdout);
    const profile = json.devices[0]!.profiles.find((p) => p.tunnelGroup === 'MOBILE-SPLIT')!;
    const idle = profile.settings.find((x) => x.setting === 'vpn-idle-timeout')!;
    const demoLines = DEMO_TEXT.split('\n');
    expect(idle.newSource).toBe('set in group-policy GP-SPLIT (change.txt line 4)');
    expect(demoLines[Number(/line (\d+)/.exec(idle.oldSource!)![1]) - 1]).toBe(' vpn-idle-timeout 1440');
    // The profile's own line is its line in the file, not in the changed copy.
    expect(demoLines[profile.line! - 1]).toMatch(/^tunnel-group MOBILE-SPLIT /);
    const finding = json.devices[0]!.findings.introduced.find((f) => f.ruleId === 'idle-timeout-short')!;
    expect(finding).toMatchObject({ file: 'change.txt', line: 4 });
    // A new policy's "should be set" line keeps the script's name as written.
    writeFileSync(
      join(dir, 'new.txt'),
      [
        'group-policy GP-NEW internal',
        'group-policy GP-NEW attributes',
        ' vpn-tunnel-protocol ssl-client',
        'tunnel-group MOBILE-FULL general-attributes',
        ' default-group-policy GP-NEW',
      ].join('\n'),
    );
    const created = (await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'new.txt')).stdout;
    expect(created).toMatch(/ new\.txt line \d+ is where it should be set\./);
    expect(created).not.toMatch(/New\.txt/);
    // Its message names the line the same way, not the line of the copy in memory.
    expect(finding.message).toContain('set in group-policy GP-SPLIT (change.txt line 4)');
    const github = (await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', 'github')).stdout;
    expect(github).toContain('::notice file=change.txt,line=4,title=new%3A idle-timeout-short (MOBILE-SPLIT)::');
    expect((await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt')).stdout).toContain('idle-timeout-short (MOBILE-SPLIT, change.txt line 4)');
  });

  it('applies a split-dns list longer than the ASA is recalled to take and says to check it, in every format, without failing', async () => {
    const dir = tempDir();
    const domains = Array.from({ length: 12 }, (_, i) => `branch-office-${i + 10}.example.com`).join(' ');
    writeFileSync(join(dir, 'change.txt'), ['group-policy GP-SPLIT attributes', ` split-dns value ${domains}`].join('\n'));
    const text = await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      `change.txt:2: info: the \`split-dns\` value is ${domains.length} characters; the ASA is recalled to take about 255 [recalled]`,
    );
    expect(text.stdout).toMatch(/split-dns: value corp\.example\.com lab\.example\.com .* → value branch-office-10\.example\.com/);
    const github = (await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', 'github')).stdout;
    expect(github).toMatch(/^::notice file=change\.txt,line=2,title=asa-mobile-audit%3A check this line::split-dns value branch-office-10/m);
    const markdown = (await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', 'markdown')).stdout;
    expect(markdown).toContain('- :information_source: `change.txt` line 2: the `split-dns` value is');
  });

  it('reports bad input with its line in the change script and exits 2; commands it does not model are warnings', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'change.txt'),
      [
        '! maintenance window 42',
        'group-policy GP-NOPE attributes',
        ' vpn-idle-timeout 600',
        'split-dns value corp.example.com',
        'route outside 0.0.0.0 0.0.0.0 192.0.2.1',
      ].join('\n'),
    );
    // (On a terminal the report just printed lists them: stderr points there.)
    const r = await cliWith({ cwd: dir, isTTY: true }, 'what-if', DEMO, '--commands', 'change.txt');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('change.txt:2: error: group-policy GP-NOPE does not exist');
    // Lines 3 and 4 fail too: after a refused mode line the script is still in configuration mode,
    // and what they were meant for is the block refused (not "belongs under group-policy NAME attributes").
    expect(r.stdout).toContain('change.txt:3: error: not applied: it follows `group-policy GP-NOPE attributes` (line 2), which was refused');
    expect(r.stdout).toContain('change.txt:4: error: not applied: it follows `group-policy GP-NOPE attributes` (line 2), which was refused');
    expect(r.stdout).toMatch(/change\.txt:5: warning: not simulated/);
    expect(r.stderr).toBe('asa-mobile-audit: 3 commands of change.txt could not be applied (see above)\n');
    // Redirected to a file or a CI log, "above" is not on the screen: stderr names each.
    const piped = await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt');
    expect(piped.stdout).toBe(r.stdout);
    expect(piped.stderr).toBe(
      [
        'change.txt:2: group-policy GP-NOPE does not exist: enter `group-policy GP-NOPE internal` first',
        'change.txt:3: not applied: it follows `group-policy GP-NOPE attributes` (line 2), which was refused',
        'change.txt:4: not applied: it follows `group-policy GP-NOPE attributes` (line 2), which was refused',
      ]
        .map((l) => `asa-mobile-audit: ${l}\n`)
        .join(''),
    );
    const json = await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', 'json');
    expect(json.stderr).toContain('change.txt:2: group-policy GP-NOPE does not exist');
    expect(json.stderr).not.toContain('change.txt:5');
    // Annotations and comments keep the severity: a command the tool does not model is a warning.
    const github = (await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', 'github')).stdout;
    expect(github).toMatch(/^::error file=change\.txt,line=2,title=asa-mobile-audit%3A change not applied::/m);
    expect(github).toMatch(/^::warning file=change\.txt,line=5,title=asa-mobile-audit%3A not simulated::/m);
    const markdown = (await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'change.txt', '--format', 'markdown')).stdout;
    expect(markdown).toContain('- :warning: `change.txt` line 5: not simulated');
    expect(markdown).toContain('- :x: `change.txt` line 2: group-policy GP-NOPE does not exist');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0x00, 0x01]));
    const binary = await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'binary.txt');
    expect(binary.code).toBe(2);
    expect(binary.stderr).toContain('--commands binary.txt: not a text file of configuration commands (it holds NUL bytes)');
    // Saved by Notepad as "Unicode" (UTF-16 with a byte-order mark): read as text, like a configuration.
    // A `#` comment is refused as the ASA refuses it.
    const script = '# ticket 42\ngroup-policy GP-FULL attributes\n vpn-idle-timeout 600\n';
    writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(script, 'utf16le')]));
    const utf16 = await cliWith({ cwd: dir, isTTY: true }, 'what-if', DEMO, '--commands', 'utf16.txt');
    expect(utf16.code).toBe(2);
    expect(utf16.stdout).toContain('utf16.txt:1: error: not a command: the ASA refuses this line (only lines starting with `!` or `:` are comments)');
    expect(utf16.stdout).toMatch(/vpn-idle-timeout: 1440 .*→ 600 \(set in group-policy GP-FULL \(\S*utf16\.txt line 3\)\)/);
    expect(utf16.stderr).toBe('asa-mobile-audit: 1 command of utf16.txt could not be applied (see above)\n');
    // Saved as "ANSI" (Windows-1252): its é read as é, not a replacement character.
    writeFileSync(join(dir, 'ansi.txt'), Buffer.from('group-policy GP-SPLIT attributes\n split-dns value corp.example.com caf\xe9.example.com\n', 'latin1'));
    const ansi = (await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'ansi.txt')).stdout;
    expect(ansi).toContain('→ value corp.example.com café.example.com (set in group-policy GP-SPLIT');
    expect(ansi).not.toContain('\ufffd');
    expect((await cliWith({ cwd: dir }, 'what-if', DEMO)).code).toBe(2);
    expect((await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'missing.txt')).stderr).toMatch(/--commands missing\.txt: no such file/);
    // Comments and blank lines only: still "no change", but not silently.
    writeFileSync(join(dir, 'empty.txt'), '! planned for Friday\n\n: nothing yet\n');
    const empty = await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'empty.txt');
    expect(empty.code).toBe(0);
    expect(empty.stderr).toContain('--commands empty.txt: the change script holds no command (blank lines and comments only)');
    writeFileSync(join(dir, 'one.txt'), '! a comment\ngroup-policy GP-FULL attributes\n vpn-idle-timeout 1440\n');
    expect((await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'one.txt')).stderr).not.toContain('holds no command');
    writeFileSync(join(dir, 'session.txt'), 'configure terminal\nend\nwrite memory\n');
    expect((await cliWith({ cwd: dir }, 'what-if', DEMO, '--commands', 'session.txt')).stderr).toContain(
      '--commands session.txt: the change script holds no configuration command (only `configure terminal` and the like)',
    );
  });
});

describe('what-if under the configuration file', () => {
  it('says once that an ignore expired, on a finding the change resolves', async () => {
    const dir = tempDir();
    copyFileSync(DEMO, join(dir, 'demo.cfg'));
    writeFileSync(
      join(dir, '.asa-mobile-audit.yaml'),
      ['ignore:', '  - rule: client-side-dpd-disabled', '    profile: "Lab&Partners"', '    reason: "expired test"', '    until: 2020-01-01'].join('\n'),
    );
    writeFileSync(join(dir, 'plan.txt'), (await cliWith({ cwd: dir }, 'plan', 'demo.cfg', '--format', 'script')).stdout);
    const r = await cliWith({ cwd: dir }, 'what-if', 'demo.cfg', '--commands', 'plan.txt', '--format', 'json');
    const resolved = readJson<{ devices: Array<{ findings: { resolved: Array<{ ruleId: string; message: string }> } }> }>(r.stdout).devices[0]!.findings
      .resolved;
    const dpd = resolved.find((f) => f.ruleId === 'client-side-dpd-disabled')!;
    expect(dpd.message.match(/An ignore for this finding expired on 2020-01-01: expired test/g)).toHaveLength(1);
  });
});

describe('plan', () => {
  it('proves itself under the configuration file: ignored findings and overridden severities are the same on both sides', async () => {
    const dir = tempDir();
    copyFileSync(DEMO, join(dir, 'demo.cfg'));
    // A profile filter selects the copy exactly when it selects the original: the proof sees the copy's findings.
    writeFileSync(join(dir, '.asa-mobile-audit.yaml'), ['profiles:', '  include: ["Lab&Partners"]'].join('\n'));
    const filtered = readJson<PlanJsonDocument>(
      (await cliWith({ cwd: dir }, 'plan', 'demo.cfg', '--rules', 'profile-name-special-chars', '--format', 'json')).stdout,
    ).targets[0]!;
    expect(filtered.alsoCloses).toEqual([]);
    expect(filtered.notes).toContainEqual(expect.stringMatching(/^Entries of the configuration file that name Lab&Partners .* do not name Lab-Partners-2/));
    // An ignore that names a profile the plan copies covers the copy in the proof, and the plan says to extend it.
    writeFileSync(
      join(dir, '.asa-mobile-audit.yaml'),
      ['ignore:', '  - rule: homepage-ignored-on-mobile', '    profile: "Lab&Partners"', '    reason: partners use desktops'].join('\n'),
    );
    const copied = await cliWith({ cwd: dir }, 'plan', 'demo.cfg', '--format', 'json');
    expect(copied.stderr).toBe('');
    expect(copied.code).toBe(0);
    const copiedPlan = readJson<PlanJsonDocument>(copied.stdout).targets[0]!;
    expect(copiedPlan.notes).toContainEqual(expect.stringMatching(/^Entries of the configuration file that name Lab&Partners .* do not name Lab-Partners-2/));
    writeFileSync(
      join(dir, '.asa-mobile-audit.yaml'),
      [
        'ignore:',
        '  - rule: group-alias-special-chars',
        '    profile: "MOBILE-SPLIT"',
        '    reason: "known exception"',
        'rules:',
        '  client-side-dpd-disabled: info',
      ].join('\n'),
    );
    for (const extra of [[], ['--rules', 'client-side-dpd-disabled']]) {
      const r = await cliWith({ cwd: dir }, 'plan', 'demo.cfg', '--format', 'json', ...extra);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const t = readJson<PlanJsonDocument>(r.stdout).targets[0]!;
      expect(t.introduced).toEqual([]);
      // The ignored finding is neither fixed nor reported as new.
      expect([...t.closes, ...t.remains].some((c) => c.ruleId === 'group-alias-special-chars' && c.tunnelGroup === 'MOBILE-SPLIT')).toBe(false);
      expect(t.closes.some((c) => c.ruleId === 'client-side-dpd-disabled')).toBe(true);
    }
  });

  it("prints a held move's undo under its block, in text, markdown and HTML, and says to paste it before the rollback", async () => {
    const file = fixture('plan/rename-group-lock.cfg');
    const json = readJson<PlanJsonDocument>((await cli('plan', file, '--format', 'json')).stdout).targets[0]!;
    const move = json.needsInput.find((n) => n.cli !== undefined)!;
    expect(move.rollback).toMatch(/^tunnel-group Lab-Partners-2 webvpn-attributes\n no group-alias /);
    const text = (await cli('plan', file)).stdout;
    const undoAt = text.indexOf('    To undo the move (paste it before any rollback that removes the copy: the ways in on it would go too):');
    expect(undoAt).toBeGreaterThan(
      text.indexOf(
        move
          .cli!.split('\n')
          .map((l) => `      ${l}`)
          .join('\n'),
      ),
    );
    expect(text.slice(undoAt)).toContain(
      move
        .rollback!.split('\n')
        .map((l) => `      ${l}`)
        .join('\n'),
    );
    expect(text).toContain('if you pasted a move under "Needs your input", paste its undo first');
    // Markdown: both blocks are code blocks inside the list item, exactly as pasted.
    const md = new MarkdownIt().parse((await cli('plan', file, '--format', 'markdown')).stdout, {});
    const fences = md.filter((t) => t.type === 'fence').map((t) => t.content.trimEnd());
    expect(fences).toContain(move.cli);
    expect(fences).toContain(move.rollback);
    const html = (await cli('plan', file, '--format', 'html')).stdout;
    expect(html).toContain('To undo the move (paste it before any rollback that removes the copy');
  });

  it('holds a rename back while a DAP record selects the old profile name, and says what it cannot see', async () => {
    const dir = tempDir();
    copyFileSync(fixture('plan/rename-saml.cfg'), join(dir, 'vpn.cfg'));
    const dap = (value: string): string =>
      `<?xml version="1.0"?>\n<dapRecordList>\n<dapRecord>\n<dapName><value>DAP-LAB</value></dapName>\n<dapBasicView><dapSelection>\n<attr><name>aaa.cisco.tunnelgroup</name><value>${value}</value><operation>EQ</operation></attr>\n</dapSelection></dapBasicView>\n</dapRecord>\n</dapRecordList>\n`;
    writeFileSync(join(dir, 'dap-export.xml'), dap('Lab.Partners'));
    const t = readJson<PlanJsonDocument>((await cliWith({ cwd: dir }, 'plan', 'vpn.cfg', '--dap', 'dap-export.xml', '--format', 'json')).stdout).targets[0]!;
    expect(t.needsInput.map((n) => n.what)).toContainEqual(
      expect.stringMatching(
        /^DAP record DAP-LAB selects sessions by connection profile \(`aaa\.cisco\.tunnelgroup EQ Lab\.Partners`, dap\.xml line 6\): users on Lab-Partners would not be treated the same/,
      ),
    );
    expect(t.needsInput.map((n) => n.what)).toContainEqual(
      expect.stringMatching(/^once the DAP and SAML steps are done, move the users of Lab\.Partners to Lab-Partners /),
    );
    // A SAML sign-in does not use the profile's RADIUS authentication groups: they hold nothing back.
    expect(t.needsInput.map((n) => n.what).join('\n')).not.toMatch(/check RADIUS/);
    // A record on another profile holds nothing back; without dap.xml (none beside the configuration), the plan says it could not look.
    writeFileSync(join(dir, 'dap-export.xml'), dap('OTHER'));
    const other = readJson<PlanJsonDocument>((await cliWith({ cwd: dir }, 'plan', 'vpn.cfg', '--dap', 'dap-export.xml', '--format', 'json')).stdout)
      .targets[0]!;
    expect(other.needsInput.map((n) => n.what).join('\n')).not.toMatch(/DAP record/);
    const unread = readJson<PlanJsonDocument>((await cliWith({ cwd: dir }, 'plan', 'vpn.cfg', '--format', 'json')).stdout).targets[0]!;
    // Without dap.xml the record's criteria are unseen: it holds the move back as a record that names the profile does.
    expect(unread.needsInput.map((n) => n.what)).toContainEqual(
      expect.stringMatching(
        /^check DAP record DAP-LAB before users move \(dap\.xml was not read, so the tool cannot see its criteria\): .* or run plan again with a current `--dap dap\.xml`$/,
      ),
    );
    expect(unread.needsInput.map((n) => n.what)).toContainEqual(expect.stringMatching(/^once the DAP and SAML steps are done, move /));
    // A dap.xml without an entry for a record the configuration has (an old export) hides that record's criteria too.
    writeFileSync(join(dir, 'dap-export.xml'), dap('OTHER').replace('<value>DAP-LAB</value>', '<value>DAP-OLD</value>'));
    const stale = readJson<PlanJsonDocument>((await cliWith({ cwd: dir }, 'plan', 'vpn.cfg', '--dap', 'dap-export.xml', '--format', 'json')).stdout)
      .targets[0]!;
    expect(stale.needsInput.map((n) => n.what)).toContainEqual(
      expect.stringMatching(/^check DAP record DAP-LAB before users move \(dap\.xml has no entry for it, so the tool cannot see its criteria\): /),
    );
    // An entry with more than basic criteria (an advanced expression) is not seen whole either.
    writeFileSync(
      join(dir, 'dap-export.xml'),
      dap('OTHER').replace(
        '</dapBasicView>',
        '</dapBasicView>\n<dapAdvancedView><value>EVAL(aaa.cisco.tunnelgroup,"EQ","Lab.Partners","string")</value></dapAdvancedView>',
      ),
    );
    const advanced = readJson<PlanJsonDocument>((await cliWith({ cwd: dir }, 'plan', 'vpn.cfg', '--dap', 'dap-export.xml', '--format', 'json')).stdout)
      .targets[0]!;
    expect(advanced.needsInput.map((n) => n.what)).toContainEqual(
      expect.stringMatching(
        /^check DAP record DAP-LAB before users move \(dap\.xml holds its <dapAdvancedView>, which the tool does not read, so the tool cannot see its criteria\): /,
      ),
    );
  });

  it('writes markdown whose rendered commands are what to type: no backslash inside a code span', async () => {
    const md = (await cli('plan', DEMO, '--format', 'markdown')).stdout;
    const html = new MarkdownIt().render(md);
    // Every inline command, as a reader copies it from the rendered page.
    const spans = [...html.matchAll(/<code>([^<]*)<\/code>/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
    expect(spans).toContain('clear configure tunnel-group Lab&Partners');
    expect(spans.filter((s) => s.includes('\\'))).toEqual([]);
    // Around the spans, `&` and `<` stay escaped for the page (a name is text, never markup).
    expect(md).toMatch(/remove Lab\\&Partners once/);
    expect(html).toContain('remove Lab&amp;Partners once');
  });

  it('follows the JSON contract, and --format script prints exactly its script', async () => {
    const r = await cli('plan', DEMO, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = readJson<PlanJsonDocument>(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    const t = doc.targets[0]!;
    expect(t).toMatchObject({ source: 'fixtures/demo/demo-headend.cfg', hostname: 'vpn-demo', context: null, introduced: [], problems: [] });
    for (const key of ['script', 'rollback', 'needsInput', 'closes', 'remains', 'changes']) expect(t).toHaveProperty(key);
    expect(t.needsInput[0]).toEqual({ ruleId: 'ios-dns-all-clear', tunnelGroup: 'Lab&Partners', groupPolicy: 'GP-CLEAR', what: expect.any(String) });
    expect(t.remains[0]).toEqual({ ruleId: expect.any(String), tunnelGroup: expect.anything(), groupPolicy: expect.anything(), why: expect.any(String) });
    expect(t.changes[0]).toHaveProperty('iosDns');
    // A device-wide change is shown as such: it reaches every tunnel, not only the listed profiles; and so
    // is what a change to a local user's own policy does for that user, on every profile.
    expect(t.deviceChanges).toEqual([
      {
        setting: 'crypto isakmp nat-traversal',
        old: '20 s',
        new: '3600 s',
        oldSource: 'the built-in default [recalled]',
        newSource: expect.stringMatching(/^plan line \d+$/),
      },
      expect.objectContaining({ setting: "local users' group-policy GP-SPLIT: anyconnect ssl keepalive", old: '20', new: 'none' }),
    ]);
    expect(t.script.split('\n')[Number(/\d+/.exec(t.deviceChanges[0]!.newSource!)![0]) - 1]).toBe('crypto isakmp nat-traversal 3600');
    expect((await cli('plan', DEMO)).stdout).toContain(
      'Beyond the connection profiles (device-wide settings, site-to-site tunnels, local users):\n  crypto isakmp nat-traversal: 20 s (the built-in default [recalled]) → 3600 s',
    );
    expect((await cli('plan', DEMO, '--format', 'script')).stdout).toBe(`${t.script}\n`);
    expect((await cli('plan', DEMO, '--format', 'rollback')).stdout).toBe(`${t.rollback}\n`);
  });

  it('states its verdict and the changes per profile (text), and writes --output', async () => {
    const dir = tempDir();
    const r = await cliWith({ cwd: dir }, 'plan', DEMO, '--output', 'plan.txt');
    expect(r.stdout).toBe('');
    const text = readFileSync(join(dir, 'plan.txt'), 'utf8');
    expect(text).toMatch(
      /after this plan: 15 findings closed, 4 remain \(needs your input; an original profile stays until you remove it; informational\), 0 new/,
    );
    expect(text).toContain('Needs your input (not in the script):');
    expect(text).toContain('MOBILE-INHERIT: changed');
    expect(text).toContain('Rollback (paste to undo the whole plan):');
  });

  it('refuses a truncated configuration, unknown rules and bad options with exit 2', async () => {
    const truncated = await cli('plan', fixture('synthetic/oxidized-single-truncated.cfg'));
    expect(truncated.code).toBe(2);
    expect(truncated.stderr).toMatch(/no plan for a configuration the tool cannot see whole/);
    // Named as the reports name it, relative to the working folder (the checkout root here).
    expect(truncated.stderr).toMatch(/^asa-mobile-audit: fixtures\/synthetic\/oxidized-single-truncated\.cfg:\d+: /);
    expect(truncated.stdout).not.toContain('Paste');
    const rules = await cli('plan', DEMO, '--rules', 'natt-keepalive-short,no-such-rule');
    expect(rules.code).toBe(2);
    expect(rules.stderr).toContain('--rules: no rule `no-such-rule`');
    expect((await cli('plan', DEMO, '--scope', 'everything')).code).toBe(2);
    expect((await cli('plan')).code).toBe(2);
    expect((await cli('plan', fixture('repo/rancid/vpn/configs'), '--format', 'script')).code).toBe(2);
  });

  it('plans every device of a directory, one target each', async () => {
    const doc = readJson<PlanJsonDocument>((await cli('plan', fixture('repo/oxidized'), '--format', 'json')).stdout);
    expect(doc.targets.map((t) => [t.hostname, t.context])).toEqual([
      ['dc-asa', null],
      ['admin', 'admin'],
      ['vpn', 'vpn'],
      ['edge-oxi', null],
    ]);
    expect(doc.targets.find((t) => t.context === 'vpn')!.script.split('\n')[0]).toBe('changeto context vpn');
  });

  it('agrees with what-if run on its own script: what it closes is resolved, nothing is new', async () => {
    for (const file of [DEMO, fixture('plan/rename-collision.cfg'), fixture('plan/dflt-collateral.cfg'), fixture('plan/perapp-misspelled.cfg')]) {
      const plan = readJson<PlanJsonDocument>((await cli('plan', file, '--format', 'json')).stdout).targets[0]!;
      const r = await cliWith({ stdin: plan.script }, 'what-if', file, '--commands', '-', '--format', 'json');
      expect(r.code).toBe(0);
      const diff = readJson<DiffJsonDocument>(r.stdout).devices[0]!;
      expect(diff.findings.introduced.map((f) => f.ruleId)).toEqual(plan.revealed.map((f) => f.ruleId));
      const resolved = diff.findings.resolved.map((f) => JSON.stringify([f.ruleId, f.tunnelGroup])).sort();
      expect(resolved).toEqual(plan.closes.map((c) => JSON.stringify([c.ruleId, c.tunnelGroup])).sort());
    }
  });
});

describe('what-if on a multiple-context backup', () => {
  const MULTI = fixture('synthetic/oxidized-multi-context.cfg');
  it('routes the script with changeto context or --context, and refuses to guess', async () => {
    const change = 'group-policy DfltGrpPolicy attributes\n vpn-idle-timeout 1440\n';
    const guess = await cliWith({ stdin: change }, 'what-if', MULTI, '--commands', '-');
    expect(guess.code).toBe(2);
    expect(guess.stderr).toMatch(
      /holds 3 configurations \(the system execution space and contexts admin, vpn\): start the change script with `changeto context NAME`, or give --context NAME/,
    );
    const flag = readJson<DiffJsonDocument>(
      (await cliWith({ stdin: change }, 'what-if', MULTI, '--commands', '-', '--context', 'vpn', '--format', 'json')).stdout,
    );
    const routed = readJson<DiffJsonDocument>(
      (await cliWith({ stdin: `changeto context vpn\nconfigure terminal\n${change}` }, 'what-if', MULTI, '--commands', '-', '--format', 'json')).stdout,
    );
    // `changeto` lands in the context's EXEC mode: configuration lines before `configure terminal` are refused.
    const exec = await cliWith({ stdin: `changeto context vpn\n${change}` }, 'what-if', MULTI, '--commands', '-');
    expect(exec.code).toBe(2);
    expect(exec.stdout).toMatch(/<stdin>:2: error: after `changeto context vpn` the session is no longer in configuration mode/);
    expect(
      readJson<DiffJsonDocument>(
        (await cliWith({ stdin: `changeto context vpn\nconf t\n${change}` }, 'what-if', MULTI, '--commands', '-', '--format', 'json')).stdout,
      ).problems,
    ).toEqual([]);
    for (const doc of [flag, routed]) {
      const vpn = doc.devices.find((d) => d.context === 'vpn')!;
      expect(vpn.profiles.some((p) => p.settings.some((s) => s.setting === 'vpn-idle-timeout' && s.new === '1440'))).toBe(true);
      expect(doc.devices.filter((d) => d.context !== 'vpn').every((d) => d.profiles.every((p) => p.status === 'unchanged'))).toBe(true);
    }
    expect((await cliWith({ stdin: change }, 'what-if', MULTI, '--commands', '-', '--context', 'nope')).stderr).toMatch(
      /--context nope: .* has contexts admin, vpn/,
    );
    // --context and the script's `changeto` disagree: the script is followed, and that is said (found by a user trial).
    const both = await cliWith(
      { stdin: `changeto context vpn\nconfigure terminal\n${change}` },
      'what-if',
      MULTI,
      '--commands',
      '-',
      '--context',
      'admin',
      '--format',
      'json',
    );
    const bothDoc = readJson<DiffJsonDocument & { problems: Array<{ line: number; severity: string; message: string }> }>(both.stdout);
    expect(bothDoc.problems).toEqual([
      expect.objectContaining({
        line: 1,
        severity: 'warning',
        message: 'the script changes to context vpn while --context names admin: the commands after this line are simulated there, as the ASA would run them',
      }),
    ]);
    expect(bothDoc.devices.find((d) => d.context === 'vpn')!.profiles.some((p) => p.status === 'changed')).toBe(true);
    // A context the file does not have: the commands after the `changeto` go with it, and the count says so.
    const missing = await cliWith({ stdin: `changeto context nope\nconfigure terminal\n${change}`, isTTY: true }, 'what-if', MULTI, '--commands', '-');
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(/<stdin>:1: error: no context nope in .*; the commands up to the next `changeto` were not applied/);
    expect(missing.stderr).toBe('asa-mobile-audit: 1 error in <stdin>, and the commands after a `changeto` it could not follow were not applied (see above)\n');
  });

  // Found by review: a line the tool cannot read in the admin context was said of a change to vpn.
  it('says unread lines only of the contexts the change is simulated on', async () => {
    const dir = tempDir();
    const file = join(dir, 'multi.cfg');
    writeFileSync(file, readFileSync(MULTI, 'utf8').replace('\n nameif management\n', '\n\u00a0nameif management\n'));
    const change = 'group-policy DfltGrpPolicy attributes\n vpn-idle-timeout 1440\n';
    for (const run of [
      await cliWith({ stdin: change }, 'what-if', file, '--commands', '-', '--context', 'vpn'),
      await cliWith({ stdin: `changeto context vpn\nconfigure terminal\n${change}` }, 'what-if', file, '--commands', '-'),
    ]) {
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
    }
    for (const run of [
      await cliWith({ stdin: change }, 'what-if', file, '--commands', '-', '--context', 'admin'),
      await cliWith({ stdin: `changeto context admin\nconfigure terminal\n${change}` }, 'what-if', file, '--commands', '-'),
    ])
      expect(run.stderr).toMatch(
        /multi\.cfg:\d+: `nameif management` starts with odd spaces .*\(the change is simulated on the configuration as read, without them\)\n$/,
      );
  });
});
