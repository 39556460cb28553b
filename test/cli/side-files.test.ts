// Client profile XML and dap.xml found offline: beside the configuration, in its `profiles/` folder,
// in `NAME.profiles/` (where --save puts them), or where --client-profiles / --dap say; findings on
// them point at the XML file and line in every format.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditJson, cli, cliWith, explainJson, fixture, readJson, tempDir } from '../helpers.js';

const HEADEND = fixture('client-profiles/headend.cfg');
const MOBILE_XML = fixture('client-profiles/profiles/mobile.xml');
const DAP_XML = fixture('client-profiles/profiles/dap.xml');
const REL_XML = 'fixtures/client-profiles/profiles/mobile.xml';

/** A folder holding the headend config as NAME, and whatever else the test puts there. */
function repo(name = 'vpn-cp.cfg'): { dir: string; cfg: string } {
  const dir = tempDir('ama-side-');
  const cfg = join(dir, name);
  copyFileSync(HEADEND, cfg);
  return { dir, cfg };
}

async function auditTarget(...argv: string[]) {
  const r = await cli('audit', ...argv, '--format', 'json', '--fail-on', 'never');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return auditJson(r.stdout).targets[0]!;
}

const ruleFiles = (t: Awaited<ReturnType<typeof auditTarget>>): string[] =>
  t.findings.filter((f) => f.file !== null).map((f) => `${f.ruleId}@${f.file!.replace(/^.*\//, '')}:${f.line}`);

describe('client profiles found offline', () => {
  it('reads the profiles/ folder beside the configuration, and lists who gets each profile', async () => {
    const t = await auditTarget(HEADEND);
    expect(t.clientProfiles).toEqual([
      { name: 'MOBILE-PROFILE', file: 'disk0:/mobile.xml', assignedTo: ['MOBILE-FULL', 'MOBILE-SPLIT'], found: true, readFrom: REL_XML, status: 'read' },
    ]);
    expect(ruleFiles(t).sort()).toEqual([
      'client-profile-host-unknown@mobile.xml:24',
      'client-profile-mobile-settings@mobile.xml:26',
      'client-profile-mobile-settings@mobile.xml:5',
      'connect-on-demand-domains@mobile.xml:31',
      'dap-mobile-criteria@dap.xml:16',
    ]);
  });

  it('orders findings by file: the configuration lines, then each XML file by its own lines (two files are not interleaved)', async () => {
    const t = await auditTarget(HEADEND);
    const device = t.findings.filter((f) => f.tunnelGroup === null).map((f) => [f.file === null ? '' : f.file.replace(/^.*\//, ''), f.line ?? 0] as const);
    expect(device.map(([file]) => file)).toEqual([...device.map(([file]) => file)].sort());
    for (let i = 1; i < device.length; i++) if (device[i]![0] === device[i - 1]![0]) expect(device[i]![1]).toBeGreaterThanOrEqual(device[i - 1]![1]);
    expect(new Set(device.map(([file]) => file))).toEqual(new Set(['', 'dap.xml', 'mobile.xml']));
  });

  it('reads FILE.xml next to the configuration, and says nothing about a file nobody looked for', async () => {
    const bare = repo();
    const t0 = await auditTarget(bare.cfg);
    expect(t0.clientProfiles[0]).toMatchObject({ found: false, status: 'not-searched', readFrom: null });
    expect(t0.findings.filter((f) => f.ruleId.startsWith('client-profile') || f.file !== null)).toEqual([]);
    copyFileSync(MOBILE_XML, join(bare.dir, 'mobile.xml'));
    const t = await auditTarget(bare.cfg);
    expect(t.clientProfiles[0]).toMatchObject({ found: true, status: 'read', readFrom: join(bare.dir, 'mobile.xml') });
    expect(ruleFiles(t)).toContain('connect-on-demand-domains@mobile.xml:31');
  });

  it('takes --client-profiles DIR and --dap FILE for a configuration kept elsewhere', async () => {
    const bare = repo();
    const t = await auditTarget(bare.cfg, '--client-profiles', 'fixtures/client-profiles/profiles', '--dap', DAP_XML);
    expect(t.clientProfiles[0]).toMatchObject({ found: true, readFrom: REL_XML });
    expect(ruleFiles(t)).toContain('dap-mobile-criteria@dap.xml:16');
    // Only --dap: the client profile is looked for in the folder given, and is not there.
    const empty = tempDir('ama-side-empty-');
    const t2 = await auditTarget(bare.cfg, '--client-profiles', empty);
    const missing = t2.findings.filter((f) => f.ruleId === 'client-profile-file-missing');
    expect(missing.map((f) => f.tunnelGroup)).toEqual(['MOBILE-FULL', 'MOBILE-SPLIT']);
    expect(missing[0]!.message).toContain(`was not found in --client-profiles ${empty}`);
    expect(missing[0]!.line).toBe(32); // the `anyconnect profiles` line that names the file
  });

  it('looks in NAME.profiles/ first (what --save writes), before the profiles/ folder', async () => {
    const { dir, cfg } = repo('vpn1.cfg');
    mkdirSync(join(dir, 'profiles'));
    writeFileSync(join(dir, 'profiles', 'mobile.xml'), '<AnyConnectProfile>\n<ServerList>\n</AnyConnectProfile>\n');
    mkdirSync(join(dir, 'vpn1.profiles'));
    copyFileSync(MOBILE_XML, join(dir, 'vpn1.profiles', 'mobile.xml'));
    const t = await auditTarget(cfg);
    expect(t.clientProfiles[0]).toMatchObject({ status: 'read', readFrom: join(dir, 'vpn1.profiles', 'mobile.xml') });
  });

  it('a malformed or unreadable XML is a finding with the file (and line where there is one), never a crash', async () => {
    const { dir, cfg } = repo();
    mkdirSync(join(dir, 'profiles'));
    writeFileSync(join(dir, 'profiles', 'mobile.xml'), '<?xml version="1.0"?>\n<AnyConnectProfile>\n  <ServerList>\n</AnyConnectProfile>\n');
    const t = await auditTarget(cfg);
    const bad = t.findings.filter((f) => f.ruleId === 'client-profile-file-missing');
    expect(bad.map((f) => [f.messageId, f.file, f.line])).toEqual([
      ['malformed', join(dir, 'profiles', 'mobile.xml'), 4],
      ['malformed', join(dir, 'profiles', 'mobile.xml'), 4],
    ]);
    // A FIFO in its place is not read (it would block): reported as unreadable, and the run ends.
    const fifoDir = repo();
    mkdirSync(join(fifoDir.dir, 'profiles'));
    execFileSync('mkfifo', [join(fifoDir.dir, 'profiles', 'mobile.xml')]);
    const t2 = await auditTarget(fifoDir.cfg);
    const unreadable = t2.findings.find((f) => f.ruleId === 'client-profile-file-missing')!;
    expect(unreadable.messageId).toBe('malformed');
    expect(unreadable.message).toMatch(/not a readable client profile: .*not a regular file/);
    expect(t2.clientProfiles[0]).toMatchObject({ status: 'malformed', found: true });
  });

  it('a folder that is not there is a usage error before any work', async () => {
    const r = await cli('audit', HEADEND, '--client-profiles', 'no/such/dir');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--client-profiles no/such/dir: not a folder');
    const d = await cli('explain-dns', HEADEND, '--dap', 'no-dap.xml');
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('--dap no-dap.xml: not a file');
  });
});

describe('findings in XML files, in every format', () => {
  it('SARIF locates them in the XML file, with the XML change in the message', async () => {
    const r = await cli('audit', HEADEND, '--format', 'sarif', '--fail-on', 'never');
    const sarif = readJson<{
      runs: Array<{
        results: Array<{
          ruleId: string;
          message: { text: string };
          locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }>;
          properties: Record<string, unknown>;
        }>;
      }>;
    }>(r.stdout);
    const cod = sarif.runs[0]!.results.find((x) => x.ruleId === 'connect-on-demand-domains')!;
    expect(cod.locations[0]!.physicalLocation).toEqual({ artifactLocation: { uri: REL_XML, uriBaseId: '%SRCROOT%' }, region: { startLine: 31 } });
    expect(cod.message.text).toContain('Change in the file:\n<!-- server entry Corp (split tunnel), <MobileHostEntryInfo>: remove -->');
    expect(cod.properties.xmlFix).toBe(
      '<!-- server entry Corp (split tunnel), <MobileHostEntryInfo>: remove -->\n<OnDemandDNSMatch>10.20.0.0/16</OnDemandDNSMatch>',
    );
  });

  it('compact, GitHub annotations, JUnit and the table name the XML file and line', async () => {
    const compact = await cli('audit', HEADEND, '--format', 'compact', '--fail-on', 'never');
    expect(compact.stdout).toContain(`${REL_XML}:31:1: error: Server entry Corp (split tunnel)`);
    const github = await cli('audit', HEADEND, '--format', 'github', '--fail-on', 'never');
    expect(github.stdout).toMatch(new RegExp(`^::error file=${REL_XML.replace(/[./]/g, '\\$&')},line=31[,:]`, 'm'));
    const junit = await cli('audit', HEADEND, '--format', 'junit', '--fail-on', 'never');
    // Paths as in every other format: relative to the working folder.
    expect(junit.stdout).toContain(`error at ${REL_XML} line 31: Server entry Corp (split tunnel)`);
    const table = await cliWith({ columns: 200, isTTY: true }, 'audit', HEADEND, '--fail-on', 'never', '--no-color');
    expect(table.stdout).toContain('XML changes (edit the file named, then upload it to the device again):');
    expect(table.stdout).toContain(`connect-on-demand-domains (${REL_XML} line 31):`);
    expect(table.stdout).toContain('    <OnDemandDNSMatch>10.20.0.0/16</OnDemandDNSMatch>');
    const markdown = await cli('audit', HEADEND, '--format', 'markdown', '--fail-on', 'never');
    expect(markdown.stdout).toContain(`\`${REL_XML}\` line 31`);
  });

  it('explain-dns names the client profile each profile receives, and the DAP record that decides first', async () => {
    const r = await cliWith({ columns: 300, isTTY: true }, 'explain-dns', 'fixtures/client-profiles/headend.cfg');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `client profile: MOBILE-PROFILE (disk0:/mobile.xml), read from ${REL_XML}: the phone receives this profile with the connection.`,
    );
    expect(r.stdout).toContain(
      `DAP record BLOCK-OLD-IOS (line 22) terminates sessions for platform apple-ios (fixtures/client-profiles/profiles/dap.xml line 30)`,
    );
    const doc = explainJson((await cli('explain-dns', HEADEND, '--format', 'json')).stdout);
    const full = doc.targets[0]!.profiles.find((p) => p.tunnelGroup === 'MOBILE-FULL')!;
    expect(full.clientProfiles).toEqual([{ name: 'MOBILE-PROFILE', file: 'disk0:/mobile.xml', readFrom: MOBILE_XML, status: 'read' }]);
    // Without dap.xml the record is still named, and what it matches is said to be unknown.
    const bare = repo();
    const text = (await cliWith({ columns: 300, isTTY: true }, 'explain-dns', bare.cfg)).stdout;
    expect(text).toContain('DAP record BLOCK-OLD-IOS (line 22) terminates sessions (its criteria are in dap.xml, which was not read');
    expect(readFileSync(bare.cfg, 'latin1')).toBe(readFileSync(HEADEND, 'latin1'));
  });
});

describe('plan, what-if and diff keep the XML they were given', () => {
  const XML_RULES = ['client-profile-host-unknown', 'client-profile-mobile-settings', 'connect-on-demand-domains', 'dap-mobile-criteria'];

  it('plan never claims to close a finding in the XML: it remains, with where to fix it', async () => {
    const r = await cli('plan', HEADEND, '--format', 'json');
    expect(r.code).toBe(0);
    const t = readJson<{ targets: Array<{ closes: Array<{ ruleId: string }>; remains: Array<{ ruleId: string; why: string }> }> }>(r.stdout).targets[0]!;
    expect(t.closes.filter((c) => XML_RULES.includes(c.ruleId))).toEqual([]);
    const cod = t.remains.find((x) => x.ruleId === 'connect-on-demand-domains')!;
    expect(cod.why).toBe(`in ${MOBILE_XML}, not the configuration: make the XML change the finding gives, then upload the file again`);
    expect(
      t.remains
        .filter((x) => x.why.includes(', not the configuration: '))
        .map((x) => x.ruleId)
        .sort(),
    ).toEqual([
      'client-profile-host-unknown',
      'client-profile-mobile-settings',
      'client-profile-mobile-settings',
      'connect-on-demand-domains',
      'dap-mobile-criteria',
    ]);
  });

  it('what-if: a CLI change resolves no XML finding; --client-profiles is read as in audit', async () => {
    const script = join(tempDir('ama-side-wi-'), 'change.txt');
    writeFileSync(script, 'group-policy GP-MOBILE attributes\n vpn-idle-timeout 600\n');
    const doc = (out: string) => readJson<{ devices: Array<{ findings: { introduced: unknown[]; resolved: Array<{ ruleId: string }> } }> }>(out).devices[0]!;
    expect(doc((await cli('what-if', HEADEND, '--commands', script, '--format', 'json')).stdout).findings).toEqual({
      introduced: [],
      resolved: [],
      lowered: [],
    });
    const bare = repo();
    const withDir = await cli('what-if', bare.cfg, '--commands', script, '--format', 'json', '--client-profiles', 'fixtures/client-profiles/profiles');
    expect(withDir.code).toBe(0);
    expect(doc(withDir.stdout).findings).toEqual({ introduced: [], resolved: [], lowered: [] });
  });
});

describe('explain-dns: DAP records that decide before DNS', () => {
  it('names a quarantine, a network-acl and an NE platform criterion, with where each comes from', async () => {
    const { dir, cfg } = repo();
    writeFileSync(
      cfg,
      readFileSync(HEADEND, 'latin1').replace(
        'dynamic-access-policy-record MOBILE-PHONES\n action continue\n',
        'dynamic-access-policy-record MOBILE-PHONES\n network-acl PHONES-ONLY\n action quarantine\n',
      ),
      'latin1',
    );
    mkdirSync(join(dir, 'profiles'));
    copyFileSync(MOBILE_XML, join(dir, 'profiles', 'mobile.xml'));
    writeFileSync(
      join(dir, 'profiles', 'dap.xml'),
      readFileSync(DAP_XML, 'utf8').replace(
        '<value>apple-ios</value>\n          <operation>EQ</operation>',
        '<value>apple-ios</value>\n          <operation>NE</operation>',
      ),
    );
    const doc = explainJson((await cli('explain-dns', cfg, '--format', 'json')).stdout);
    const warnings = doc.targets[0]!.profiles.find((p) => p.tunnelGroup === 'MOBILE-FULL')!.warnings;
    const dap = join(dir, 'profiles', 'dap.xml');
    expect(warnings).toContain(
      `DAP record MOBILE-PHONES (line 21) quarantines sessions for platform android (${dap} line 11): the phones it matches reach only what the quarantine allows, whatever DNS they tunnel [inferred].`,
    );
    expect(warnings).toContain(
      `DAP record MOBILE-PHONES (line 20) restricts sessions with network-acl PHONES-ONLY for platform android (${dap} line 11): a query tunnelled to a DNS server that ACL does not permit gets no answer [inferred].`,
    );
    expect(warnings).toContain(
      `DAP record BLOCK-OLD-IOS (line 23) terminates sessions for platform other than apple-ios (${dap} line 30): for the phones it matches, this decides before DNS matters.`,
    );
  });
});

describe('what the options say, and no more', () => {
  it('--dap alone reads dap.xml and says nothing about client profiles nobody looked for', async () => {
    const bare = repo();
    const t = await auditTarget(bare.cfg, '--dap', DAP_XML);
    expect(t.findings.filter((f) => f.ruleId === 'client-profile-file-missing')).toEqual([]);
    expect(t.clientProfiles[0]).toMatchObject({ status: 'not-searched' });
    expect(t.findings.some((f) => f.ruleId === 'dap-mobile-criteria')).toBe(true);
  });

  it('a file outside the working folder keeps its absolute path (no ../../)', async () => {
    const bare = repo();
    const r = await cli('audit', bare.cfg, '--format', 'compact', '--fail-on', 'never');
    expect(r.stdout.split('\n')[0]!.startsWith(`${bare.cfg}:`)).toBe(true);
    expect(r.stdout).not.toContain('../');
  });
});

describe('checks that did not run are said', () => {
  it('the table and the HTML say a pushed client profile was not checked when its XML is nowhere near', async () => {
    const bare = repo();
    const table = await cliWith({ columns: 200, isTTY: true }, 'audit', bare.cfg, '--fail-on', 'never', '--no-color');
    expect(table.stdout).toContain(
      `client profile disk0:/mobile.xml not checked: no XML in ${basename(bare.cfg, '.cfg')}.profiles/, beside the configuration or in its profiles/ folder; give --client-profiles DIR`,
    );
    // Standard input has no folder: that is why, not a search that found nothing.
    const piped = await cliWith({ columns: 200, stdin: readFileSync(bare.cfg) }, 'audit', '-', '--fail-on', 'never');
    expect(piped.stdout).toContain(
      'client profile disk0:/mobile.xml not checked: the configuration came with no folder to look in; give --client-profiles DIR',
    );
    const html = await cli('audit', bare.cfg, '--format', 'html', '--fail-on', 'never');
    expect(html.stdout).toContain('Client profile <code>disk0:/mobile.xml</code> not checked');
    // A backup named otherwise (`edge.txt`, Oxidized's `vpn01.example.com`) is looked for in NAME.profiles/
    // with its whole name: the note names that folder, and an XML put there is read.
    const edge = repo('edge.txt');
    const edgeNote = await cliWith({ columns: 200, isTTY: true }, 'audit', edge.cfg, '--fail-on', 'never', '--no-color');
    expect(edgeNote.stdout).toContain('no XML in edge.txt.profiles/, beside the configuration');
    mkdirSync(join(edge.dir, 'edge.txt.profiles'));
    copyFileSync(MOBILE_XML, join(edge.dir, 'edge.txt.profiles', 'mobile.xml'));
    expect((await cliWith({ columns: 200, isTTY: true }, 'audit', edge.cfg, '--fail-on', 'never', '--no-color')).stdout).not.toContain(
      'client profile disk0:/mobile.xml not checked',
    );
    // Where the XML was read, nothing of the kind is said.
    const read = await cliWith({ columns: 200, isTTY: true }, 'audit', HEADEND, '--fail-on', 'never', '--no-color');
    expect(read.stdout).not.toContain('not checked');
  });

  it('the HTML DNS picture of a profile with no DNS server says its tunnelled queries get no answer (row D0)', async () => {
    const html = (await cli('audit', HEADEND, '--format', 'html', '--fail-on', 'never')).stdout;
    const article = (name: string): string =>
      /<article[^>]*data-profile="([^"]+)"[\s\S]*?<\/article>/g.exec(html.slice(html.indexOf(`data-profile="${name}"`) - 60))![0];
    expect(article('DefaultRAGroup')).toContain('No DNS server is pushed (row D0): the tunnelled queries get no answer.');
    expect(article('MOBILE-FULL')).not.toContain('row D0');
  });
});

describe('diff with XML on one side only', () => {
  it('does not call findings in XML resolved because the other side has no XML to read', async () => {
    const bare = repo('vpn-new.cfg');
    const r = await cli('diff', HEADEND, bare.cfg, '--format', 'json');
    const d = readJson<{ devices: Array<{ findings: { introduced: Array<{ ruleId: string }>; resolved: Array<{ ruleId: string; file: string | null }> } }> }>(
      r.stdout,
    ).devices[0]!;
    expect(d.findings.resolved.filter((f) => f.file !== null || f.ruleId === 'dap-mobile-criteria')).toEqual([]);
    expect(d.findings.introduced).toEqual([]);
  });
});
