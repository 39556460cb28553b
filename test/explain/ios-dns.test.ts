import { describe, expect, it } from 'vitest';
import { evaluateQuery, explainDevice, explainProfile, iosDnsSummary, isUnder } from '../../src/explain/ios-dns.js';
import { analyseOne, analyseText, profile, wrapConfig } from '../helpers.js';
import { runRules } from '../../src/engine/engine.js';
import dnsServerRule from '../../rules/dns-server-outside-split-tunnel.js';

/** One profile T using policy G with the given attribute lines, plus optional DfltGrpPolicy lines. */
function explainPolicy(policyLines: string, dfltLines = ' dns-server value 10.0.0.53') {
  const t = analyseText(
    wrapConfig(
      `group-policy DfltGrpPolicy attributes\n${dfltLines}\ngroup-policy G internal\ngroup-policy G attributes\n${policyLines}\ntunnel-group T type remote-access\ntunnel-group T general-attributes\n default-group-policy G`,
    ),
  );
  return explainProfile(profile(t, 'T'));
}

describe('iOS DNS decision table', () => {
  it('D1 tunnelall: all tunnelled whatever split-dns says (inferred)', () => {
    const e = explainPolicy(' split-tunnel-policy tunnelall\n split-dns value corp.example.com');
    expect([e.row, e.outcome, e.basis, e.tunneledDomains]).toEqual(['D1', 'all-tunneled', 'inferred', []]);
    expect(e.because.map((b) => b.setting)).toEqual(['split-tunnel-policy', 'dns-server']);
  });

  it('D2 tunnelspecified + split-tunnel-all-dns enable: all tunnelled (inferred)', () => {
    const e = explainPolicy(' split-tunnel-policy tunnelspecified\n split-tunnel-all-dns enable\n split-dns value corp.example.com');
    expect([e.row, e.outcome, e.basis]).toEqual(['D2', 'all-tunneled', 'inferred']);
    expect(e.because.find((b) => b.setting === 'split-tunnel-all-dns')).toMatchObject({ value: 'enable', from: 'group-policy' });
  });

  it('D3 split-dns list: only the listed domains (guide)', () => {
    const e = explainPolicy(' split-tunnel-policy tunnelspecified\n split-dns value corp.example.com lab.example.com\n default-domain value corp.example.com');
    expect([e.row, e.outcome, e.basis, e.tunneledDomains]).toEqual(['D3', 'split-dns-list', 'guide', ['corp.example.com', 'lab.example.com']]);
    // (No split-tunnel list: whether the DNS server is inside the tunnel is not known, and said.)
    expect(e.warnings).toEqual([
      'Whether the tunnel DNS servers are inside the split-tunnel network list was not checked: no split-tunnel-network-list is in effect (tunnelspecified without a list).',
    ]);
  });

  it('D4 split-dns none + default-domain: only the default domain (guide)', () => {
    const e = explainPolicy(' split-tunnel-policy tunnelspecified\n split-dns none\n default-domain value corp.example.com');
    expect([e.row, e.outcome, e.tunneledDomains]).toEqual(['D4', 'default-domain-only', ['corp.example.com']]);
  });

  it('D5 split-dns none + default-domain none: all in the clear (guide)', () => {
    const e = explainPolicy(' split-tunnel-policy tunnelspecified\n split-dns none\n default-domain none');
    expect([e.row, e.outcome, e.basis]).toEqual(['D5', 'all-clear', 'guide']);
    expect(e.because.map((b) => `${b.setting} ${b.value} ${b.from}`)).toEqual([
      'split-tunnel-policy tunnelspecified group-policy',
      'split-tunnel-all-dns disable default',
      'split-dns none group-policy',
      'default-domain none group-policy',
      'dns-server value 10.0.0.53 DfltGrpPolicy',
    ]);
  });

  it('D5 also when none comes from DfltGrpPolicy (guide bullet 3, absent from the policy)', () => {
    const e = explainPolicy(' split-tunnel-policy tunnelspecified', ' dns-server value 10.0.0.53\n split-dns none\n default-domain none');
    expect(e.outcome).toBe('all-clear');
    expect(e.because.find((b) => b.setting === 'split-dns')).toMatchObject({ from: 'DfltGrpPolicy', groupPolicy: 'DfltGrpPolicy', line: 8 });
  });

  it('D6/D7 excludespecified: undocumented, said so', () => {
    const d6 = explainPolicy(' split-tunnel-policy excludespecified');
    expect([d6.row, d6.outcome, d6.basis]).toEqual(['D6', 'undocumented', 'inferred']);
    expect(d6.sentence).toMatch(/^Two readings\. Inferred/);
    expect(d6.literal).toMatchObject({ row: 'D5', outcome: 'all-clear' });
    expect(d6.problems.literalAllClear).toBe(true);
    const d7 = explainPolicy(' split-tunnel-policy excludespecified\n split-tunnel-all-dns enable');
    expect([d7.row, d7.outcome]).toEqual(['D7', 'undocumented']);
  });

  it('E5: inherited split-dns silently leaves the default domain in the clear', () => {
    const e = explainPolicy(
      ' split-tunnel-policy tunnelspecified\n default-domain value corp.example.com',
      ' dns-server value 10.0.0.53\n split-dns value old.example.net',
    );
    expect(e.outcome).toBe('split-dns-list');
    expect(e.tunneledDomains).toEqual(['old.example.net']);
    expect(e.warnings.join('\n')).toMatch(/default domain corp.example.com is not under any split-dns domain/);
    expect(e.warnings.join('\n')).toMatch(/inherits DfltGrpPolicy's list \(line 8\)/);
    expect(evaluateQuery(e, 'hr.corp.example.com').via).toBe('clear');
  });

  it('D0: warns when no dns-server is pushed', () => {
    const e = explainPolicy(' split-tunnel-policy tunnelall', ' vpn-idle-timeout 30');
    expect(e.dnsServers).toEqual([]);
    expect(e.warnings.join('\n')).toMatch(/No dns-server is pushed/);
  });
});

describe('queries', () => {
  const e = explainPolicy(' split-tunnel-policy tunnelspecified\n split-dns value corp.example.com lab.example.com\n default-domain value corp.example.com');

  it('matches on label boundaries, case-insensitively, ignoring a trailing dot', () => {
    expect(evaluateQuery(e, 'git.lab.example.com')).toMatchObject({ via: 'tunnel', matchedDomain: 'lab.example.com' });
    expect(evaluateQuery(e, 'Corp.Example.COM.')).toMatchObject({ via: 'tunnel', matchedDomain: 'corp.example.com' });
    expect(evaluateQuery(e, 'www.example.com')).toMatchObject({ via: 'clear', matchedDomain: null });
    expect(evaluateQuery(e, 'evilcorp.example.com').via).toBe('clear');
    expect(isUnder('xcorp.example.com', 'corp.example.com')).toBe(false);
  });

  it('completes single-label names with the default domain (M3)', () => {
    expect(evaluateQuery(e, 'intranet')).toMatchObject({ resolvedName: 'intranet.corp.example.com', via: 'tunnel', matchedDomain: 'corp.example.com' });
  });

  it('answers undocumented with the inferred likely path for excludespecified', () => {
    const d6 = explainPolicy(' split-tunnel-policy excludespecified');
    expect(evaluateQuery(d6, 'a.example')).toMatchObject({ via: 'undocumented', likely: 'tunnel' });
  });

  it('a split-dns list with no domain name in it tunnels nothing (row D3 still, as the table reads it)', () => {
    // (The query answer says so too.)
    const e = explainPolicy(' split-tunnel-policy tunnelspecified\n split-dns value 10.0.0.53 host.123', ' dns-server none');
    // A missing tunnel DNS server is still row D0 (whatever the row): fixing the list must not reveal it.
    expect([e.row, e.outcome, e.tunneledDomains, e.problems.noResolver]).toEqual(['D3', 'split-dns-list', [], true]);
    expect(e.sentence).toMatch(/^No query goes through the tunnel: no split-dns entry is a domain name/);
    expect(evaluateQuery(e, 'www.example.org')).toMatchObject({ via: 'clear', reason: 'no split-dns entry is a domain name, so no query matches' });
    const mixed = explainPolicy(' split-tunnel-policy tunnelspecified\n split-dns value 10.0.0.53 corp.example.com');
    expect(mixed.tunneledDomains).toEqual(['corp.example.com']);
  });

  it("no tunnel resolver (row D0): the phone's own resolver is reached by local LAN access only under tunnel-all (M4)", () => {
    const note = (lines: string) => explainPolicy(lines, ' dns-server none').warnings.find((w) => w.startsWith('No dns-server is pushed'));
    expect(note(' split-tunnel-policy tunnelall')).toBe(
      'No dns-server is pushed, so the tunnel carries no DNS settings [cmd-ref]: no query reaches a corporate resolver, and the phone may send queries to its own resolver instead, outside the tunnel over the local LAN access mobile clients always allow (modifier M4) [inferred] (row D0).',
    );
    for (const split of [
      ' split-tunnel-policy tunnelspecified\n split-dns value corp.example.com',
      ' split-tunnel-policy tunnelspecified\n default-domain value corp.example.com',
    ])
      expect(note(split)).toContain('outside the tunnel by the path split tunnelling leaves outside the tunnel [inferred] (row D0)');
  });

  it('a split-dns entry that is no domain name covers nothing, not even a default domain spelled the same', () => {
    const e = explainPolicy(
      ' split-tunnel-policy tunnelspecified\n split-dns value corp..example.com lab.example.com\n default-domain value corp..example.com',
    );
    expect(e.problems.defaultDomainInClear).toBe('corp..example.com');
    const fine = explainPolicy(' split-tunnel-policy tunnelspecified\n split-dns value corp.example.com\n default-domain value corp.example.com');
    expect(fine.problems.defaultDomainInClear).toBeNull();
  });

  it('excludespecified: a query to a DNS server the list excludes leaves the tunnel (row D6)', () => {
    const explainWith = (servers: string, extra = '') => {
      const t = analyseText(
        wrapConfig(
          `access-list EXCL standard permit 10.0.0.0 255.255.0.0\ngroup-policy G internal\ngroup-policy G attributes\n split-tunnel-policy excludespecified\n split-tunnel-network-list value EXCL\n dns-server value ${servers}\n${extra}tunnel-group T type remote-access\ntunnel-group T general-attributes\n default-group-policy G`,
        ),
      );
      return explainDevice(t.resolved).find((e) => e.profile.name === 'T')!;
    };
    // Every server excluded: in the clear under either reading, and not to the phone's own resolver.
    const all = explainWith('10.0.0.53');
    expect(all.problems.dnsServersOutsideTunnel).toEqual(['10.0.0.53']);
    expect(evaluateQuery(all, 'www.example.org')).toMatchObject({ via: 'clear', clearTo: 'excluded-dns-server' });
    expect(evaluateQuery(all, 'www.example.org').reason).toContain('every DNS server pushed (10.0.0.53) is in a network the split-tunnel list excludes');
    expect(all.warnings.join('\n')).toContain('Tunnel DNS server 10.0.0.53 is in a network the split-tunnel list EXCL excludes');
    expect(all.warnings.join('\n')).not.toContain('outside the split-tunnel network list');
    // The headline and the summary `diff` compares say so too, not "most likely all tunnelled".
    expect(all.sentence).toMatch(/^Every DNS server pushed \(10\.0\.0\.53\) is in a network the split-tunnel list excludes: .*in the clear/);
    expect(iosDnsSummary(all)).toMatchObject({ excludedDnsServers: ['10.0.0.53'], allDnsServersExcluded: true });
    // One of two excluded: still most likely tunnelled, with the excluded one named.
    const one = explainWith('10.0.0.53 10.9.0.53', ' split-dns value corp.example.com\n');
    const q = evaluateQuery(one, 'www.example.org');
    expect(q).toMatchObject({ via: 'undocumented', likely: 'tunnel' });
    expect(q.clearTo).toBeUndefined();
    expect(one.sentence).toMatch(/^Two readings\. Inferred \(low confidence\)/);
    expect(iosDnsSummary(one)).toMatchObject({ excludedDnsServers: ['10.0.0.53'], allDnsServersExcluded: false });
    expect(q.reason).toContain('a query iOS sends to 10.0.0.53 (in an excluded network) leaves the tunnel, in the clear');
    expect(evaluateQuery(one, 'git.corp.example.com').reason).toContain('tunnelled under both readings');
    // Two servers, both excluded: named as a list, not as alternatives.
    expect(evaluateQuery(explainWith('10.0.0.53 10.0.1.53'), 'www.example.org').reason).toContain('every DNS server pushed (10.0.0.53, 10.0.1.53)');
    // Nothing excluded: the verdict is as before.
    const none = explainWith('10.9.0.53');
    expect(evaluateQuery(none, 'www.example.org').reason).toBe(
      'excludespecified: most likely tunnelled (inferred); read literally, the guide sends it in the clear',
    );
  });
});

describe('the demo config covers every outcome', () => {
  it('has all four iOS outcomes plus undocumented', () => {
    const t = analyseOne('demo/demo-headend.cfg');
    const byProfile = Object.fromEntries(explainDevice(t.resolved).map((e) => [e.profile.name, e.outcome]));
    expect(byProfile).toEqual({
      DefaultWEBVPNGroup: 'all-tunneled',
      'MOBILE-FULL': 'all-tunneled',
      'MOBILE-SPLIT': 'split-dns-list',
      'MOBILE-DOMAIN': 'default-domain-only',
      'Lab&Partners': 'all-clear',
      'MOBILE-INHERIT': 'split-dns-list',
      'MOBILE-PERAPP': 'undocumented',
      DefaultRAGroup: 'all-tunneled',
    });
  });
});

describe('a split-tunnel list that is not in a file cut short', () => {
  // The file lacks its first lines (where access-lists are): the list may be there, so the audit does
  // not say it is missing (found by a review: a --fail-on-new gate failed on the capture, not the device).
  const body =
    'group-policy G internal\ngroup-policy G attributes\n vpn-tunnel-protocol ssl-client\n dns-server value 10.0.0.53\n split-tunnel-policy tunnelspecified\n split-tunnel-network-list value ST\n split-dns value corp.example.com\ntunnel-group T type remote-access\ntunnel-group T general-attributes\n default-group-policy G\ntunnel-group T webvpn-attributes\n group-url https://vpn.example.com/t enable\nwebvpn\n enable outside\n anyconnect enable\n';
  it('says the list may be in the part that is missing, and reports no listMissing warning', () => {
    const whole = analyseText(wrapConfig(body));
    expect(whole.model.complete).toBe(true);
    const cut = analyseText(`${body}Cryptochecksum:00000000000000000000000000000000\n: end\n`);
    expect(cut.model.complete).toBe(false);
    const warning = (t: typeof cut) =>
      explainDevice(t.resolved)
        .find((e) => e.profile.name === 'T')!
        .warnings.find((w) => w.startsWith('Whether the tunnel DNS'));
    expect(warning(whole)).toMatch(/access-list ST is not in the configuration at all\.$/);
    expect(warning(cut)).toMatch(/access-list ST is not in this file, which is not the whole configuration \(it may be in the part that is missing\)\.$/);
    const ids = (t: typeof cut) => runRules(t.resolved, [dnsServerRule], { partial: !t.model.complete }).findings.map((f) => `${f.messageId} ${f.severity}`);
    expect(ids(whole)).toEqual(['listMissing warning']);
    expect(ids(cut)).toEqual(['unchecked info']);
  });
});

describe('a split-tunnel list the tool cannot read', () => {
  const explain = (acl: string) => {
    const t = analyseText(
      wrapConfig(
        `${acl}\ngroup-policy G internal\ngroup-policy G attributes\n dns-server value 10.0.0.53\n split-tunnel-policy tunnelspecified\n split-tunnel-network-list value ST\n split-dns value corp.example.com\ntunnel-group T type remote-access\ntunnel-group T general-attributes\n default-group-policy G`,
      ),
    );
    return explainDevice(t.resolved).find((e) => e.profile.name === 'T')!;
  };

  it('says the DNS servers were not checked against it, and why', () => {
    const extended = explain('access-list ST extended permit ip 10.0.0.0 255.0.0.0 any4');
    expect(extended.problems.dnsServersOutsideTunnel).toBeNull();
    expect(extended.warnings).toContain(
      'Whether the tunnel DNS servers are inside the split-tunnel network list was not checked: no standard access-list ST is in the configuration (an extended list is not read).',
    );
    // No list of that name at all (cleared, misspelt): said as such, not as an extended list. Remarks
    // alone are no list.
    for (const acl of ['access-list OTHER extended permit ip any any', 'access-list ST remark corporate networks'])
      expect(explain(acl).warnings, acl).toContain(
        'Whether the tunnel DNS servers are inside the split-tunnel network list was not checked: access-list ST is not in the configuration at all.',
      );
    // A name with no `name` line to say what it stands for.
    const odd = explain('names\naccess-list ST standard permit 10.0.0.0 255.0.0.0\naccess-list ST standard permit host DNS1');
    expect(odd.warnings.find((w) => w.startsWith('Whether the tunnel DNS servers'))).toMatch(/access-list ST has lines the tool does not read \(line \d+\)\.$/);
    // With its `name` line, the entry is read as the address it names (the ASA prints names in lists).
    const named = explain('names\nname 10.9.0.53 DNS1 description resolver\naccess-list ST standard permit host DNS1');
    expect(named.problems.dnsServersOutsideTunnel).toEqual(['10.0.0.53']);
    const covered = explain('names\nname 10.0.0.0 CORP\naccess-list ST standard permit CORP 255.0.0.0');
    expect(covered.problems.dnsServersOutsideTunnel).toEqual([]);
    // A name spelled like a keyword never replaces the keyword.
    const keyword = explain('names\nname 10.9.0.0 host\naccess-list ST standard permit host 10.0.0.53');
    expect(keyword.problems.dnsServersOutsideTunnel).toEqual([]);
    // A standard list it reads decides, and says nothing of the kind.
    const read = explain('access-list ST standard permit 10.0.0.0 255.0.0.0');
    expect(read.problems.dnsServersOutsideTunnel).toEqual([]);
    expect(read.warnings.some((w) => w.startsWith('Whether the tunnel DNS servers'))).toBe(false);
  });
});

describe('what the outcome leaves out, said under it', () => {
  const explainWith = (extra: string, profileLines = '') => {
    const t = analyseText(
      wrapConfig(
        `webvpn\n anyconnect-custom-attr perapp\n anyconnect-custom-attr dynamic-split-exclude-domains\nanyconnect-custom-data perapp PA-MAIL eJyVkMFqwzAMhl\nanyconnect-custom-data dynamic-split-exclude-domains EXD www.example.org\ngroup-policy G internal\ngroup-policy G attributes\n split-tunnel-policy tunnelall\n dns-server value 10.0.0.53\n${extra}group-policy GP-USER internal\ngroup-policy GP-USER attributes\n split-dns none\nusername bob password x\nusername bob attributes\n vpn-group-policy GP-USER\ntunnel-group T type remote-access\ntunnel-group T general-attributes\n default-group-policy G\n${profileLines}`,
      ),
    );
    return explainDevice(t.resolved).find((e) => e.profile.name === 'T')!;
  };

  it('per-app VPN: in the summary diff compares, and as a note', () => {
    const e = explainWith(' anyconnect-custom perapp value PA-MAIL\n');
    expect(iosDnsSummary(e).perApp).toBe('PA-MAIL');
    expect(iosDnsSummary(explainWith('')).perApp).toBeNull();
  });

  it('dynamic split tunnelling: not modelled, and said so', () => {
    const e = explainWith(' anyconnect-custom dynamic-split-exclude-domains value EXD\n');
    expect(e.warnings.join('\n')).toContain(
      "Dynamic split tunnelling (anyconnect-custom dynamic-split-exclude-domains value EXD): which domains' traffic it moves out of the tunnel, and what that does to iOS DNS, is not modelled",
    );
    expect(explainWith('').warnings.join('\n')).not.toContain('Dynamic split');
  });

  it("a local user's own group-policy ranks above the profile's when the profile logs in locally, not with a RADIUS server group", () => {
    expect(explainWith('').warnings.join('\n')).toContain('Local user bob (group-policy GP-USER, line');
    expect(explainWith('', ' authentication-server-group RADIUS-MFA\n').warnings.join('\n')).not.toContain('Local user');
    // Certificate-only login checks no password against the local database.
    expect(explainWith('', 'tunnel-group T webvpn-attributes\n authentication certificate\n').warnings.join('\n')).not.toContain('Local user');
    expect(explainWith('', 'tunnel-group T webvpn-attributes\n authentication aaa certificate\n').warnings.join('\n')).toContain('Local user bob');
    // LOCAL after a server group: the local database answers only when the group's servers do not.
    const fallback = explainWith('', ' authentication-server-group RADIUS-MFA LOCAL\n').warnings.join('\n');
    expect(fallback).toContain('Local user bob (group-policy GP-USER, line');
    expect(fallback).toContain('only when server group RADIUS-MFA cannot be reached: LOCAL is its fallback');
    expect(explainWith('').warnings.join('\n')).not.toContain('fallback');
  });

  it('a local user locked to another profile is no user of this one', () => {
    const t = analyseText(
      wrapConfig(
        'group-policy G internal\ngroup-policy G attributes\n dns-server value 10.0.0.53\ngroup-policy GP-USER internal\nusername bob password x\nusername bob attributes\n vpn-group-policy GP-USER\n group-lock value OTHER\ntunnel-group T type remote-access\ntunnel-group T general-attributes\n default-group-policy G\ntunnel-group OTHER type remote-access',
      ),
    );
    const warnings = (name: string): string =>
      explainDevice(t.resolved)
        .find((e) => e.profile.name === name)!
        .warnings.join('\n');
    expect(warnings('T')).not.toContain('Local user');
    expect(warnings('OTHER')).toContain('Local user bob');
    // A lock set in the user's vpn-group-policy binds the user too, unless the user's own `group-lock none` lifts it.
    const viaPolicy = (userLock: string): ReturnType<typeof explainDevice> =>
      explainDevice(
        analyseText(
          wrapConfig(
            `group-policy G internal\ngroup-policy G attributes\n dns-server value 10.0.0.53\ngroup-policy GP-USER internal\ngroup-policy GP-USER attributes\n group-lock value OTHER\nusername bob password x\nusername bob attributes\n vpn-group-policy GP-USER\n${userLock}tunnel-group T type remote-access\ntunnel-group T general-attributes\n default-group-policy G\ntunnel-group OTHER type remote-access`,
          ),
        ).resolved,
      );
    const noteOn = (e: ReturnType<typeof explainDevice>, name: string) => e.find((x) => x.profile.name === name)!.warnings.join('\n');
    expect(noteOn(viaPolicy(''), 'T')).not.toContain('Local user');
    expect(noteOn(viaPolicy(''), 'OTHER')).toContain('Local user bob');
    expect(noteOn(viaPolicy(' group-lock none\n'), 'T')).toContain('Local user bob');
  });
});
