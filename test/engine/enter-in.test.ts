// enterIn names where a needs-input value goes and every other profile the line would reach. It reads
// a per-device index so a large configuration is not scanned once per finding; these tests hold it to
// the plain definition (every other profile, filtered), on every fixture and on larger made-up ones.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseFile } from '../../src/audit/pipeline.js';
import { someNames } from '../../src/common/some-names.js';
import { enterIn, policyLabel } from '../../src/engine/rule-kit.js';
import type { PolicyAttributeKey } from '../../src/model/policy-attributes.js';
import type { ResolvedDevice, ResolvedProfile } from '../../src/resolve/resolve.js';
import { analyseText, fixture, wrapConfig } from '../helpers.js';

/** enterIn as first written: a scan of every other profile per call. */
function plainEnterIn(profile: ResolvedProfile, device: ResolvedDevice, attribute: PolicyAttributeKey, keyword: string): string {
  const label = policyLabel(profile);
  const others = device.profiles.filter((o) => o.name !== profile.name);
  const alone = `to change ${profile.name} alone, give it a group-policy of its own`;
  const some = (names: string[], verb: string): string =>
    `${names.length === 1 ? 'profile' : 'profiles'} ${someNames(names, 3)} ${verb}${names.length === 1 ? 's' : ''}`;
  if (profile.policyLayer === 'defined') {
    const sharing = others.filter((o) => o.policyLayer === 'defined' && o.groupPolicy === profile.groupPolicy).map((o) => o.name);
    return sharing.length === 0 ? label : `${label} (${some(sharing, 'use')} it too; ${alone})`;
  }
  if (profile.policyLayer !== 'DfltGrpPolicy') return label;
  const reached = others
    .filter((o) => o.policyLayer !== 'external' && o.policyLayer !== 'missing')
    .filter((o) => o.attributes[attribute].from === 'DfltGrpPolicy' || o.attributes[attribute].from === 'default')
    .map((o) => o.name);
  return reached.length === 0 ? label : `${label} (${some(reached, 'take')} ${keyword} from there too; ${alone})`;
}

const ATTRIBUTES: Array<[PolicyAttributeKey, string]> = [
  ['dnsServer', 'dns-server'],
  ['splitDns', 'split-dns'],
];

/** Every .cfg file under `dir` (walked by hand: Node 20.0–20.11 lack Dirent.parentPath). */
function configsUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? configsUnder(join(dir, e.name)) : e.name.endsWith('.cfg') ? [join(dir, e.name)] : []))
    .sort();
}

function expectSameAsPlain(device: ResolvedDevice, where: string): void {
  for (const p of device.profiles)
    for (const [attribute, keyword] of ATTRIBUTES)
      expect(enterIn(p, device, attribute, keyword), `${where} ${p.name} ${attribute}`).toBe(plainEnterIn(p, device, attribute, keyword));
}

/** `shared` profiles on policy GP, `own` on DfltGrpPolicy (half of them setting split-dns in a policy of their own). */
function manyProfiles(shared: number, own: number): string {
  const lines = [
    'group-policy DfltGrpPolicy attributes',
    ' dns-server value 10.0.0.53',
    'group-policy GP internal',
    'group-policy GP attributes',
    ' split-dns value corp.example.com',
  ];
  for (let i = 0; i < shared; i++) lines.push(`tunnel-group S${i} type remote-access`, `tunnel-group S${i} general-attributes`, ' default-group-policy GP');
  for (let i = 0; i < own; i++) lines.push(`tunnel-group D${i} type remote-access`);
  return wrapConfig(lines.join('\n'));
}

describe('enterIn', () => {
  it('says the same as a scan of every other profile, on every fixture', () => {
    const files = configsUnder(fixture(''));
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      let targets;
      try {
        targets = analyseFile(file);
      } catch {
        continue; // (fixtures/bad: files that are not read as configurations)
      }
      for (const t of targets) expectSameAsPlain(t.resolved, file);
    }
  });

  it('counts and names the others the same way around the five-name limit, on or off a shared policy', () => {
    for (const [shared, own] of [
      [0, 1],
      [1, 0],
      [2, 2],
      [5, 5],
      [6, 6],
      [7, 3],
      [40, 40],
    ] as const) {
      const t = analyseText(manyProfiles(shared, own));
      expectSameAsPlain(t.resolved, `${shared}/${own}`);
    }
    // The words themselves, for one case: four others on GP are named, a long list is cut at three.
    const t = analyseText(manyProfiles(40, 2));
    const s0 = t.resolved.profiles.find((p) => p.name === 'S0')!;
    expect(enterIn(s0, t.resolved, 'splitDns', 'split-dns')).toBe(
      'group-policy GP (profiles S1, S2, S3 and 36 more use it too; to change S0 alone, give it a group-policy of its own)',
    );
  });
});
