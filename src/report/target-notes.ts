// Notes on one audited configuration that every human format gives in the same words: side files a
// check needed and did not get, and profiles picked with --profile that are not mobile-facing.

import { basename } from 'node:path';
import type { AuditDap, AuditTarget } from '../audit/result.js';
import { NOT_SELECTED_REASON } from '../engine/engine.js';
import { profilesFolderOf } from '../input/side-files.js';

/** Why the DAP checks did not run, and what to give (null when dap.xml was read, or there is no DAP record). */
export function dapNotChecked(dap: AuditDap | null): string | null {
  if (dap === null || dap.status === 'read' || dap.status === 'malformed') return null;
  const records = `DAP record${dap.records.length === 1 ? '' : 's'} ${dap.records.join(', ')}`;
  const why =
    dap.status === 'missing' && dap.searched !== null ? `not found (looked ${dap.searched})` : 'not looked for (the configuration came with no folder)';
  return `${records} not checked: dap.xml (the records' criteria) was ${why}; give --dap FILE (\`more disk0:/dap.xml\` on the device)`;
}

/** Pushed client profiles whose XML nobody looked for: their checks did not run (null: none). */
export function clientProfilesNotChecked(t: AuditTarget): string | null {
  const unchecked = t.clientProfiles.filter((c) => c.status === 'not-searched' && c.assignedTo.length > 0);
  if (unchecked.length === 0) return null;
  // (Every place looked in: NAME.profiles/ is where --save puts them. Standard input has no folder.)
  const source = t.summary.source;
  const where = source.startsWith('<')
    ? 'the configuration came with no folder to look in'
    : `no XML in ${basename(profilesFolderOf(source))}/, beside the configuration or in its profiles/ folder`;
  return `client profile ${unchecked.map((c) => c.file).join(', ')} not checked: ${where}; give --client-profiles DIR`;
}

/** Profiles picked with --profile that turned out not to be mobile-facing, each with why (empty without --profile). */
export function pickedNotMobile(t: AuditTarget): string[] {
  if (!t.skippedProfiles.some((s) => s.reason.includes(NOT_SELECTED_REASON))) return [];
  return t.skippedProfiles.filter((s) => !s.reason.includes(NOT_SELECTED_REASON)).map((s) => `${s.tunnelGroup} is not mobile-facing: ${s.reason}.`);
}
