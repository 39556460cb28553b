import { defineRule } from '../src/engine/types.js';

// Which licence line entitles mobile clients on which release cannot be checked offline [recalled];
// only an explicit `AnyConnect for Mobile : Disabled` is a warning, the rest is reported for review.
export default defineRule({
  id: 'anyconnect-mobile-license',
  severity: 'info',
  title: 'AnyConnect licence lines of show version (mobile needs a mobile-capable licence)',
  rationale: 'The guide: mobile clients fail at login when the headend lacks the proper licences; troubleshooting starts with checking them.',
  basis: 'recalled',
  scope: 'device',
  check({ device, profiles }) {
    const facts = device.model.licenses;
    if (facts === null || facts.lines.length === 0 || profiles.length === 0) return [];
    const where = facts.from === 'show-version' ? 'live `show version`' : 'the `show version` comments of this backup';
    const mobile = facts.lines.find((l) => /^AnyConnect for Mobile$/i.test(l.feature));
    if (mobile && /^disabled\b/i.test(mobile.value)) {
      return [
        {
          message: `${where} says \`AnyConnect for Mobile : ${mobile.value}\`: on releases that license mobile separately (AnyConnect Essentials/Premium licensing), phones are refused at login. Check the licence before a mobile rollout.`,
          line: mobile.line,
          severity: 'warning',
          tunnelGroup: null,
          groupPolicy: null,
          fix: null,
          object: mobile.feature,
        },
      ];
    }
    const summary = facts.lines.map((l) => `${l.feature}: ${l.value}`).join('; ');
    return [
      {
        message: `AnyConnect licences from ${where}: ${summary}. Confirm they cover mobile clients (Plus/Apex, or Secure Client Advantage/Premier); the tool cannot map licence lines to mobile entitlement.`,
        line: facts.lines[0]!.line,
        tunnelGroup: null,
        groupPolicy: null,
        fix: null,
      },
    ];
  },
});
