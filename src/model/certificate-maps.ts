// The certificate maps that land clients on a connection profile: the SSL `certificate-group-map`
// rules (under webvpn), the IPsec `tunnel-group-map` rules and the `tunnel-group-map default-group`.
// A plan that recreates a profile points them at the copy; a diff shows them as a way in.

import type { DeviceModel } from './types.js';

export interface CertificateMapEntry {
  /** The command as written, without the profile name at its end (`tunnel-group-map CERTS 10`). */
  command: string;
  /** Entered under the global `webvpn` (the SSL maps). */
  inWebvpn: boolean;
  line: number;
}

/** The certificate maps that name `tunnelGroup`, SSL ones first, in configuration order. */
export function certificateMapsTo(model: DeviceModel, tunnelGroup: string): CertificateMapEntry[] {
  const g = model.global;
  const seq = (m: { sequence: number | null }): string => (m.sequence === null ? '' : ` ${m.sequence}`);
  return [
    ...(g.webvpn?.certificateGroupMaps ?? [])
      .filter((m) => m.tunnelGroup === tunnelGroup)
      .map((m) => ({ command: `certificate-group-map ${m.map}${seq(m)}`, inWebvpn: true, line: m.line })),
    ...g.tunnelGroupMaps
      .filter((m) => m.tunnelGroup === tunnelGroup)
      .map((m) => ({ command: `tunnel-group-map ${m.map}${seq(m)}`, inWebvpn: false, line: m.line })),
    ...(g.tunnelGroupMapDefault?.tunnelGroup === tunnelGroup
      ? [{ command: 'tunnel-group-map default-group', inWebvpn: false, line: g.tunnelGroupMapDefault.line }]
      : []),
  ];
}
