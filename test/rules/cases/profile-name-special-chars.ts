import type { RuleTests } from '../rule-tester.js';
import { mobile } from './_kit.js';

export default {
  valid: [
    { name: 'letters, digits, dots, dashes and underscores', config: mobile({ name: 'vpn.corp_MOBILE-1' }) },
    { name: 'not mobile-facing (IKEv1 only)', config: mobile({ name: 'Lab&Partners', protocols: 'ikev1' }) },
    { name: 'the real corpus names are plain', file: 'corpus/prometheus-asa1-80-svc.cfg' },
  ],
  invalid: [
    {
      name: '`&` breaks XML: recreate the profile under a safe name and move its alias and group-url',
      config: mobile({ name: 'Lab&Partners', tgWebvpn: ['group-alias Lab enable'] }),
      findings: [
        {
          profile: 'Lab&Partners',
          at: 'tunnel-group Lab&Partners type remote-access',
          severity: 'warning',
          messageId: 'breaking',
          data: { characters: '`&`', safeName: 'Lab-Partners' },
          fix: [
            // The copy first; the original lets go of its ways in right before the copy takes them.
            'tunnel-group Lab-Partners type remote-access',
            'tunnel-group Lab-Partners general-attributes',
            ' default-group-policy GP',
            'tunnel-group Lab&Partners webvpn-attributes',
            ' no group-url https://vpn.example.com/labpartners',
            ' no group-alias Lab',
            'tunnel-group Lab-Partners webvpn-attributes',
            ' group-url https://vpn.example.com/labpartners enable',
            ' group-alias Lab enable',
          ].join('\n'),
        },
      ],
    },
    {
      name: 'its copy exists already (an earlier plan made it, and it was pasted): no second copy, only the move is left',
      config: `${mobile({ name: 'Lab&Partners', tgWebvpn: ['group-alias Lab enable'] })}\ntunnel-group Lab-Partners type remote-access\ntunnel-group Lab-Partners general-attributes\n default-group-policy GP`,
      findings: [
        {
          profile: 'Lab&Partners',
          at: 'tunnel-group Lab&Partners type remote-access',
          severity: 'warning',
          messageId: 'copyExists',
          data: { characters: '`&`', safeName: 'Lab-Partners' },
          fix: null,
        },
      ],
    },
    {
      name: 'a non-ASCII letter breaks; the space beside it is named too',
      config: mobile({ name: '"Café VPN"' }),
      findings: [
        {
          profile: 'Café VPN',
          at: 'tunnel-group "Café VPN" type remote-access',
          severity: 'warning',
          messageId: 'breaking',
          data: { characters: '`é`, `space`', safeName: 'Cafe-VPN' },
          fix: expectRecreated('"Café VPN"', 'Cafe-VPN', 'cafvpn'),
        },
      ],
    },
    {
      name: "a space alone is at most a note: the guide's own examples use one",
      config: mobile({ name: '"Mobile Users"' }),
      findings: [
        {
          profile: 'Mobile Users',
          at: 'tunnel-group "Mobile Users" type remote-access',
          severity: 'info',
          messageId: 'doubtful',
          data: { characters: '`space`' },
          fix: null,
        },
      ],
    },
    {
      name: 'a SAML profile with `/` and `.`: the new name has neither, so it needs one rename',
      config: mobile({ name: 'SAML.Prod/x', tgWebvpn: ['authentication saml', 'saml identity-provider https://idp.example.com/app'] }),
      findings: [
        {
          profile: 'SAML.Prod/x',
          at: 'tunnel-group SAML.Prod/x type remote-access',
          severity: 'warning',
          messageId: 'breaking',
          data: { characters: '`/`', safeName: 'SAML-Prod-x' },
          fix: [
            'tunnel-group SAML-Prod-x type remote-access',
            'tunnel-group SAML-Prod-x general-attributes',
            ' default-group-policy GP',
            'tunnel-group SAML-Prod-x webvpn-attributes',
            ' authentication saml',
            ' saml identity-provider https://idp.example.com/app',
          ].join('\n'),
        },
      ],
    },
    {
      name: 'a period in the name of a SAML profile breaks its SSO URLs',
      config: mobile({ name: 'vpn.saml', tgWebvpn: ['authentication saml', 'saml identity-provider https://idp.example.com/app'] }),
      findings: [
        {
          profile: 'vpn.saml',
          at: 'tunnel-group vpn.saml type remote-access',
          severity: 'warning',
          messageId: 'samlUrl',
          data: { characters: '`.`', safeName: 'vpn-saml' },
          // The IdP does not know vpn-saml yet: the group-url stays on vpn.saml, and moving it waits.
          fix: [
            'tunnel-group vpn-saml type remote-access',
            'tunnel-group vpn-saml general-attributes',
            ' default-group-policy GP',
            'tunnel-group vpn-saml webvpn-attributes',
            ' authentication saml',
            ' saml identity-provider https://idp.example.com/app',
          ].join('\n'),
          needsInput:
            "register vpn-saml with the SAML identity provider before users move: the ASA's entity ID and reply URL name the tunnel-group (https://BASE-URL/saml/sp/metadata/vpn-saml, https://BASE-URL/+CSCOE+/saml/sp/acs?tgname=vpn-saml; `show saml metadata vpn-saml` prints them), and sign-in on vpn-saml fails until the IdP has them; once the SAML step is done, move the users of vpn.saml to vpn-saml (nothing in the paste sends users to vpn-saml: its group-url stays on vpn.saml): paste these lines in one go: `tunnel-group vpn.saml webvpn-attributes`, `no group-url https://vpn.example.com/vpnsaml`, `tunnel-group vpn-saml webvpn-attributes`, `group-url https://vpn.example.com/vpnsaml enable`",
        },
      ],
    },
  ],
} satisfies RuleTests;

function expectRecreated(old: string, safe: string, slug: string): string {
  return [
    `tunnel-group ${safe} type remote-access`,
    `tunnel-group ${safe} general-attributes`,
    ' default-group-policy GP',
    `tunnel-group ${old} webvpn-attributes`,
    ` no group-url https://vpn.example.com/${slug}`,
    `tunnel-group ${safe} webvpn-attributes`,
    ` group-url https://vpn.example.com/${slug} enable`,
  ].join('\n');
}
