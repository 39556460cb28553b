// What the per-app rules share, whether per-app VPN comes from a group-policy or a DAP record.
import { decodePerAppPolicy } from '../model/perapp.js';

/** The first ASA release with per-app VPN [guide]. */
export const PERAPP_MINIMUM_ASA = '9.3(1)';

/** `PerApp`, `per-app`, `per_app`: spellings an admin might type for the one the client understands. */
export function looksLikePerapp(type: string): boolean {
  return type !== 'perapp' && type.toLowerCase().replace(/[-_]/g, '') === 'perapp';
}

/**
 * Whether a per-app value's decoded policy names iOS without the all-apps rule `*.*` (the guide wants
 * all apps on iOS, chosen by the MDM). The decoded format is not documented: a value that does not
 * decode is not judged [inferred].
 */
export function iosPolicyNotAllApps(value: string): boolean {
  const decoded = decodePerAppPolicy(value);
  return !('error' in decoded) && /\bios\b|apple/i.test(decoded.text) && !decoded.text.includes('*.*');
}
