// The per-app VPN policy a `anyconnect-custom-data perapp` value carries: base64 of a zlib stream that
// Cisco's Application Selector writes [guide for the tool; the encoding seen in real values, `eJy...`].
// Its inner format is not documented, so callers get the text and look for what they need [inferred].

import { inflateSync } from 'node:zlib';

/** Longest decoded policy read: a real one is a few kilobytes; anything far larger is not one. */
const MAX_DECODED_BYTES = 1 << 20;

export type DecodedPerApp = { text: string } | { error: string };

/** Decoded values by text: many profiles share one value, and a failed inflate is costly (it throws). */
const DECODED = new Map<string, DecodedPerApp>();

export function decodePerAppPolicy(value: string): DecodedPerApp {
  let decoded = DECODED.get(value);
  if (decoded === undefined) {
    decoded = decode(value);
    // Bounded: a fleet run sees few distinct values; never let a hostile config grow this without end.
    if (DECODED.size > 10_000) DECODED.clear();
    DECODED.set(value, decoded);
  }
  return decoded;
}

function decode(value: string): DecodedPerApp {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(compact) || compact.length % 4 !== 0) return { error: 'not base64' };
  let inflated: Buffer;
  try {
    inflated = inflateSync(Buffer.from(compact, 'base64'), { maxOutputLength: MAX_DECODED_BYTES });
  } catch {
    return { error: 'base64, but not a zlib stream (or larger than 1 MB)' };
  }
  return { text: inflated.toString('utf8') };
}
