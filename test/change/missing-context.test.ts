// An Oxidized backup of a multiple-context ASA that lost a context's section (its system space still
// declares it) is incomplete: audit says so, and diff does not read the context as removed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/parse/parse.js';
import { cli, fixture, tempDir } from '../helpers.js';

const WHOLE = readFileSync(fixture('synthetic/oxidized-multi-context.cfg'), 'utf8');
/** The same backup without the vpn context's section (a collection that failed there). */
const WITHOUT_VPN = WHOLE.slice(0, WHOLE.indexOf('----------========== [ CONTEXT vpn'));

describe('a multiple-context backup without a declared context', () => {
  it('marks the system space incomplete at the declaration', () => {
    expect(parseConfigText(WHOLE, 'whole.cfg').sections.every((s) => s.completeness.complete)).toBe(true);
    const parsed = parseConfigText(WITHOUT_VPN, 'cut.cfg');
    const system = parsed.sections.find((s) => s.contextName === null)!;
    const declared = WITHOUT_VPN.split('\n').indexOf('context vpn') + 1;
    expect(system.completeness).toMatchObject({ complete: false, line: declared });
    expect(system.completeness.reasons).toContain(
      `context vpn is declared on line ${declared}, but the file has no section for it: the backup is missing that context's configuration`,
    );
  });

  it('is not compared by diff (exit 2), rather than reported as a removed context', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'old.cfg'), WHOLE);
    writeFileSync(join(dir, 'new.cfg'), WITHOUT_VPN);
    const r = await cli('diff', join(dir, 'old.cfg'), join(dir, 'new.cfg'));
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      /vpn \[context vpn\]: .*old\.cfg → .*new\.cfg\n {2}not compared: the new side .*new\.cfg \(line \d+\): context vpn is declared there, but the file has no section for it/,
    );
    expect(r.stdout).not.toContain('device removed');
    // The hint does not promise that --allow-incomplete compares the missing context.
    expect(r.stderr).toContain('(--allow-incomplete accepts the rest of the file; the missing context stays not compared)');
    const audit = await cli('audit', join(dir, 'new.cfg'));
    expect(audit.code).toBe(2);
    expect(audit.stderr).toMatch(/new\.cfg:\d+: configuration is incomplete: context vpn is declared on line \d+, but the file has no section for it/);
  });

  it('stays not compared with --allow-incomplete: there is nothing of the context to compare', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'old.cfg'), WHOLE);
    writeFileSync(join(dir, 'new.cfg'), WITHOUT_VPN);
    const r = await cli('diff', join(dir, 'old.cfg'), join(dir, 'new.cfg'), '--allow-incomplete');
    // Nothing of the context was read: the run fails even so.
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      /vpn \[context vpn\]: .*\n {2}not compared: the new side .*: context vpn is declared there, but the file has no section for it[^\n]*not read as removed\n/,
    );
    expect(r.stdout).not.toContain('device removed');
    expect(r.stdout).not.toMatch(/not read as removed; --allow-incomplete/);
  });
});
