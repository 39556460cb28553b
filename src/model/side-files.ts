// Joins the side files of a configuration to its model: the XML behind every `anyconnect profiles
// NAME PATH` line, and dap.xml when the config has DAP records of its own. Each keeps where its lines
// are (its own file, or the config's lines in an Oxidized backup), so findings point at them.

import type { SideFile, SideFileSource } from '../input/side-files.js';
import { parseXml } from '../parse/xml.js';
import { readClientProfile } from './client-profile.js';
import { readDapXml } from './dap-xml.js';
import type { ClientProfileFile, DeviceModel, SideFileOrigin } from './types.js';

export function attachSideFiles(model: DeviceModel, source: SideFileSource): void {
  const files: ClientProfileFile[] = [];
  let foundAny = false;
  for (const def of model.global.webvpn?.clientProfiles ?? []) {
    const side = source.clientProfile(def.path);
    if (side === null) {
      files.push({ name: def.name, devicePath: def.path, definedLine: def.line, status: 'missing', origin: null, doc: null, problem: null });
      continue;
    }
    foundAny = true;
    const reading = side.unreadable !== undefined ? { ok: false as const, line: null, message: side.unreadable } : readClientProfile(parseXml(side.text));
    files.push({
      name: def.name,
      devicePath: def.path,
      definedLine: def.line,
      status: reading.ok ? 'read' : 'malformed',
      origin: originOf(side),
      doc: reading.ok ? reading.doc : null,
      problem: reading.ok ? null : { line: reading.line, message: reading.message },
    });
  }
  // With nowhere to look (a bare config), a profile nobody looked for is not "missing".
  const searched = source.searched ?? (foundAny ? "the configuration's folder" : null);
  model.sideFilesSearched = searched;
  model.clientProfileFiles = files.map((f) => (f.status === 'missing' && searched === null ? { ...f, status: 'not-searched' } : f));
  if (model.global.dapRecords.some((r) => r.name !== 'DfltAccessPolicy')) {
    const dap = source.dap();
    model.dapSearched = source.dapSearched;
    if (dap !== null) {
      const reading = dap.unreadable !== undefined ? { ok: false as const, line: null, message: dap.unreadable } : readDapXml(parseXml(dap.text));
      model.dapXml = {
        origin: originOf(dap),
        records: reading.ok ? reading.records : null,
        problem: reading.ok ? null : { line: reading.line, message: reading.message },
      };
    }
  }
}

function originOf(side: SideFile): SideFileOrigin {
  return { file: side.file, lineOffset: side.lineOffset, lines: side.text.split(/\r?\n/) };
}
