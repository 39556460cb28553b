import type { RuleTests } from '../rule-tester.js';
import { embedXml, mobile } from './_kit.js';

const dapXml = (attrs: Array<[string, string]>): string =>
  [
    '<dapRecordList>',
    '<dapRecord>',
    '<dapName><value>MOBILE-DEVICES</value></dapName>',
    '<dapViewsRelation><value>and</value></dapViewsRelation>',
    '<dapBasicView>',
    '<dapSelection>',
    '<dapPolicy><value>match-any</value></dapPolicy>',
    ...attrs.map(([n, v]) => `<attr><name>${n}</name><value>${v}</value><operation>EQ</operation></attr>`),
    '</dapSelection>',
    '</dapBasicView>',
    '</dapRecord>',
    '</dapRecordList>',
  ].join('\n');
const config = (attrs: Array<[string, string]>, record = 'MOBILE-DEVICES', action = 'continue'): string =>
  `${mobile()}\ndynamic-access-policy-record ${record}\n action ${action}\ndynamic-access-policy-record DfltAccessPolicy\n${embedXml('disk0:/dap.xml', dapXml(attrs))}`;
const OLD_ID = '0123456789abcdef0123456789abcdef01234567';

export default {
  valid: [
    { name: 'a record that terminates desktops only', config: config([['endpoint.anyconnect.platform', 'win']], 'MOBILE-DEVICES', 'terminate') },
    {
      name: 'platform apple-ios and a 64-hex device ID',
      config: config([
        ['endpoint.anyconnect.platform', 'apple-ios'],
        ['endpoint.anyconnect.deviceuniqueid', 'a'.repeat(64)],
      ]),
    },
    {
      name: 'no DAP record of its own: dap.xml is not read',
      config: `${mobile()}\n${embedXml('disk0:/dap.xml', dapXml([['endpoint.anyconnect.platform', 'iOS']]))}`,
    },
  ],
  invalid: [
    {
      name: 'a dap.xml that is not readable XML: said, and no criterion is judged',
      config: `${mobile()}\ndynamic-access-policy-record MOBILE-DEVICES\n action continue\ndynamic-access-policy-record DfltAccessPolicy\n${embedXml('disk0:/dap.xml', '<dapRecordList>\n<dapRecord>\n<dapName><value>MOBILE-DEVICES')}`,
      findings: [
        {
          profile: null,
          severity: 'warning',
          at: '! <dapRecordList>',
          messageId: 'unreadable',
          data: { records: 'MOBILE-DEVICES' },
          object: 'dap.xml',
          fix: null,
        },
      ],
    },
    {
      name: 'a record that terminates iOS sessions',
      config: config([['endpoint.anyconnect.platform', 'apple-ios']], 'MOBILE-DEVICES', 'terminate'),
      findings: [
        {
          profile: null,
          at: ' action terminate',
          severity: 'warning',
          messageId: 'terminates',
          data: { record: 'MOBILE-DEVICES', platform: 'apple-ios' },
          object: 'MOBILE-DEVICES terminate',
          fix: null,
        },
      ],
    },
    {
      name: 'a legacy 40-hex device ID and a platform name AnyConnect never reports',
      config: config([
        ['endpoint.anyconnect.deviceuniqueid', OLD_ID],
        ['endpoint.anyconnect.platform', 'iOS'],
      ]),
      findings: [
        {
          profile: null,
          at: `! <attr><name>endpoint.anyconnect.deviceuniqueid</name><value>${OLD_ID}</value><operation>EQ</operation></attr>`,
          severity: 'warning',
          messageId: 'legacyDeviceId',
          fix: null,
        },
        {
          profile: null,
          at: '! <attr><name>endpoint.anyconnect.platform</name><value>iOS</value><operation>EQ</operation></attr>',
          severity: 'warning',
          messageId: 'platform',
          data: { value: 'iOS' },
          fix: null,
        },
      ],
    },
  ],
} satisfies RuleTests;
