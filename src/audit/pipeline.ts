// The one-way flow from a file to resolved devices: text → parse tree → model → resolved policy.
// Commands and library users start here.

import { loadConfigFile, parseConfigInput, type Evidence } from '../input/load.js';
import { buildModel, type BuildOptions } from '../model/build.js';
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
}

export function analyseParsed(parsed: ParsedConfig, options: BuildOptions = {}): AnalysedTarget[] {
  return parsed.sections.map((section, sectionIndex) => {
    const model = buildModel(parsed, section, options);
    return { parsed, sectionIndex, model, resolved: resolveDevice(model), summary: summariseTarget(parsed, model, sectionIndex) };
  });
}

export function analyseFile(path: string, evidence: Evidence = 'lenient', maxBytes?: number): AnalysedTarget[] {
  return analyseParsed(loadConfigFile(path, evidence, maxBytes));
}

export function analyseBytes(bytes: Uint8Array, source: string, options: BuildOptions = {}): AnalysedTarget[] {
  return analyseParsed(parseConfigInput(bytes, source), options);
}
