// `audit --format html` without a browser: self-contained, deterministic, escaped, secrets redacted,
// and the query logic embedded in the page is the one `explain-dns --query` runs.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { QueryInput, QueryVerdict } from '../../src/explain/query.js';
import { cli, fixture, readJson, tempDir } from '../helpers.js';
import { completeConfig } from '../rules/rule-tester.js';

const DEMO = fixture('demo/demo-headend.cfg');

async function html(...argv: string[]): Promise<string> {
  const r = await cli('audit', ...argv, '--format', 'html', '--fail-on', 'never');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** The page's embedded data and its script's queryVerdict, run outside a browser. */
function pageQuery(page: string): {
  profiles: Array<{ device: string; tunnelGroup: string; query: QueryInput }>;
  verdict: (q: QueryInput, name: string) => QueryVerdict;
} {
  const data = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(page)![1]!;
  const script = /<script>([\s\S]*)<\/script>/.exec(page.slice(page.indexOf('id="report-data"')))![1]!;
  const source = /var queryVerdict = ([\s\S]*?);\nvar isPlausibleHostname/.exec(script)![1]!;
  return {
    profiles: readJson<{ profiles: Array<{ device: string; tunnelGroup: string; query: QueryInput }> }>(data).profiles,
    verdict: runInNewContext(`(${source})`) as (q: QueryInput, name: string) => QueryVerdict,
  };
}

describe('audit --format html', () => {
  it('is one self-contained page: no external resource, a CSP that forbids requests, inline style and script', async () => {
    const page = await html(DEMO);
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none';`);
    // Nothing that loads: no <link>, no src=, no @import, no url() but same-document markers.
    expect(page).not.toMatch(/<link\b|\ssrc=|@import/i);
    expect([...page.matchAll(/url\(([^)]*)\)/g)].every((m) => m[1]!.startsWith('#'))).toBe(true);
    // The only URLs in attributes: links to the rule pages (followed only when clicked). URLs in
    // messages (a group-url, a homepage) are text.
    const targets = [...page.matchAll(/\s(?:href|src|action|xlink:href|poster|data)="([^"]*)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(0);
    // and same-document references (the DNS picture's shared <symbol>).
    expect(
      targets.filter(
        (u) => !/^https:\/\/[^"]+\/docs\/rules\/[a-z0-9-]+\.md$/.test(u) && u !== '#dns-base' && !/^#device-\d+-[a-z0-9-]+-device-findings$/.test(u),
      ),
    ).toEqual([]);
  });

  it('is deterministic; --timestamp adds the time, nothing else changes', async () => {
    const a = await html(DEMO);
    expect(await html(DEMO)).toBe(a);
    const stamped = await html(DEMO, '--timestamp');
    expect(stamped).toContain('— generated 2026-11-23T12:00:00.000Z');
    expect(stamped.replace(' — generated 2026-11-23T12:00:00.000Z', '')).toBe(a);
    // Other formats carry no time: the option says so rather than doing nothing quietly.
    const json = await cli('audit', DEMO, '--format', 'json', '--timestamp', '--fail-on', 'never');
    expect(json.stderr).toContain('--timestamp changes only --format html');
  });

  it('has a section per profile with the DNS outcome of explain-dns, its findings and fixes', async () => {
    const page = await html(DEMO);
    const explained = readJson<{ targets: Array<{ profiles: Array<{ tunnelGroup: string; iosDns: { row: string; outcome: string } }> }> }>(
      (await cli('explain-dns', DEMO, '--format', 'json')).stdout,
    );
    const audit = readJson<{
      targets: Array<{ mobileProfiles: string[]; findings: Array<{ ruleId: string; tunnelGroup: string | null; fix: string | null }> }>;
    }>((await cli('audit', DEMO, '--format', 'json', '--fail-on', 'never')).stdout).targets[0]!;
    const articles = [...page.matchAll(/<article class="profile" id="[^"]+" data-profile="([^"]+)"[\s\S]*?<\/article>/g)];
    expect(articles.map((m) => m[1]!.replace('&amp;', '&')).sort()).toEqual([...audit.mobileProfiles].sort());
    for (const [article, escaped] of articles) {
      const name = escaped!.replace('&amp;', '&');
      const want = explained.targets[0]!.profiles.find((p) => p.tunnelGroup === name)!.iosDns;
      expect(article, name).toContain(`data-row="${want.row}" data-outcome="${want.outcome}"`);
      const rules = [...article.matchAll(/<li class="(?:error|warning|info)" data-rule="([^"]+)"/g)].map((m) => m[1]);
      expect(rules.sort(), name).toEqual(
        audit.findings
          .filter((f) => f.tunnelGroup === name)
          .map((f) => f.ruleId)
          .sort(),
      );
    }
    const fix = audit.findings.find((f) => f.fix !== null)!.fix!;
    expect(page).toContain(`<code>${fix.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</code>`);
    // The inheritance view marks the layer in effect: MOBILE-INHERIT's split-dns comes from DfltGrpPolicy.
    const inherit = articles.find((m) => m[1] === 'MOBILE-INHERIT')![0];
    expect(inherit).toMatch(/<tr data-setting="split-dns" data-winner="DfltGrpPolicy">/);
  });

  it('embeds the query logic of explain-dns --query: same answers for every profile and name', async () => {
    const { profiles, verdict } = pageQuery(await html(DEMO));
    expect(profiles.length).toBe(8);
    for (const name of [
      'intranet.example.com',
      'www.corp.example.com',
      'corp.example.com.',
      'wiki',
      'legacy.example.net',
      'www.google.com',
      'LAB.EXAMPLE.COM',
    ]) {
      const r = await cli('explain-dns', DEMO, '--query', name, '--format', 'json');
      const byProfile = new Map(
        readJson<{ targets: Array<{ profiles: Array<{ tunnelGroup: string; query: QueryVerdict }> }> }>(r.stdout).targets[0]!.profiles.map((p) => [
          p.tunnelGroup,
          p.query,
        ]),
      );
      for (const p of profiles) expect(verdict(p.query, name), `${p.tunnelGroup} ${name}`).toEqual(byProfile.get(p.tunnelGroup));
    }
  });

  it('escapes names from the configuration and quotes no secret', async () => {
    const dir = tempDir('ama-html-');
    mkdirSync(join(dir, 'x'));
    const hostile = '<script>alert(1)</script>';
    const tg = `x${hostile}`;
    const file = join(dir, 'x', 'hostile.cfg');
    writeFileSync(
      file,
      completeConfig(
        [
          'group-policy GP internal',
          'group-policy GP attributes',
          ' vpn-tunnel-protocol ssl-client',
          ' dns-server value 10.0.0.53',
          `tunnel-group ${tg} type remote-access`,
          `tunnel-group ${tg} general-attributes`,
          ' default-group-policy GP',
          `tunnel-group ${tg} webvpn-attributes`,
          ` group-alias ${hostile} enable`,
          `tunnel-group ${tg} ipsec-attributes`,
          ' ikev1 pre-shared-key Sup3rS3cretPSK',
        ].join('\n'),
      ),
    );
    const page = await html(file);
    expect(page).not.toContain(hostile);
    expect(page).toContain('data-profile="x&lt;script&gt;alert(1)&lt;/script&gt;"');
    // In the embedded JSON too: nothing can close the script element.
    expect(page.split('</script>').length - 1).toBe(2);
    const demo = await html(DEMO);
    for (const secret of ['Sup3rS3cretPSK', 'Rad1usS3cret!', 'Publ1cC0mmunity']) {
      expect(readFileSync(DEMO, 'latin1')).toContain(secret);
      expect(demo).not.toContain(secret);
      expect(page).not.toContain(secret);
    }
  });

  it('summarises a multi-device run, says which devices are incomplete, and writes to --output', async () => {
    const out = join(tempDir('ama-html-out-'), 'report.html');
    const r = await cli(
      'audit',
      fixture('repo'),
      fixture('synthetic/truncated-in-block.cfg'),
      '--format',
      'html',
      '--output',
      out,
      '--fail-on',
      'never',
      '--allow-incomplete',
    );
    expect(r.code).toBe(0);
    const page = readFileSync(out, 'utf8');
    const devices = [...page.matchAll(/<section class="device" id="(device-\d+)-/g)].map((m) => m[1]);
    expect(devices.length).toBeGreaterThan(3);
    expect(new Set(devices).size).toBe(devices.length);
    expect(page).toMatch(/<th scope="row">Not fully collected<\/th><td>cut-short<\/td>/);
    expect(page).toContain('incomplete configuration: findings may be missing');
    // ... and where it stops, as the table says (the page said only that findings may be missing).
    expect(page).toMatch(/incomplete configuration: findings may be missing<\/strong> \([^)]*(stops|cut|end)[^<]*\)/);
    // Files the scan did not audit are listed with why (a device marked down, an IOS router, prose).
    expect(page).toMatch(/<summary>Not audited \(\d+\)<\/summary>/);
    expect(page).toContain('<code>fixtures/repo/rancid/vpn/configs/branch-rtr</code>: looks like a Cisco IOS configuration');
  });
});

describe('diff, what-if and plan --format html', () => {
  const unescape = (s: string): string =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  const blocks = (page: string): string[] => [...page.matchAll(/<pre id="code-\d+"><code>([\s\S]*?)<\/code><\/pre>/g)].map((m) => unescape(m[1]!));

  it('plan: the script and the rollback are exactly what --format script / rollback print, each with a copy button', async () => {
    const file = fixture('plan/dflt-collateral.cfg');
    const page = (await cli('plan', file, '--format', 'html', '--scope', 'shared')).stdout;
    const script = (await cli('plan', file, '--format', 'script', '--scope', 'shared')).stdout.trimEnd();
    const rollback = (await cli('plan', file, '--format', 'rollback', '--scope', 'shared')).stdout.trimEnd();
    expect(script.length).toBeGreaterThan(0);
    expect(blocks(page)).toEqual([script, rollback]);
    expect(page.match(/<button type="button" class="copy" data-for="code-\d+">Copy<\/button>/g)).toHaveLength(2);
    const json = readJson<{ targets: Array<{ collateral: string[]; closes: Array<{ ruleId: string }> }> }>(
      (await cli('plan', file, '--format', 'json', '--scope', 'shared')).stdout,
    ).targets[0]!;
    expect(json.collateral.length).toBeGreaterThan(0);
    expect(page).toContain(`Profiles this plan changes beyond what the selected findings ask for (see Before you paste): ${json.collateral.join(', ')}`);
    expect(page).toContain(`<h3>Closes (${json.closes.length})</h3>`);
  });

  it('diff: introduced and resolved findings and the iOS DNS change per profile, as diff --format json says', async () => {
    const dir = tempDir('ama-html-diff-');
    const old = fixture('demo/demo-headend.cfg');
    const neu = join(dir, 'new.cfg');
    // MOBILE-SPLIT's policy stops naming its split-dns list: it inherits DfltGrpPolicy's instead.
    writeFileSync(neu, readFileSync(old, 'latin1').replace(' split-dns value corp.example.com lab.example.com\n', ''), 'latin1');
    const page = (await cli('diff', old, neu, '--format', 'html')).stdout;
    const json = readJson<{
      devices: Array<{
        profiles: Array<{ tunnelGroup: string; status: string; iosDns: { old: { row: string } | null; new: { row: string } | null } }>;
        findings: { introduced: Array<{ ruleId: string }>; resolved: Array<{ ruleId: string }> };
      }>;
    }>((await cli('diff', old, neu, '--format', 'json')).stdout);
    const d = json.devices[0]!;
    expect(d.findings.introduced.length).toBeGreaterThan(0);
    const section = (title: string): string => page.slice(page.indexOf(`<h3>${title}`), page.indexOf('</ul>', page.indexOf(`<h3>${title}`)));
    expect([...section('Findings introduced').matchAll(/data-rule="([^"]+)"/g)].map((m) => m[1])).toEqual(d.findings.introduced.map((f) => f.ruleId));
    const changed = d.profiles.filter((p) => p.status !== 'unchanged');
    expect([...page.matchAll(/<tr data-profile="([^"]+)" data-status="([^"]+)">/g)].map((m) => [m[1], m[2]])).toEqual(
      changed.map((p) => [p.tunnelGroup, p.status]),
    );
    const split = changed.find((p) => p.tunnelGroup === 'MOBILE-SPLIT')!;
    expect(page).toMatch(
      new RegExp(
        `data-profile="MOBILE-SPLIT"[\\s\\S]*?<span class="badge">${split.iosDns.old!.row}</span>[\\s\\S]*?<span class="badge">${split.iosDns.new!.row}</span>`,
      ),
    );
  });
});
