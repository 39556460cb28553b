import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

export default {
  valid: [
    { name: 'certificate-only with a group-url', config: mobile({ tgWebvpn: ['authentication certificate'] }) },
    { name: 'AAA authentication needs no group-url', config: mobile({ selectedBy: 'nothing', name: 'DefaultWEBVPNGroup', noPolicy: true }) },
    { name: 'certificate and AAA together are not certificate-only', config: mobile({ tgWebvpn: ['authentication aaa certificate'] }) },
  ],
  invalid: [
    {
      name: 'certificate-only reached only through its alias: no group-url',
      config: mobile({ selectedBy: 'nothing', tgWebvpn: ['authentication certificate', 'group-alias Mobile-Cert enable'] }),
      findings: [
        {
          profile: 'MOBILE',
          at: ' authentication certificate',
          severity: 'warning',
          messageId: 'noGroupUrl',
          object: 'group-url',
          fix: null,
          needsInput: 'add `group-url https://HOST/mobile enable` under `tunnel-group MOBILE webvpn-attributes`',
        },
      ],
    },
    secondaryAuthCase('certificate-only with secondary authentication', 'secondary-authentication-server-group ISE'),
    secondaryAuthCase(
      'a secondary server group on one interface: the `no` line names it as written',
      'secondary-authentication-server-group (outside) ISE use-primary-username',
    ),
    {
      name: "the host the headend's other group-urls use gives the new group-url",
      config: `${mobile({ name: 'OTHER' })}\n${mobile({ selectedBy: 'nothing', noPolicy: true, tgWebvpn: ['authentication certificate', 'group-alias Mobile-Cert enable'] })}`,
      profiles: ['MOBILE'],
      findings: [
        {
          profile: 'MOBILE',
          at: ' authentication certificate',
          severity: 'warning',
          messageId: 'noGroupUrl',
          object: 'group-url',
          fix: 'tunnel-group MOBILE webvpn-attributes\n group-url https://vpn.example.com/mobile enable',
          needsInput: null,
        },
      ],
    },
  ],
} satisfies RuleTests;

/** A certificate-only profile with a secondary server group `line`: no CLI, and the input quotes the line as written. */
function secondaryAuthCase(name: string, line: string): RuleTests['invalid'][number] {
  return {
    name,
    config: `${mobile({ tgWebvpn: ['authentication certificate'] })}\ntunnel-group MOBILE general-attributes\n ${line}`,
    findings: [
      {
        profile: 'MOBILE',
        at: ` ${line}`,
        severity: 'warning',
        messageId: 'secondaryAuth',
        data: { group: 'ISE' },
        object: 'secondary-authentication',
        fix: null,
        needsInput: `whether MOBILE may lose its second factor: \`no ${line}\` under \`tunnel-group MOBILE general-attributes\` removes it for every user of the profile, desktops included; if they need it, give phones a certificate-only profile of their own instead`,
      },
    ],
  };
}
