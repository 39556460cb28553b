// explain-dns and audit never disagree: on every corpus config and fixture, the DNS findings the audit
// reports for each mobile profile are exactly those its explain-dns explanation implies.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditJson, cli, explainJson, fixture } from '../helpers.js';
import { DNS_RULES, expectedDnsFindings } from './dns-oracle.js';

const FILES = ['corpus', 'synthetic', 'demo'].flatMap((dir) =>
  readdirSync(fixture(dir))
    .filter((f) => f.endsWith('.cfg'))
    .map((f) => `${dir}/${f}`),
);

describe('explain-dns and audit agree', () => {
  it.each(FILES)('%s', async (file) => {
    const audit = auditJson((await cli('audit', fixture(file), '--format', 'json', '--fail-on', 'never', '--allow-incomplete')).stdout);
    const explain = explainJson((await cli('explain-dns', fixture(file), '--format', 'json', '--allow-incomplete')).stdout);
    expect(audit.targets.length).toBe(explain.targets.length);
    audit.targets.forEach((t, i) => {
      const profiles = explain.targets[i]!.profiles;
      for (const name of t.mobileProfiles) {
        const p = profiles.find((x) => x.tunnelGroup === name)!;
        const reported = t.findings
          .filter((f) => f.tunnelGroup === name && (DNS_RULES as readonly string[]).includes(f.ruleId))
          .map((f) => `${f.ruleId}/${f.severity}`)
          .sort();
        const assumed = t.reach.find((r) => r.tunnelGroup === name)!.assumption !== null;
        expect({ profile: name, findings: reported }).toEqual({ profile: name, findings: expectedDnsFindings(p, assumed) });
      }
    });
  });
});
