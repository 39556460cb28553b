import type { RuleTests } from '../rule-tester.js';
import { expect } from 'vitest';
import { mobile } from './_kit.js';

const fix = 'group-policy GP attributes\n vpn-idle-timeout 1440';

export default {
  valid: [
    { name: '24 hours', config: mobile({ policy: ['vpn-idle-timeout 1440'] }) },
    {
      name: '`none` with webvpn default-idle-timeout 86400 (24 h, what the guide asks for)',
      config: `webvpn\n default-idle-timeout 86400\n${mobile({ policy: ['vpn-idle-timeout none'] })}`,
    },
    {
      name: 'certificate-only profiles are meant to time out quickly',
      config: mobile({ policy: ['vpn-idle-timeout 60'], tgWebvpn: ['authentication certificate'] }),
    },
    { name: 'a real policy with vpn-idle-timeout none that is not mobile-facing', file: 'corpus/ciscoconfparse-sample01-asa90.cfg' },
  ],
  invalid: [
    {
      name: 'an hour, set in the policy',
      config: mobile({ policy: ['vpn-idle-timeout 60'] }),
      findings: [{ profile: 'MOBILE', at: ' vpn-idle-timeout 60', severity: 'info', messageId: 'short', data: { minutes: 60 }, fix }],
    },
    {
      name: 'an hour, under a 10-hour session timeout: both are named',
      config: mobile({ policy: ['vpn-idle-timeout 60', 'vpn-session-timeout 600'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' vpn-idle-timeout 60',
          severity: 'info',
          messageId: 'short',
          data: { minutes: 60, sessionCap: expect.stringContaining('Sessions also end after 600 minutes whatever the idle timeout') },
          fix,
        },
      ],
    },
    {
      name: 'inherited from DfltGrpPolicy',
      config: mobile({ dflt: ['vpn-idle-timeout 120'] }),
      findings: [{ profile: 'MOBILE', at: ' vpn-idle-timeout 120', severity: 'info', messageId: 'short', data: { minutes: 120 }, fix }],
    },
    {
      name: 'the built-in 30 minutes, at the policy that should set it',
      config: mobile(),
      findings: [
        { profile: 'MOBILE', at: 'group-policy GP attributes', lineRole: 'should-set', severity: 'info', messageId: 'short', data: { minutes: 30 }, fix },
      ],
    },
    {
      name: '`none` falls back to webvpn default-idle-timeout',
      config: mobile({ policy: ['vpn-idle-timeout none'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' vpn-idle-timeout none',
          severity: 'info',
          messageId: 'noneFallback',
          data: { fallback: '1800 s', fallbackSource: 'its default [cmd-ref]' },
          fix,
        },
      ],
    },
    {
      name: '`none` with a short webvpn default-idle-timeout',
      config: `webvpn\n default-idle-timeout 3600\n${mobile({ policy: ['vpn-idle-timeout none'] })}`,
      findings: [{ profile: 'MOBILE', at: ' vpn-idle-timeout none', severity: 'info', messageId: 'noneFallback', data: { fallback: '3600 s' }, fix }],
    },
    {
      name: 'the demo headend: AAA profiles on the default; the certificate profile MOBILE-DOMAIN is not reported',
      file: 'demo/demo-headend.cfg',
      profiles: ['MOBILE-DOMAIN', 'MOBILE-INHERIT'],
      findings: [
        {
          profile: 'MOBILE-INHERIT',
          at: 'group-policy GP-INHERIT attributes',
          lineRole: 'should-set',
          severity: 'info',
          messageId: 'short',
          fix: 'group-policy GP-INHERIT attributes\n vpn-idle-timeout 1440',
        },
      ],
    },
  ],
} satisfies RuleTests;
