// What a finding says about its own fix when the fix, pasted alone, reaches further than the finding.
import { describe, expect, it } from 'vitest';
import { cli, fixture, readJson } from '../helpers.js';

interface Finding {
  ruleId: string;
  tunnelGroup: string | null;
  message: string;
  fix: string | null;
}

describe('fix notes', () => {
  it('says when a fix changes DfltGrpPolicy, and only then', async () => {
    const doc = readJson<{ targets: Array<{ findings: Finding[] }> }>(
      (await cli('audit', fixture('demo/demo-headend.cfg'), '--format', 'json', '--fail-on', 'never')).stdout,
    );
    const findings = doc.targets[0]!.findings.filter((f) => f.fix !== null);
    const onDflt = findings.filter((f) => /^group-policy DfltGrpPolicy attributes$/m.test(f.fix!));
    expect(onDflt.length).toBeGreaterThan(0);
    for (const f of findings)
      expect(
        f.message.includes('The fix changes DfltGrpPolicy, which every policy that does not set this itself inherits'),
        `${f.ruleId} ${f.tunnelGroup}`,
      ).toBe(onDflt.includes(f));
  });
});
