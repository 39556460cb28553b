// Names from a configuration are data. A hostname carrying OSC 52 (clipboard write), a profile name
// holding an OSC 8 hyperlink, `ESC[2J`, a TAB and Markdown that would become an <img>: every human
// format shows them escaped, never crashes on them, and no fix holding one is printed for pasting.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { auditJson, cliWith, fixture, tempDir } from '../helpers.js';

const ESC = '\u001b';
const OSC52_HOST = `vpn${ESC}]52;c;ZXZpbA==\u0007demo`;
const TAB_NAME = 'MOB\tSPLIT';
const MD_NAME = `L\`<img src=x>\`${ESC}[2J`;
const LINK_NAME = `${ESC}]8;;http://evil${ESC}\\MOBILE-DOMAIN${ESC}]8;;${ESC}\\`;

function hostileConfig(): { dir: string; file: string } {
  const text = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8')
    .replace('hostname vpn-demo', `hostname ${OSC52_HOST}`)
    .replaceAll('tunnel-group MOBILE-SPLIT ', `tunnel-group "${TAB_NAME}" `)
    .replaceAll('tunnel-group Lab&Partners ', `tunnel-group "${MD_NAME}" `)
    .replaceAll('tunnel-group MOBILE-DOMAIN ', `tunnel-group "${LINK_NAME}" `);
  const dir = tempDir();
  const file = join(dir, 'hostile.cfg');
  writeFileSync(file, text);
  return { dir, file };
}

/** Control characters other than the newlines a report is made of. */
function rawControls(text: string): string[] {
  return [...text.matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g)].map((m) => m[0]);
}

describe('control characters from the configuration', () => {
  const { dir, file } = hostileConfig();

  for (const format of ['table', 'compact', 'markdown', 'github', 'json', 'sarif']) {
    it(`--format ${format} reports the findings and sends no control character`, async () => {
      const r = await cliWith({ cwd: dir }, 'audit', file, '--format', format);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(1);
      expect(rawControls(r.stdout)).toEqual([]);
    });
  }

  it('the table shows every name, escaped where it holds control characters', async () => {
    const r = await cliWith({ cwd: dir, columns: 200 }, 'audit', file);
    expect(r.stdout).toContain('vpn\\x1b]52;c;ZXZpbA==\\x07demo');
    expect(r.stdout).toContain('MOB\\tSPLIT');
    expect(r.stdout).toContain('\\x1b]8;;http://evil\\x1b\\MOBILE-DOMAIN\\x1b]8;;\\x1b\\');
    expect(r.stdout).toContain('L`<img src=x>`\\x1b[2J');
  });

  it('withholds a fix that would hold a control character, saying why', async () => {
    const r = await cliWith({ cwd: dir }, 'audit', file, '--format', 'json');
    const all = auditJson(r.stdout).targets[0]!.findings;
    const findings = all.filter((f) => f.ruleId === 'profile-name-special-chars');
    const byProfile = new Map(findings.map((f) => [f.tunnelGroup, f]));
    for (const name of [TAB_NAME, MD_NAME, LINK_NAME]) {
      expect(byProfile.get(name)?.fix).toBeNull();
      expect(byProfile.get(name)?.needsInput).toMatch(/the fix is not printed: it would hold a control character/);
    }
    // Fixes that name only printable things are still printed.
    expect(all.filter((f) => f.fix !== null).length).toBeGreaterThan(0);
  });

  it('plan prints no script line with a control character, and lists those fixes as needing input', async () => {
    for (const format of ['text', 'markdown']) {
      const r = await cliWith({ cwd: dir }, 'plan', file, '--format', format);
      expect(r.code).not.toBe(3);
      expect(rawControls(r.stdout)).toEqual([]);
      expect(r.stdout).toContain('the fix is not printed');
    }
  });

  it('explain-dns and what-if show the names escaped', async () => {
    const explain = await cliWith({ cwd: dir }, 'explain-dns', file);
    expect(explain.code).toBe(0);
    expect(rawControls(explain.stdout)).toEqual([]);
    expect(explain.stdout).toContain('MOB\\tSPLIT');
    const whatIf = await cliWith({ cwd: dir, stdin: 'group-policy GP-SPLIT attributes\n split-dns none\n' }, 'what-if', file, '--commands', '-');
    expect(whatIf.code).not.toBe(3);
    expect(rawControls(whatIf.stdout)).toEqual([]);
    expect(whatIf.stdout).toContain('MOB\\tSPLIT');
  });

  it('Markdown keeps names inside their code spans: no <img>, no link', async () => {
    for (const argv of [
      ['audit', file, '--format', 'markdown'],
      ['plan', file, '--format', 'markdown'],
    ]) {
      const r = await cliWith({ cwd: dir }, ...argv);
      // Rendered as GitHub would (CommonMark, raw HTML allowed): the name stays text inside <code>.
      const html = new MarkdownIt({ html: true, linkify: false }).render(r.stdout);
      expect(html).not.toMatch(/<img|href="http:\/\/evil/);
      expect(html).toContain('<code>L`&lt;img src=x&gt;`\\x1b[2J</code>');
    }
  });

  it('messages on stderr show control characters in file names escaped', async () => {
    const r = await cliWith({ cwd: dir }, 'audit', `missing${ESC}[2J.cfg`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing\\x1b[2J.cfg');
    expect(rawControls(r.stderr)).toEqual([]);
  });
});
