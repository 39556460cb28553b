// Which backup tool or capture style produced a file. Completeness rules differ per wrapper.

import { LineKind } from './line-kinds.js';

export type WrapperKind = 'raw' | 'rancid' | 'oxidized' | 'session-capture';

const OXIDIZED_SHOW_VERSION = /^! ?Cisco Adaptive Security Appliance Software Version/;
const OXIDIZED_SEPARATOR = /^-{5,}=+ \[ CONTEXT /;

export function detectWrapper(lines: string[], kinds: Uint8Array): WrapperKind {
  const firstText = lines.findIndex((l, i) => kinds[i] !== LineKind.Blank && l.trim() !== '');
  if (firstText !== -1 && lines[firstText]!.startsWith('!RANCID-CONTENT-TYPE:')) return 'rancid';
  // Oxidized puts `show version` as `! ` comments above the configuration.
  const head = Math.min(lines.length, 200);
  for (let i = 0; i < head; i++) {
    const k = kinds[i];
    if (k === LineKind.Command) break;
    if (k === LineKind.BangComment && OXIDIZED_SHOW_VERSION.test(lines[i]!)) return 'oxidized';
  }
  for (let i = 0; i < lines.length; i++) {
    if (kinds[i] === LineKind.ContextSeparator && OXIDIZED_SEPARATOR.test(lines[i]!)) return 'oxidized';
  }
  for (let i = 0; i < lines.length; i++) if (kinds[i] === LineKind.Prompt) return 'session-capture';
  return 'raw';
}
