// No secret survives any output: generated configurations carry every secret-bearing form with a
// random secret, anywhere (mid-config, as the last line of a truncated config, as an orphan indented
// line a parse problem quotes, a line indented under another that the model's warning quotes with its
// parent), and every format of every command is searched for it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SECRET_FORMS } from '../../src/parse/redact.js';
import { cliWith, fixture } from '../helpers.js';

const DEMO = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8').split('\n');
const CUT = DEMO.findIndex((l) => l.startsWith('tunnel-group MOBILE-SPLIT webvpn-attributes'));

const secretToken = fc
  .string({ unit: fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!$%+=_.'.split('')), minLength: 8, maxLength: 16 })
  .map((s) => `Zq${s}9`);

const placed = fc.record({
  form: fc.constantFrom(...SECRET_FORMS),
  secret: secretToken,
  where: fc.constantFrom<'middle' | 'last-line' | 'orphan' | 'in-profile' | 'stray'>('middle', 'last-line', 'orphan', 'in-profile', 'stray'),
});

function configWith(items: Array<{ form: (typeof SECRET_FORMS)[number]; secret: string; where: string }>): { text: string; secrets: string[] } {
  const lines = [...DEMO];
  const secretLine = (i: (typeof items)[number]): string => i.form.example.replace(i.form.secret, i.secret);
  const middle = items.filter((i) => i.where === 'middle').map((i) => secretLine(i).trim());
  const orphans = items.filter((i) => i.where === 'orphan').map((i) => ` ${secretLine(i).trim()}`);
  const last = items.filter((i) => i.where === 'last-line').map(secretLine);
  // Secrets mid-config at the top level, orphans after a blank line, and a truncated capture that
  // stops on a secret line (the completeness message quotes the last line).
  // Inside a profile's own blocks: diff, what-if and plan compare those lines as settings.
  // A stray line (indented one deeper than its block allows) right under a secret line: the warning
  // quotes both.
  const inProfile = items.flatMap((i) =>
    i.where === 'in-profile' ? [` ${secretLine(i).trim()}`] : i.where === 'stray' ? [` ${secretLine(i).trim()}`, `  ${secretLine(i).trim()}`] : [],
  );
  lines.splice(lines.indexOf('tunnel-group MOBILE-FULL general-attributes') + 1, 0, ...inProfile);
  // And in the profile a plan copies under a new name (Lab&Partners): the copy must not carry them.
  lines.splice(lines.indexOf('tunnel-group Lab&Partners general-attributes') + 1, 0, ...inProfile);
  lines.splice(5, 0, ...middle, '', ...orphans);
  const text = last.length > 0 ? [...lines.slice(0, CUT + middle.length + orphans.length + inProfile.length + 1), ...last].join('\n') : lines.join('\n');
  return { text, secrets: items.map((i) => i.secret) };
}

const RUNS: string[][] = [
  ['audit', '-', '--format', 'table', '--allow-incomplete', '-v'],
  ['audit', '-', '--format', 'json', '--allow-incomplete'],
  ['audit', '-', '--format', 'sarif', '--allow-incomplete'],
  ['audit', '-', '--format', 'junit', '--allow-incomplete'],
  ['audit', '-', '--format', 'github', '--allow-incomplete'],
  ['audit', '-', '--format', 'markdown', '--allow-incomplete'],
  ['audit', '-', '--format', 'compact', '--allow-incomplete'],
];

/** The change commands, on the configuration written to a file (and the demo beside it for `diff`). */
const CHANGE_RUNS = (file: string, script: string): string[][] => [
  ['diff', fixture('demo/demo-headend.cfg'), file, '--format', 'json'],
  ['diff', file, fixture('demo/demo-headend.cfg'), '--format', 'markdown'],
  ['what-if', file, '--commands', script, '--format', 'json'],
  ['what-if', file, '--commands', script],
  ['diff', fixture('demo/demo-headend.cfg'), file, '--format', 'github'],
  ['diff', fixture('demo/demo-headend.cfg'), file, '--format', 'html'],
  ['what-if', file, '--commands', script, '--format', 'markdown'],
  ['plan', file, '--format', 'json'],
  ['plan', file],
  ['plan', file, '--format', 'markdown'],
  ['plan', file, '--format', 'html'],
  ['plan', file, '--format', 'script'],
  ['plan', file, '--format', 'rollback'],
];

describe('secrets never reach an output', () => {
  it('from a what-if change script: abbreviated keywords, a pasted prompt, a line in the wrong mode', async () => {
    // Each what a security review found quoted as typed; every line names its own secret.
    const lines = [
      'tunnel-group MOBILE-FULL ipsec-attributes',
      'vpn(config-tunnel-ipsec)# ikev2 remote-authentication pre-shared-key ZqPrompt1',
      ' ikev1 pre-shared-k ZqAbbrev2',
      'group-policy GP-FULL attributes',
      ' ikev1 pre-shared-key ZqWrongMode3',
      ' ke ZqAbbrev4',
      'enable pass ZqAbbrev5',
      'key config-key password-encryption ZqNew6 ZqOld7',
      'key-string ZqChain8',
      'tunnel-group MOBILE-FULL ipsec-attributes',
      ' ikev1 pre-shared-key <a>ZqBracket9',
    ];
    const dir = mkdtempSync(join(tmpdir(), 'ama-secrets-'));
    const script = join(dir, 'change.txt');
    writeFileSync(script, lines.join('\n') + '\n');
    const secrets = lines.flatMap((l) => l.match(/Zq\w+/g) ?? []);
    try {
      for (const format of ['text', 'json', 'markdown', 'github', 'html']) {
        const r = await cliWith({}, 'what-if', fixture('demo/demo-headend.cfg'), '--commands', script, '--format', format);
        expect(r.stdout.length, format).toBeGreaterThan(0);
        for (const s of secrets) {
          expect(r.stdout, `${format} stdout`).not.toContain(s);
          expect(r.stderr, `${format} stderr`).not.toContain(s);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('over generated configurations, in every audit format and on stderr', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(placed, { minLength: 1, maxLength: 4 }), async (items) => {
        const { text, secrets } = configWith(items);
        for (const args of RUNS) {
          const r = await cliWith({ stdin: text }, ...args);
          for (const s of secrets) {
            expect(r.stdout, `${args.join(' ')} stdout`).not.toContain(s);
            expect(r.stderr, `${args.join(' ')} stderr`).not.toContain(s);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('over generated configurations, in diff, what-if and plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ama-secrets-'));
    const file = join(dir, 'device.cfg');
    const script = join(dir, 'change.txt');
    // A change to the profile that holds the secrets: its block is entered and rendered again.
    writeFileSync(script, 'tunnel-group MOBILE-FULL general-attributes\n address-pool VPN-POOL2\n');
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(placed, { minLength: 1, maxLength: 4 }), async (items) => {
          const { text, secrets } = configWith(items);
          writeFileSync(file, text);
          for (const args of CHANGE_RUNS(file, script)) {
            const r = await cliWith({}, ...args);
            for (const s of secrets) {
              expect(r.stdout, `${args.join(' ')} stdout`).not.toContain(s);
              expect(r.stderr, `${args.join(' ')} stderr`).not.toContain(s);
            }
          }
        }),
        { numRuns: 25 },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
