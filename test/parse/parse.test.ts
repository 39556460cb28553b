import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/input/load.js';
import { LineKind } from '../../src/parse/line-kinds.js';
import { countKinds, nodeAt, parseConfigText, topLevelNodes } from '../../src/parse/parse.js';
import { corpus, fixture, parse, wrapConfig } from '../helpers.js';

describe('line tree', () => {
  it('nests group-policy attributes, the webvpn sub-mode and its anyconnect lines', () => {
    const parsed = parse(
      wrapConfig(
        'group-policy GP internal\ngroup-policy GP attributes\n split-dns none\n webvpn\n  anyconnect ssl keepalive none\n  anyconnect dpd-interval gateway none\ntunnel-group T type remote-access',
      ),
    );
    const nodes = topLevelNodes(parsed);
    const attrs = nodes.find((n) => n.text === 'group-policy GP attributes')!;
    expect(attrs.line).toBe(7);
    expect(attrs.children.map((c) => c.text)).toEqual(['split-dns none', 'webvpn']);
    const webvpn = attrs.children[1]!;
    expect(webvpn.depth).toBe(1);
    expect(webvpn.children.map((c) => [c.line, c.depth, c.text])).toEqual([
      [10, 2, 'anyconnect ssl keepalive none'],
      [11, 2, 'anyconnect dpd-interval gateway none'],
    ]);
    expect(nodes.at(-1)!.text).toBe('tunnel-group T type remote-access');
  });

  it('does not close a block on a RANCID `!` comment inside it', () => {
    const parsed = loadConfigFile(fixture('synthetic/rancid-asa.cfg'));
    const ipsec = topLevelNodes(parsed).find((n) => n.text === 'tunnel-group RANCID-RA ipsec-attributes')!;
    expect(parsed.kinds[ipsec.line]).toBe(LineKind.BangComment); // the commented-out PSK right below
    expect(ipsec.children.map((c) => c.text)).toEqual(['ikev2 remote-authentication certificate']);
  });

  it('keeps certificate hex and quit out of the command tree', () => {
    const parsed = loadConfigFile(corpus('wosm-asa91-sslvpn-only.cfg'));
    const chain = topLevelNodes(parsed).find((n) => n.text.startsWith('crypto ca certificate chain'))!;
    expect(chain.line).toBe(108);
    expect(chain.children).toHaveLength(1);
    expect(chain.children[0]!.text).toMatch(/^certificate /);
    expect(chain.children[0]!.children).toEqual([]);
    const counts = countKinds(parsed);
    expect(counts[LineKind.CertificateData]).toBeGreaterThan(5);
    expect(parsed.lines.some((l, i) => parsed.kinds[i] === LineKind.CertificateData && l.trim() === 'quit')).toBe(true);
  });

  it('keeps every line: the kinds add up to the line count', () => {
    const parsed = loadConfigFile(corpus('prometheus-asa1-80-svc.cfg'));
    const counts = countKinds(parsed);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total).toBe(1003);
    expect(parsed.lines).toHaveLength(1003);
    expect(counts[LineKind.End]).toBe(1);
    expect(counts[LineKind.Checksum]).toBe(1);
  });

  it('reports an indented first command as a capture that starts mid-block', () => {
    const parsed = parse('  anyconnect ssl keepalive none\nhostname x\n');
    expect(parsed.problems.map((p) => p.code)).toContain('orphan-indented-line');
  });
});

describe('captured sessions and wrappers', () => {
  it('marks the prompt, echoed command and trailing prompt of a CRLF terminal capture', () => {
    const parsed = loadConfigFile(corpus('prometheus-asa2-70-crlf-prompt.cfg'));
    expect(parsed.wrapper).toBe('session-capture');
    expect(parsed.kinds[0]).toBe(LineKind.Prompt);
    expect(parsed.lines[0]).toBe('WRH-ASA# show run');
    expect(parsed.kinds[parsed.lines.length - 1]).toBe(LineKind.Prompt);
    expect(parsed.encoding.endings.crlf).toBe(168);
    expect(parsed.sections[0]!.completeness.complete).toBe(true);
  });

  it('skips a prompt in the middle of a capture, so the block around it keeps the line after it', () => {
    const text = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8').split('\n');
    const at = text.indexOf(' default-group-policy GP-CLEAR');
    expect(at).toBeGreaterThan(0);
    for (const prompt of ['vpn-demo(config-tunnel-general)# ', 'vpn-demo# show running-config tunnel-group']) {
      const parsed = parseConfigText([...text.slice(0, at), prompt, ...text.slice(at)].join('\n'), 'mid.cfg');
      expect(parsed.kinds[at]).toBe(LineKind.Prompt);
      // The indented line after the prompt is still under its tunnel-group's general-attributes.
      expect(parsed.lines[parsed.parentOf[at + 1]!]).toBe([...text.slice(0, at)].reverse().find((l) => l.startsWith('tunnel-group ')));
      expect(parsed.sections[0]!.completeness.complete).toBe(true);
    }
  });

  it('strips pager debris, a BOM and a cp1252 byte without losing lines', () => {
    const parsed = loadConfigFile(fixture('synthetic/session-capture-9.9.cfg'));
    expect(parsed.encoding.bom).toBe(true);
    expect(parsed.encoding.cp1252Lines).toEqual([10]);
    expect(parsed.lines[9]).toBe(' description Carrier’s uplink – do not touch');
    expect(parsed.kinds[15]).toBe(LineKind.Pager);
    // the pager marker shared a line with real text, which must survive at its own depth
    expect(parsed.lines[23]).toBe(' split-tunnel-policy tunnelspecified');
    expect(nodeAt(parsed, 23).depth).toBe(1);
    expect(parsed.parentOf[23]).toBe(20);
    expect(parsed.problems.map((p) => p.code).sort()).toEqual(['not-utf8', 'pager-debris']);
  });

  it('detects RANCID and Oxidized wrappers', () => {
    expect(loadConfigFile(fixture('synthetic/rancid-asa.cfg')).wrapper).toBe('rancid');
    expect(loadConfigFile(fixture('synthetic/oxidized-single-912.cfg')).wrapper).toBe('oxidized');
    expect(loadConfigFile(corpus('dlandberg-asa5505-84.cfg')).wrapper).toBe('raw');
  });

  it('splits an Oxidized multiple-context backup into the system space and each context', () => {
    const parsed = loadConfigFile(fixture('synthetic/oxidized-multi-context.cfg'));
    expect(parsed.sections.map((s) => s.contextName)).toEqual([null, 'admin', 'vpn']);
    expect(parsed.sections.every((s) => s.completeness.complete)).toBe(true);
    const vpnTop = parsed.sections[2]!.topLevel.map((i) => parsed.lines[i]);
    expect(vpnTop).toContain('hostname vpn');
    expect(vpnTop).not.toContain('hostname dc-asa');
  });

  it('splits a terminal session on a multiple-context ASA at each changeto, prompts and echoes left out', () => {
    const parsed = loadConfigFile(fixture('synthetic/session-capture-multi-context.cfg'));
    expect(parsed.sections.map((s) => s.contextName)).toEqual([null, 'vpn']);
    expect(parsed.sections.every((s) => s.completeness.complete)).toBe(true);
    const vpnTop = parsed.sections[1]!.topLevel.map((i) => parsed.lines[i]);
    expect(vpnTop).toContain('hostname vpn-demo');
    expect(vpnTop.some((l) => /^asa/.test(l!))).toBe(false);
    // A capture that starts in a context names it too.
    const text = readFileSync(fixture('synthetic/session-capture-multi-context.cfg'), 'utf8').split('\n');
    const fromContext = parseConfigText(['asa/admin# changeto context vpn', ...text.slice(text.indexOf('asa/vpn# show running-config'))].join('\n'), 'c.cfg');
    expect(fromContext.sections.map((s) => s.contextName)).toEqual(['vpn']);
  });
});

describe('completeness', () => {
  it.each([
    ['corpus/ciscoconfparse-sample01-asa90.cfg', true],
    ['corpus/dlandberg-asa5505-84.cfg', true], // no final newline after `: end`
    ['corpus/prometheus-asa1-80-svc.cfg', true], // 88 ASDM lines follow `: end`
    ['corpus/prometheus-asa2-70-crlf-prompt.cfg', true],
    ['corpus/fwbuilder-asa83-importer.cfg', true],
    ['corpus/wosm-asa84-ikev1-ra.cfg', true],
    ['corpus/wosm-asa91-sslvpn-only.cfg', true],
    ['corpus/kolhe-context-tcs-91.cfg', false],
    ['corpus/ntc-show-run-tunnel-group.cfg', false],
    ['synthetic/oxidized-single-912.cfg', true], // ends at Cryptochecksum + XML comments
    ['synthetic/oxidized-single-truncated.cfg', false],
    ['synthetic/rancid-asa.cfg', true], // `: end` without Cryptochecksum
    ['synthetic/truncated-in-block.cfg', false],
  ])('%s complete=%s', (rel, complete) => {
    const parsed = loadConfigFile(fixture(rel));
    expect(parsed.sections[0]!.completeness.complete).toBe(complete);
    expect(parsed.problems.some((p) => p.code === 'incomplete')).toBe(!complete);
  });

  // A robustness trial cut the Oxidized backup inside its appended client profile: that read as a
  // complete configuration with a broken profile on the device ("fix the XML and upload it again").
  it.each([
    ['inside the XML', (n: number) => n - 3, 'before its closing `</AnyConnectProfile>`'],
    ['right after the file header', (n: number) => n - 9, 'before its XML starts'],
    ['after the XML declaration', (n: number) => n - 8, 'before its XML starts'],
  ])('an Oxidized backup cut %s is incomplete, at its last line', (_, keep, said) => {
    const lines = readFileSync(fixture('synthetic/oxidized-single-912.cfg'), 'utf8').trimEnd().split('\n');
    const kept = lines.slice(0, keep(lines.length));
    const parsed = parseConfigText(`${kept.join('\n')}\n`, 'cut.cfg');
    const c = parsed.sections[0]!.completeness;
    expect(c).toMatchObject({ complete: false, line: kept.length });
    expect(c.reasons).toEqual([
      expect.stringContaining(`the backup ends inside disk0:/oxi-mobile.xml (appended from line ${lines.indexOf('! disk0:/oxi-mobile.xml') + 1}) ${said}`),
    ]);
  });

  it('refuses two configurations in one file as one: pasted together, or `show running-config` twice in a session', () => {
    const a = readFileSync(corpus('wosm-asa91-sslvpn-only.cfg'), 'utf8');
    const b = readFileSync(fixture('plan/rename-collision.cfg'), 'utf8');
    const second = a.split('\n').length - 1 + b.split('\n').findIndex((l) => l.startsWith('ASA Version')) + 1;
    const both = parseConfigText(a + b, 'both.cfg');
    const c = both.sections[0]!.completeness;
    expect(c).toMatchObject({ complete: false, secondConfigLine: second, line: second });
    const problem = both.problems.find((p) => p.code === 'incomplete')!;
    expect(problem).toMatchObject({ severity: 'error', line: second });
    expect(problem.message).toBe(
      `not one configuration: a second configuration starts at line ${second} (\`ASA Version 9.16(4)\`) after the first at line 3; audit each on its own`,
    );
    const session = parseConfigText(`asa# show running-config\n${a}asa# show running-config\n${a}asa# `, 'session.log');
    expect(session.sections[0]!.completeness.secondConfigLine).not.toBeNull();
    // One configuration, whatever its wrapper: no second one.
    for (const rel of ['corpus/wosm-asa91-sslvpn-only.cfg', 'synthetic/oxidized-single-912.cfg', 'synthetic/rancid-asa.cfg'])
      expect(loadConfigFile(fixture(rel)).sections[0]!.completeness.secondConfigLine, rel).toBeNull();
  });

  it('says where and why a capture stops', () => {
    const cut = loadConfigFile(fixture('synthetic/truncated-in-block.cfg')).sections[0]!.completeness;
    expect(cut.line).toBe(22);
    expect(cut.reasons.join(' ')).toMatch(/stops inside a block at line 22/);
    const fragment = loadConfigFile(corpus('ntc-show-run-tunnel-group.cfg')).sections[0]!.completeness;
    expect(fragment.reasons.join(' ')).toMatch(/no `ASA Version` line/);
    const kolhe = loadConfigFile(corpus('kolhe-context-tcs-91.cfg')).sections[0]!.completeness;
    expect(kolhe.reasons).toHaveLength(1); // version is in the `:` comment; only `: end` is missing
    expect(kolhe.line).toBe(31);
  });

  it('treats a raw capture that stops after Cryptochecksum as cut short', () => {
    const parsed = parse(': Saved\nASA Version 9.8(4) \nhostname x\nCryptochecksum:00\n');
    const c = parsed.sections[0]!.completeness;
    expect(c.complete).toBe(false);
    expect(c.reasons[0]).toMatch(/after `Cryptochecksum:`/);
  });
});

describe('banners and odd top-level text', () => {
  it('keeps multi-line banners as top-level commands, even when their text looks like syntax', () => {
    const parsed = parse(
      wrapConfig('banner motd Authorised use only!\nbanner motd\nbanner motd   : end of notice <--- not a pager\nbanner login ---\ngroup-policy G internal'),
    );
    const tops = topLevelNodes(parsed).map((n) => n.text);
    expect(tops.filter((t) => t.startsWith('banner'))).toEqual([
      'banner motd Authorised use only!',
      'banner motd',
      'banner motd   : end of notice <--- not a pager',
      'banner login ---',
    ]);
    expect(parsed.sections[0]!.completeness.complete).toBe(true);
  });
});
