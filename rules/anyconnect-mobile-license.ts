import { createRule } from '../src/engine/types.js';

// Which licence line entitles mobile clients on which release cannot be checked offline [recalled];
// an explicit `AnyConnect for Mobile : Disabled` is a warning, `Enabled` needs nothing, and without that
// line the AnyConnect licence lines are listed for review.
export default createRule({
  meta: {
    id: 'anyconnect-mobile-license',
    severity: 'info',
    severities: ['info', 'warning'],
    title: 'AnyConnect licence lines of show version (mobile needs a mobile-capable licence)',
    rationale: 'The guide: mobile clients fail at login when the headend lacks the proper licences; troubleshooting starts with checking them.',
    basis: 'recalled',
    scope: 'device',
    messages: {
      mobileDisabled:
        '{{where}} says `AnyConnect for Mobile : {{value}}`: on releases that license mobile separately (AnyConnect Essentials/Premium licensing), phones are refused at login. Check the licence before a mobile rollout.',
      licences:
        'AnyConnect licences from {{where}}: {{summary}}. Confirm they cover mobile clients (Plus/Apex, or Secure Client Advantage/Premier); the tool cannot map licence lines to mobile entitlement.',
    },
  },
  check({ device, report }) {
    const facts = device.model.licenses;
    const first = facts?.lines[0];
    if (!facts || !first) return;
    const where = facts.from === 'show-version' ? 'live `show version`' : 'the `show version` comments of this backup';
    const mobile = facts.lines.find((l) => /^AnyConnect for Mobile$/i.test(l.feature));
    if (mobile && /^disabled\b/i.test(mobile.value)) {
      report.device({ messageId: 'mobileDisabled', data: { where, value: mobile.value }, at: mobile.line, severity: 'warning', object: mobile.feature });
      return;
    }
    if (mobile && /^enabled\b/i.test(mobile.value)) return;
    report.device({ messageId: 'licences', data: { where, summary: facts.lines.map((l) => `${l.feature}: ${l.value}`).join('; ') }, at: first.line });
  },
});
