import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { redactLine, REDACTED, SECRET_FORMS } from '../../src/parse/redact.js';
import { corpus, fixture } from '../helpers.js';

describe('redactLine', () => {
  it.each([
    ['enable password 8Ry2YjIyt7RRXU24 encrypted', '8Ry2YjIyt7RRXU24'],
    ['username dennis password uIExjWDQQO4qrbhe encrypted privilege 15', 'uIExjWDQQO4qrbhe'],
    ['passwd 2KFQnbNIdI.2KYOU encrypted', '2KFQnbNIdI.2KYOU'],
    [' ikev1 pre-shared-key s3cr3t!', 's3cr3t!'],
    [' ikev2 remote-authentication pre-shared-key hex 0a0b0c', '0a0b0c'],
    [' key Rad1usS3cret!', 'Rad1usS3cret!'],
    ['snmp-server host inside 10.0.0.30 community Publ1cC0mmunity version 2c', 'Publ1cC0mmunity'],
    ['snmp-server community Publ1c', 'Publ1c'],
    ['failover key hex 0011223344', '0011223344'],
    [' ospf message-digest-key 1 md5 0spfK3y', '0spfK3y'],
    [' ldap-login-password LdapPw1', 'LdapPw1'],
    ['group-policy EXT external server-group ISE password ExtPw', 'ExtPw'],
    ['ntp authentication-key 1 md5 NtpK3y', 'NtpK3y'],
  ])('masks the secret in `%s`', (line, secret) => {
    const out = redactLine(line);
    expect(out).not.toContain(secret);
    expect(out).toContain(REDACTED);
  });

  it.each(SECRET_FORMS.map((f) => [f.name, f] as const))('the table masks its own example: %s', (_, f) => {
    expect(f.example).toContain(f.secret);
    const out = redactLine(f.example);
    expect(out).not.toContain(f.secret);
    expect(out).toContain(REDACTED);
  });

  it.each([
    [' radius-common-pw C0mmonPw', 'C0mmonPw'],
    ['snmp-server user ops OPS v3 auth sha Au7hK priv aes 256 Pr1vK', 'Au7hK'],
    ['snmp-server user ops OPS v3 auth sha Au7hK priv aes 256 Pr1vK', 'Pr1vK'],
    ['snmp-server user ops OPS v3 engineID 80000009 encrypted auth md5 a1:b2 priv 3des c3:d4', 'a1:b2'],
    ['snmp-server user ops OPS v3 engineID 80000009 encrypted auth md5 a1:b2 priv 3des c3:d4', 'c3:d4'],
    [' authentication key eigrp 100 E1grp key-id 1', 'E1grp'],
    ['aaa-server RAD (inside) host 10.0.0.20 P0sK timeout 5', 'P0sK'],
    ['aaa-server RAD host 10.0.0.20 P0sK2', 'P0sK2'],
    ['isakmp key Is4k address 192.0.2.1 netmask 255.255.255.255', 'Is4k'],
    [' enrollment url http://scep:Enr0ll@ca.example.com/certsrv', 'Enr0ll'],
    ['context vpn config-url ftp://backup:Ftp9w@10.0.0.9/vpn.cfg', 'Ftp9w'],
    ['enable password <secret hidden with spaces> pbkdf2', 'secret hidden with spaces'],
    // A live-audit trial found these in --save files: a keyed hash other than md5, an encrypted OSPF key, OSPFv3 IPsec keys.
    ['ntp authentication-key 1 md5 NtpK3y', 'NtpK3y'],
    ['ntp authentication-key 2 sha1 NtpSha1Key', 'NtpSha1Key'],
    ['ntp authentication-key 3 sha512 NtpSha512Key', 'NtpSha512Key'],
    ['ntp authentication-key 4 cmac NtpCmacKey', 'NtpCmacKey'],
    [' ospf authentication-key 8 0spfEncKeyZZ', '0spfEncKeyZZ'],
    [' ipv6 ospf authentication ipsec spi 256 md5 0spf3Md5', '0spf3Md5'],
    [' ipv6 ospf authentication ipsec spi 257 sha1 7 0spf3Sha1', '0spf3Sha1'],
    [' ipv6 ospf encryption ipsec spi 300 esp aes-cbc 128 0spf3Enc sha1 0spf3Auth', '0spf3Enc'],
    [' ipv6 ospf encryption ipsec spi 300 esp aes-cbc 128 0spf3Enc sha1 0spf3Auth', '0spf3Auth'],
    // A change script may abbreviate keywords the way the ASA takes them (a security review found
    // each of these quoted as typed by what-if), and a secret may itself hold `<...>` or `@`.
    [' ikev1 pre-shared-k Zq1Abbrev', 'Zq1Abbrev'],
    [' ikev2 remote-authentication pre Zq2Abbrev', 'Zq2Abbrev'],
    ['ke Zq3Abbrev', 'Zq3Abbrev'],
    [' k 7 Zq4Abbrev', 'Zq4Abbrev'],
    ['enable pass Zq5Abbrev', 'Zq5Abbrev'],
    ['username ops pass Zq6Abbrev privilege 15', 'Zq6Abbrev'],
    [' ldap-login-p Zq7Abbrev', 'Zq7Abbrev'],
    ['snmp-server comm Zq8Abbrev', 'Zq8Abbrev'],
    ['failover k Zq9Abbrev', 'Zq9Abbrev'],
    ['cluster k Zq10Abbrev', 'Zq10Abbrev'],
    ['ntp auth 1 md5 Zq11Abbrev', 'Zq11Abbrev'],
    ['crypto isa key Zq12Abbrev address 192.0.2.1', 'Zq12Abbrev'],
    [' ospf mess 1 md5 Zq13Abbrev', 'Zq13Abbrev'],
    ['key config-key password-encryption Zq14New Zq14Old', 'Zq14New'],
    ['key config-key password-encryption Zq14New Zq14Old', 'Zq14Old'],
    ['key config-key pass Zq15New Zq15Old', 'Zq15Old'],
    ['  key-string Zq16Chain', 'Zq16Chain'],
    [' ikev1 pre-shared-key <a>Zq17Bracket', 'Zq17Bracket'],
    [' enrollment url http://scep:p@Zq18At@ca.example.com/certsrv', 'Zq18At'],
    ['ansible_password: Zq19Yaml', 'Zq19Yaml'],
    ['"snmp_secret": "Zq20Json"', 'Zq20Json'],
  ])('masks the forms a review found leaking: `%s`', (line, secret) => {
    expect(redactLine(line)).not.toContain(secret);
  });

  it('masks placeholders whole and leaves ordinary lines alone', () => {
    expect(redactLine('enable password <secret hidden> pbkdf2')).toBe(`enable password ${REDACTED} pbkdf2`);
    for (const line of [
      'crypto key generate rsa modulus 2048',
      'ssh key-exchange group dh-group14-sha256',
      ' split-dns value corp.example.com',
      ' password-management',
      'aaa-server RAD (inside) host 10.0.0.20',
      'aaa-server RAD (inside) host 10.0.0.20 timeout 5',
      ' url https://vpn.example.com/login',
      'snmp-server enable traps snmp authentication linkup',
      // Abbreviations reach no further than a secret keyword can be cut: these are not secrets. Names
      // and words that are, or end in, a cut keyword (a review found each masked, and a plan then left
      // the line out of a copied profile).
      'tunnel-group VPN-PRE type remote-access',
      'group-policy GP-PRE attributes',
      'access-list ACL-PASS extended permit ip any any',
      ' group-alias Pre enable',
      ' authentication-server-group ISE-PRE LOCAL',
      ' banner value PRE PRODUCTION: authorised use only',
      'description pre production pass through',
      'description token: rotation',
      ' group-alias K enable',
      'name 10.1.1.1 ISA-K description isakmp host',
      ' ospf authentication message-digest',
      'crypto isakmp keepalive 10',
      ' password-storage enable',
      'username bob nopassword',
      ' pre-fill-username ssl-client',
      ' keepalive 10',
      ' ldap-login-dn cn=svc,dc=example,dc=com',
      ' enrollment url http://ca.example.com/certsrv/mscep',
    ]) {
      expect(redactLine(line)).toBe(line);
    }
  });

  it('masks every secret-bearing line of real corpus configs', () => {
    const secrets = [
      ['dlandberg-asa5505-84.cfg', 'uIExjWDQQO4qrbhe'],
      ['wosm-asa84-ikev1-ra.cfg', 'SxYXLtULZ5hPDb07'],
      ['kolhe-context-tcs-91.cfg', '8Ry2YjIyt7RRXU24'],
      ['ciscoconfparse-sample01-asa90.cfg', 'dXRTaA5wrZ3OL8gz'],
    ] as const;
    for (const [file, secret] of secrets) {
      const text = readFileSync(corpus(file), 'utf8');
      expect(text).toContain(secret);
      const redacted = text.split('\n').map(redactLine).join('\n');
      expect(redacted, file).not.toContain(secret);
    }
    const demo = readFileSync(fixture('demo/demo-headend.cfg'), 'utf8').split('\n').map(redactLine).join('\n');
    for (const s of ['Rad1usS3cret!', 'Publ1cC0mmunity', 'Sup3rS3cretPSK', 'ZmFrZWhhc2hmYWtlaGFzaA']) expect(demo).not.toContain(s);
  });
});
