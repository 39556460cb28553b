import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

const PROFILES = ['webvpn', ' anyconnect profiles P-A disk0:/a.xml', ' anyconnect profiles P-B disk0:/b.xml'];
const second = (profile: string): string =>
  [
    'group-policy GP2 internal',
    'group-policy GP2 attributes',
    ' vpn-tunnel-protocol ssl-client',
    ' webvpn',
    `  anyconnect profiles value ${profile} type user`,
    'tunnel-group OTHER type remote-access',
    'tunnel-group OTHER general-attributes',
    ' default-group-policy GP2',
    'tunnel-group OTHER webvpn-attributes',
    ' group-url https://vpn.example.com/other enable',
  ].join('\n');

export default {
  valid: [
    {
      name: 'both profiles push the same client profile',
      config: `${mobile({ global: PROFILES, webvpn: ['anyconnect profiles value P-A type user'] })}\n${second('P-A')}`,
    },
    {
      name: 'one profile pushes one, the other none',
      config: `${mobile({ global: PROFILES, webvpn: ['anyconnect profiles value P-A type user'] })}\n${second('P-A')}\ngroup-policy GP2 attributes\n webvpn\n  anyconnect profiles none`,
    },
  ],
  invalid: [
    {
      name: 'two mobile profiles push different client profiles',
      config: `${mobile({ global: PROFILES, webvpn: ['anyconnect profiles value P-A type user'] })}\n${second('P-B')}`,
      findings: [
        {
          profile: null,
          at: '  anyconnect profiles value P-A type user',
          severity: 'info',
          messageId: 'differ',
          data: { assignments: 'P-A (MOBILE); P-B (OTHER)' },
          fix: null,
        },
      ],
    },
  ],
} satisfies RuleTests;
