import { createRule } from '../src/engine/types.js';

export default createRule({
  meta: {
    id: 'scep-fips-incompatible',
    severity: 'info',
    severities: ['info'],
    title: 'A mobile profile offers SCEP enrolment, which phones in FIPS mode cannot use',
    rationale:
      'The guide: a mobile device in FIPS mode cannot use SCEP proxy or legacy SCEP enrolment; certificates must then come from the MDM or be imported by hand.',
    basis: 'guide',
    scope: 'profile',
    messages: {
      scep: '{{profile}} enables SCEP enrolment (line {{line}}): phones with FIPS mode on cannot enrol this way. If the fleet uses FIPS mode, deliver certificates through the MDM instead.',
    },
  },
  check({ profiles, report }) {
    for (const p of profiles) {
      const scep = p.resolved.tunnelGroup.general.scepEnrollment;
      if (scep.state === 'value') report.profile(p, { messageId: 'scep', data: { profile: p.resolved.name, line: scep.line }, at: scep.line });
    }
  },
});
