// The one-way flow from a file to resolved devices: text → parse tree → model → resolved policy.
// Commands and library users start here.

import { loadConfigFile, parseConfigInput, type Evidence } from '../input/load.js';
import { embeddedSideFiles, folderSideFiles, type SideFileOptions, type SideFileSource } from '../input/side-files.js';
import { buildModel, type BuildOptions } from '../model/build.js';
import { attachSideFiles } from '../model/side-files.js';
import type { DeviceModel } from '../model/types.js';
import type { ParsedConfig } from '../parse/parse.js';
import { summariseTarget, type TargetSummary } from '../model/summary.js';
import { resolveDevice, type ResolvedDevice } from '../resolve/resolve.js';

export interface AnalysedTarget {
  parsed: ParsedConfig;
  sectionIndex: number;
  model: DeviceModel;
  resolved: ResolvedDevice;
  summary: TargetSummary;
  /** Where its client profiles and dap.xml came from: a changed copy of the config (plan, what-if) reads the same. */
  sideFiles: SideFileSource;
}

/**
 * `sideFiles`: where the client profiles and dap.xml come from; by default only what the text itself
 * carries (an Oxidized backup appends them).
 */
export function analyseParsed(parsed: ParsedConfig, options: BuildOptions = {}, sideFiles?: SideFileSource): AnalysedTarget[] {
  const source = sideFiles ?? folderSideFiles(null, embeddedSideFiles(parsed.lines, parsed.source));
  return parsed.sections.map((section, sectionIndex) => {
    const model = buildModel(parsed, section, options);
    attachSideFiles(model, source);
    return { parsed, sectionIndex, model, resolved: resolveDevice(model), summary: summariseTarget(parsed, model, sectionIndex), sideFiles: source };
  });
}

/** A configuration file, with its side files from beside it, from the backup, or from `sideOptions`. */
export function analyseFile(path: string, evidence: Evidence = 'lenient', maxBytes?: number, sideOptions: SideFileOptions = {}): AnalysedTarget[] {
  const parsed = loadConfigFile(path, evidence, maxBytes);
  return analyseParsed(parsed, {}, folderSideFiles(path, embeddedSideFiles(parsed.lines, path), sideOptions));
}

/** `evidence`: how much a file must show to be read as an ASA configuration (found by listing: strong). */
export function analyseBytes(
  bytes: Uint8Array,
  source: string,
  options: BuildOptions = {},
  sideFiles?: SideFileSource,
  evidence: Evidence = 'lenient',
): AnalysedTarget[] {
  return analyseParsed(parseConfigInput(bytes, source, evidence), options, sideFiles);
}
