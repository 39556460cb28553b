// Notes on side files a check needed and did not get: the same words in every human format.

import type { AuditDap } from '../audit/result.js';

/** Why the DAP checks did not run, and what to give (null when dap.xml was read, or there is no DAP record). */
export function dapNotChecked(dap: AuditDap | null): string | null {
  if (dap === null || dap.status === 'read' || dap.status === 'malformed') return null;
  const records = `DAP record${dap.records.length === 1 ? '' : 's'} ${dap.records.join(', ')}`;
  const why = dap.status === 'missing' ? 'not found' : 'not looked for: no folder or backup holds it';
  return `${records} not checked: dap.xml (the records' criteria) was ${why}; give --dap FILE (\`more disk0:/dap.xml\` on the device)`;
}
