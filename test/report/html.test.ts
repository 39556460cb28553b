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
    expect(targets.filter((u) => !/^https:\/\/[^"]+\/docs\/rules\/[a-z0-9-]+\.md$/.test(u))).toEqual([]);
  });

  it('is deterministic; --timestamp adds the time, nothing else changes', async () => {
    const a = await html(DEMO);
    expect(await html(DEMO)).toBe(a);
    const stamped = await html(DEMO, '--timestamp');
    expect(stamped).toContain('— generated 2026-11-23T12:00:00.000Z');
    expect(stamped.replace(' — generated 2026-11-23T12:00:00.000Z', '')).toBe(a);
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
  });
});
