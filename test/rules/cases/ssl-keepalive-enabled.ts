import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

const fix = 'group-policy GP attributes\n webvpn\n  anyconnect ssl keepalive none';

export default {
  valid: [
    { name: 'keepalives off in the policy', config: mobile({ webvpn: ['anyconnect ssl keepalive none'] }) },
    { name: 'off in DfltGrpPolicy stops the default too', config: mobile({ dfltWebvpn: ['anyconnect ssl keepalive none'] }) },
    { name: 'IKEv2-only profile (keepalives are SSL)', config: mobile({ protocols: 'ikev2' }) },
    { name: 'legacy svc keepalive none (8.2)', config: `ASA Version 8.2(5)\n${mobile({ protocols: 'svc', webvpn: ['svc keepalive none'] })}` },
  ],
  invalid: [
    {
      name: 'set in the policy',
      config: mobile({ webvpn: ['anyconnect ssl keepalive 20'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: 'anyconnect ssl keepalive 20',
          severity: 'warning',
          messageId: 'keepaliveOn',
          data: { seconds: 20, policy: 'group-policy GP' },
          fix,
        },
      ],
    },
    {
      name: 'inherited from DfltGrpPolicy',
      config: mobile({ dfltWebvpn: ['anyconnect ssl keepalive 120'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: 'anyconnect ssl keepalive 120',
          severity: 'warning',
          messageId: 'keepaliveOn',
          data: { seconds: 120, policy: 'group-policy GP' },
          fix,
        },
      ],
    },
    {
      name: 'the built-in default, at the line that should set it (no webvpn sub-mode yet)',
      config: mobile(),
      findings: [
        {
          profile: 'MOBILE',
          at: 'group-policy GP attributes',
          lineRole: 'should-set',
          severity: 'warning',
          messageId: 'keepaliveOn',
          data: { seconds: 20, source: 'not set in any policy: the built-in default [recalled]' },
          fix,
        },
      ],
    },
    {
      name: 'on 8.0-era releases the recalled default is labelled, and the fix speaks svc',
      config: `ASA Version 8.2(5)\n${mobile({ protocols: 'svc' })}`,
      findings: [
        {
          profile: 'MOBILE',
          at: 'group-policy GP attributes',
          lineRole: 'should-set',
          severity: 'warning',
          messageId: 'keepaliveOn',
          data: { source: 'not set in any policy: the built-in default [recalled] (8.0-era releases may default to none)', line: 'svc keepalive none' },
          fix: 'group-policy GP attributes\n webvpn\n  svc keepalive none',
        },
      ],
    },
    {
      name: 'legacy fixture: DefaultWEBVPNGroup inherits `svc keepalive 30`; SSL-USERS turns it off, PORTAL is clientless, DefaultRAGroup is not an SSL profile',
      file: 'synthetic/legacy-svc-82.cfg',
      findings: [
        {
          profile: 'DefaultWEBVPNGroup',
          at: '  svc keepalive 30',
          severity: 'warning',
          messageId: 'keepaliveOn',
          fix: 'group-policy DfltGrpPolicy attributes\n webvpn\n  svc keepalive none',
        },
      ],
    },
    {
      name: "a long interval (600 s) is the guide's mitigation: info, no fix",
      config: mobile({ webvpn: ['anyconnect ssl keepalive 600'] }),
      findings: [{ profile: 'MOBILE', at: 'anyconnect ssl keepalive 600', severity: 'info', messageId: 'longInterval', data: { seconds: 600 }, fix: null }],
    },
    {
      name: 'an external (RADIUS) policy gets no CLI and no line: its attributes live on the AAA server',
      config: [
        'group-policy EXT external server-group ISE',
        'tunnel-group MOBILE type remote-access',
        'tunnel-group MOBILE general-attributes',
        ' default-group-policy EXT',
        'tunnel-group MOBILE webvpn-attributes',
        ' group-url https://vpn.example.com/mobile enable',
      ].join('\n'),
      findings: [
        {
          profile: 'MOBILE',
          at: null,
          severity: 'warning',
          messageId: 'keepaliveOn',
          data: { policy: 'the RADIUS attributes of external group-policy EXT' },
          fix: null,
        },
      ],
    },
  ],
} satisfies RuleTests;
