// Line tree → vendor model. Reads only the commands it knows; everything else stays in the tree and
// is counted as unmodelled.

import { LineKind } from '../parse/line-kinds.js';
import type { ConfigSection, ParsedConfig } from '../parse/parse.js';
import { tokenize } from '../parse/tokenize.js';
import { POLICY_ATTRIBUTES, ACCUMULATING, emptyPolicyAttributes, type PolicyAttributeSpec } from './policy-attributes.js';
import { noneSetting, valueSetting, UNSET, type Setting } from './setting.js';
import {
  BUILT_IN_TUNNEL_GROUPS,
  DEFAULT_GROUP_POLICY,
  type DeviceModel,
  type GlobalWebvpn,
  type GroupPolicy,
  type ModelProblem,
  type TunnelGroup,
  type TunnelGroupType,
} from './types.js';
import { parseAsaVersion } from './version.js';
import { readLicenseLine, type LicenseLine } from './licenses.js';

const VERSION_LINE = /^(?::\s*)?(?:ASA|PIX|FWSM Firewall) Version (\S+)(?:\s+<(\w+)>)?/;

/** Builds one model per section of the parsed file (one, except for multi-context backups). */
export function buildModels(parsed: ParsedConfig): DeviceModel[] {
  return parsed.sections.map((section) => buildModel(parsed, section));
}

export function buildModel(parsed: ParsedConfig, section: ConfigSection = parsed.sections[0]!): DeviceModel {
  return new ModelBuilder(parsed, section).build();
}

class ModelBuilder {
  private readonly model: DeviceModel;
  private modelled = 0;

  constructor(
    private readonly parsed: ParsedConfig,
    private readonly section: ConfigSection,
  ) {
    this.model = {
      source: parsed.source,
      contextName: section.contextName,
      hostname: UNSET,
      version: null,
      versionLine: null,
      space: 'single',
      firewallMode: UNSET,
      domainName: UNSET,
      groupPolicies: new Map(),
      tunnelGroups: new Map(),
      global: {
        natTraversal: UNSET,
        ikev2Enable: [],
        ikev2RemoteAccessTrustpoint: UNSET,
        sslTrustPoints: [],
        sslEncryption: UNSET,
        ntpServers: [],
        dapRecords: [],
        webvpn: null,
        customData: new Map(),
      },
      users: new Map(),
      contexts: [],
      licenses: null,
      problems: [],
      stats: { commandLines: 0, modelledLines: 0 },
    };
  }

  build(): DeviceModel {
    this.readVersion();
    this.readLicenseComments();
    for (const index of this.section.topLevel) this.readTopLevel(index);
    this.checkReferences();
    let commands = 0;
    for (let i = this.section.start; i < this.section.end; i++) if (this.parsed.kinds[i] === LineKind.Command) commands++;
    this.model.stats = { commandLines: commands, modelledLines: this.modelled };
    this.model.problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return this.model;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private text(index: number): string {
    return this.parsed.lines[index]!.trim();
  }

  private children(index: number): number[] {
    const out: number[] = [];
    const { kinds, parentOf, blockEnd } = this.parsed;
    const end = blockEnd[index]!;
    for (let i = index + 1; i < end; i++) if (kinds[i] === LineKind.Command && parentOf[i] === index) out.push(i);
    return out;
  }

  private problem(line: number | null, severity: ModelProblem['severity'], code: string, message: string): void {
    this.model.problems.push({ line, severity, code, message });
  }

  // ---- top level -----------------------------------------------------------------------------

  /** Oxidized and RANCID keep `show version` as `!` comments above the first command. */
  private readLicenseComments(): void {
    const { lines, kinds } = this.parsed;
    const found: LicenseLine[] = [];
    for (let i = this.section.start; i < this.section.end && kinds[i] !== LineKind.Command; i++) {
      if (kinds[i] !== LineKind.BangComment) continue;
      const l = readLicenseLine(lines[i]!, i + 1);
      if (l) found.push(l);
    }
    if (found.length > 0) this.model.licenses = { from: 'backup-comments', lines: found };
  }

  private readVersion(): void {
    const { lines, kinds } = this.parsed;
    for (let i = this.section.start; i < this.section.end; i++) {
      const k = kinds[i];
      if (k !== LineKind.Command && k !== LineKind.ColonComment) continue;
      if (k === LineKind.Command && this.parsed.depth[i] !== 0) continue;
      const m = VERSION_LINE.exec(lines[i]!);
      if (!m) continue;
      this.model.version = parseAsaVersion(m[1]!);
      this.model.versionLine = i + 1;
      if (m[2] === 'context') this.model.space = 'context';
      if (m[2] === 'system') this.model.space = 'system';
      if (k === LineKind.Command) this.modelled++;
      return;
    }
  }

  private readTopLevel(index: number): void {
    // Most top-level lines (access-lists, objects, NAT) are not modelled: decide from the first
    // word without allocating, and only then trim and tokenise.
    const raw = this.parsed.lines[index]!;
    const first = firstWordIfModelled(raw);
    if (first === null) return;
    const text = raw.trim();
    const line = index + 1;
    switch (first) {
      case 'hostname':
        return this.simpleGlobal(index, (w) => (this.model.hostname = valueSetting(w[1] ?? '', line)));
      case 'domain-name':
        return this.simpleGlobal(index, (w) => (this.model.domainName = valueSetting(w[1] ?? '', line)));
      case 'firewall':
        return this.simpleGlobal(index, (w) => {
          if (w[1] === 'transparent') this.model.firewallMode = valueSetting('transparent', line);
        });
      case 'group-policy':
        return this.readGroupPolicy(index, tokenize(text));
      case 'tunnel-group':
        return this.readTunnelGroup(index, tokenize(text));
      case 'webvpn':
        return this.readGlobalWebvpn(index);
      case 'crypto':
      case 'no':
        return this.readCrypto(index, tokenize(text));
      case 'anyconnect-custom-data':
        return this.readCustomData(index, tokenize(text));
      case 'username':
        return this.readUsername(index, tokenize(text));
      case 'ssl':
        return this.readSsl(index, tokenize(text));
      case 'ntp':
        return this.simpleGlobal(index, (w) => {
          if (w[1] === 'server' && w[2]) this.model.global.ntpServers.push({ address: w[2], line });
        });
      case 'dynamic-access-policy-record':
        return this.simpleGlobal(index, (w) => this.model.global.dapRecords.push({ name: w.slice(1).join(' '), line }));
      case 'context':
        return this.readContext(index, tokenize(text));
      default:
        return;
    }
  }

  private simpleGlobal(index: number, apply: (words: string[]) => void): void {
    apply(tokenize(this.text(index)));
    this.modelled++;
  }

  // ---- group-policy --------------------------------------------------------------------------

  private policy(name: string): GroupPolicy {
    let gp = this.model.groupPolicies.get(name);
    if (!gp) {
      gp = {
        name,
        type: null,
        declarationLine: null,
        attributeBlockLines: [],
        webvpnLine: null,
        externalServerGroup: null,
        attributes: emptyPolicyAttributes(),
        customAttributes: new Map(),
      };
      this.model.groupPolicies.set(name, gp);
    }
    return gp;
  }

  private readGroupPolicy(index: number, words: string[]): void {
    const line = index + 1;
    const name = words[1];
    const kind = words[2];
    if (!name || !kind) {
      this.problem(line, 'warning', 'bad-syntax', 'group-policy line without a name and keyword');
      return;
    }
    this.modelled++;
    const gp = this.policy(name);
    if (kind === 'internal' || kind === 'external') {
      gp.type = kind;
      gp.declarationLine = line;
      if (kind === 'external') {
        const sg = words.indexOf('server-group');
        gp.externalServerGroup = sg !== -1 ? (words[sg + 1] ?? null) : null;
      }
      return;
    }
    if (kind !== 'attributes') {
      this.modelled--;
      return;
    }
    gp.attributeBlockLines.push(line);
    for (const child of this.children(index)) {
      const childWords = tokenize(this.text(child));
      if (childWords[0] === 'webvpn' && childWords.length === 1) {
        gp.webvpnLine = child + 1;
        this.modelled++;
        for (const sub of this.children(child)) this.readPolicyLine(gp, sub, 'webvpn');
        continue;
      }
      this.readPolicyLine(gp, child, 'attributes', childWords);
    }
  }

  private readPolicyLine(gp: GroupPolicy, index: number, mode: 'attributes' | 'webvpn', words = tokenize(this.text(index))): void {
    const line = index + 1;
    if (mode === 'attributes' && words[0] === 'anyconnect-custom') {
      const type = words[1];
      if (type && words[2] === 'none') gp.customAttributes.set(type, noneSetting(line));
      else if (type && words[2] === 'value' && words[3]) gp.customAttributes.set(type, valueSetting(words[3], line));
      else return this.problem(line, 'warning', 'bad-syntax', 'expected `anyconnect-custom TYPE value NAME` or `anyconnect-custom TYPE none`');
      this.modelled++;
      return;
    }
    for (const spec of POLICY_ATTRIBUTES) {
      if (spec.mode !== mode) continue;
      const read = spec.read(words, line);
      if (read === undefined) continue;
      this.modelled++;
      if ('problem' in read) {
        this.problem(line, 'warning', 'bad-value', `${spec.setting}: ${read.problem}`);
        return;
      }
      this.applyPolicySetting(gp, spec, read.setting);
      return;
    }
  }

  private applyPolicySetting(gp: GroupPolicy, spec: PolicyAttributeSpec, setting: Setting<unknown>): void {
    const attrs = gp.attributes as Record<string, Setting<unknown>>;
    const previous = attrs[spec.key]!;
    if (ACCUMULATING.has(spec.key) && previous.state === 'value' && setting.state === 'value') {
      attrs[spec.key] = { ...setting, value: [...(previous.value as unknown[]), ...(setting.value as unknown[])] };
      return;
    }
    // Later lines win, as when a hand-edited config repeats an attribute.
    attrs[spec.key] = setting;
  }

  // ---- tunnel-group --------------------------------------------------------------------------

  private tunnelGroup(name: string, line: number): TunnelGroup {
    let tg = this.model.tunnelGroups.get(name);
    if (!tg) {
      tg = newTunnelGroup(name, line);
      this.model.tunnelGroups.set(name, tg);
    }
    return tg;
  }

  private readTunnelGroup(index: number, words: string[]): void {
    const line = index + 1;
    const name = words[1];
    const kind = words[2];
    if (!name || !kind) {
      this.problem(line, 'warning', 'bad-syntax', 'tunnel-group line without a name and keyword');
      return;
    }
    const tg = this.tunnelGroup(name, line);
    this.modelled++;
    switch (kind) {
      case 'type': {
        const type = words[3] as TunnelGroupType | undefined;
        if (type === 'remote-access' || type === 'ipsec-l2l' || type === 'ipsec-ra' || type === 'webvpn') {
          tg.type = type;
          tg.typeLine = line;
        } else {
          this.problem(line, 'warning', 'bad-value', `unknown tunnel-group type \`${words[3] ?? ''}\``);
        }
        return;
      }
      case 'general-attributes':
        tg.general.line ??= line;
        for (const child of this.children(index)) this.readTunnelGroupGeneral(tg, child);
        return;
      case 'webvpn-attributes':
        tg.webvpn.line ??= line;
        for (const child of this.children(index)) this.readTunnelGroupWebvpn(tg, child);
        return;
      case 'ipsec-attributes':
        tg.ipsec.line ??= line;
        for (const child of this.children(index)) {
          const w = tokenize(this.text(child));
          if (w[0] === 'ikev2' && w[1] === 'remote-authentication' && w[2]) {
            // Keep the method only; a pre-shared key that may follow is a secret.
            tg.ipsec.ikev2RemoteAuthentication.push({ method: w[2] === 'eap' ? `eap ${w[3] ?? ''}`.trim() : w[2], line: child + 1 });
            this.modelled++;
          }
        }
        return;
      default:
        // ppp-attributes and others are kept in the tree, not modelled.
        return;
    }
  }

  private readTunnelGroupGeneral(tg: TunnelGroup, index: number): void {
    const line = index + 1;
    const w = withoutInterfaceTag(tokenize(this.text(index)));
    const value = w[1];
    switch (w[0]) {
      case 'default-group-policy':
        if (value) tg.general.defaultGroupPolicy = valueSetting(value, line);
        break;
      case 'address-pool':
        for (const pool of w.slice(1)) tg.general.addressPools.push({ name: pool, line });
        break;
      case 'authentication-server-group':
        if (value) tg.general.authenticationServerGroup = valueSetting(w.slice(1).join(' '), line);
        break;
      case 'secondary-authentication-server-group':
        if (value) tg.general.secondaryAuthenticationServerGroup = valueSetting(w.slice(1).join(' '), line);
        break;
      default:
        return;
    }
    this.modelled++;
  }

  private readTunnelGroupWebvpn(tg: TunnelGroup, index: number): void {
    const line = index + 1;
    const w = tokenize(this.text(index));
    switch (w[0]) {
      case 'authentication':
        if (w.length > 1) tg.webvpn.authentication = valueSetting(w.slice(1), line);
        break;
      case 'group-alias':
      case 'group-url': {
        const last = w[w.length - 1];
        const hasFlag = last === 'enable' || last === 'disable';
        const value = (hasFlag ? w.slice(1, -1) : w.slice(1)).join(' ');
        if (!value) return this.problem(line, 'warning', 'bad-syntax', `${w[0]} without a value`);
        const enabled = last !== 'disable';
        if (w[0] === 'group-alias') tg.webvpn.groupAliases.push({ name: value, enabled, line });
        else tg.webvpn.groupUrls.push({ url: value, enabled, line });
        break;
      }
      case 'saml':
        if (w[1] === 'identity-provider' && w[2]) tg.webvpn.samlIdentityProvider = valueSetting(w[2], line);
        break;
      default:
        return;
    }
    this.modelled++;
  }

  // ---- global --------------------------------------------------------------------------------

  private readGlobalWebvpn(index: number): void {
    if (this.text(index) !== 'webvpn') return;
    this.modelled++;
    const wv: GlobalWebvpn = this.model.global.webvpn ?? {
      line: index + 1,
      enabledInterfaces: [],
      anyconnectEnabled: UNSET,
      images: [],
      clientProfiles: [],
      tunnelGroupListEnabled: UNSET,
      customAttributeTypes: [],
      defaultIdleTimeout: UNSET,
    };
    this.model.global.webvpn = wv;
    for (const child of this.children(index)) {
      const line = child + 1;
      const w = tokenize(this.text(child));
      const client = w[0] === 'anyconnect' || w[0] === 'svc';
      const legacy = w[0] === 'svc';
      if (w[0] === 'enable' && w[1]) wv.enabledInterfaces.push({ name: w[1], line });
      else if (client && w[1] === 'enable') wv.anyconnectEnabled = valueSetting(true, line, legacy);
      else if (client && w[1] === 'image' && w[2]) {
        wv.images.push({ path: w[2], order: w[3] && /^\d+$/.test(w[3]) ? Number(w[3]) : null, line, legacy });
      } else if (client && w[1] === 'profiles' && w[2] && w[3]) wv.clientProfiles.push({ name: w[2], path: w[3], line });
      else if (w[0] === 'tunnel-group-list' && w[1] === 'enable') wv.tunnelGroupListEnabled = valueSetting(true, line);
      else if (w[0] === 'anyconnect-custom-attr' && w[1]) {
        const d = w.indexOf('description');
        wv.customAttributeTypes.push({ type: w[1], description: d !== -1 ? w.slice(d + 1).join(' ') : null, line });
      } else if (w[0] === 'default-idle-timeout' && w[1] && /^\d+$/.test(w[1])) {
        wv.defaultIdleTimeout = valueSetting(Number(w[1]), line);
      } else continue;
      this.modelled++;
    }
  }

  private readCrypto(index: number, w: string[]): void {
    const line = index + 1;
    const g = this.model.global;
    if (w[0] === 'no') {
      if (w[1] === 'crypto' && w[2] === 'isakmp' && w[3] === 'nat-traversal') {
        g.natTraversal = noneSetting(line);
        this.modelled++;
      }
      return;
    }
    if (w[1] === 'isakmp' && w[2] === 'nat-traversal') {
      const seconds = w[3];
      if (seconds === undefined) g.natTraversal = valueSetting(20, line);
      else if (/^\d+$/.test(seconds)) g.natTraversal = valueSetting(Number(seconds), line);
      else return this.problem(line, 'warning', 'bad-value', `crypto isakmp nat-traversal: bad keepalive \`${seconds}\``);
      this.modelled++;
      return;
    }
    if (w[1] === 'ikev2' && w[2] === 'enable' && w[3]) {
      const cs = w.indexOf('client-services');
      const portAt = w.indexOf('port');
      const port = cs !== -1 && portAt !== -1 && w[portAt + 1] ? Number(w[portAt + 1]) : null;
      // Re-entering `crypto ikev2 enable IF` replaces the earlier line for that interface.
      g.ikev2Enable = g.ikev2Enable.filter((e) => e.interface !== w[3]);
      g.ikev2Enable.push({ interface: w[3], clientServices: cs !== -1, port: Number.isFinite(port) ? port : null, line });
      this.modelled++;
      return;
    }
    if (w[1] === 'ikev2' && w[2] === 'remote-access' && w[3] === 'trustpoint' && w[4]) {
      g.ikev2RemoteAccessTrustpoint = valueSetting(w[4], line);
      this.modelled++;
    }
  }

  private readCustomData(index: number, w: string[]): void {
    const line = index + 1;
    const [, type, name] = w;
    // The value is everything after TYPE and NAME, kept verbatim (base64 may hold no spaces, but be exact).
    const text = this.text(index);
    const valueStart = type && name ? text.indexOf(name, text.indexOf(type) + type.length) + name.length : -1;
    const value = valueStart > 0 ? text.slice(valueStart).trim() : '';
    if (!type || !name || !value) {
      this.problem(line, 'warning', 'bad-syntax', 'expected `anyconnect-custom-data TYPE NAME VALUE`');
      return;
    }
    this.modelled++;
    const key = `${type} ${name}`;
    const existing = this.model.global.customData.get(key);
    if (existing) {
      existing.value += value;
      existing.lines.push(line);
    } else {
      this.model.global.customData.set(key, { type, name, value, lines: [line] });
    }
  }

  private readUsername(index: number, w: string[]): void {
    const name = w[1];
    if (!name) return;
    const line = index + 1;
    let user = this.model.users.get(name);
    if (!user) {
      user = { name, line, vpnGroupPolicy: UNSET, groupLock: UNSET };
      this.model.users.set(name, user);
    }
    this.modelled++;
    if (w[2] !== 'attributes') return;
    for (const child of this.children(index)) {
      const cw = tokenize(this.text(child));
      if (cw[0] === 'vpn-group-policy' && cw[1]) user.vpnGroupPolicy = valueSetting(cw[1], child + 1);
      else if (cw[0] === 'group-lock' && cw[1] === 'value' && cw[2]) user.groupLock = valueSetting(cw[2], child + 1);
      else if (cw[0] === 'group-lock' && cw[1] === 'none') user.groupLock = noneSetting(child + 1);
      else continue;
      this.modelled++;
    }
  }

  private readSsl(index: number, w: string[]): void {
    const line = index + 1;
    if (w[1] === 'trust-point' && w[2]) {
      this.model.global.sslTrustPoints.push({ trustpoint: w[2], interface: w[3] ?? null, line });
    } else if (w[1] === 'encryption' && w.length > 2) {
      this.model.global.sslEncryption = valueSetting(w.slice(2), line);
    } else return;
    this.modelled++;
  }

  private readContext(index: number, w: string[]): void {
    if (!w[1]) return;
    let configUrl: string | null = null;
    for (const child of this.children(index)) {
      const cw = tokenize(this.text(child));
      if (cw[0] === 'config-url' && cw[1]) configUrl = cw[1];
    }
    this.model.contexts.push({ name: w[1], line: index + 1, configUrl });
    this.model.space = 'system';
    this.modelled++;
  }

  // ---- references ----------------------------------------------------------------------------

  private checkReferences(): void {
    const exists = (name: string): boolean => name === DEFAULT_GROUP_POLICY || this.model.groupPolicies.has(name);
    const hint = (name: string): string => {
      const lower = name.toLowerCase();
      const near = [...this.model.groupPolicies.keys()].find((k) => k.toLowerCase() === lower);
      return near ? ` (names are case-sensitive; did you mean \`${near}\`?)` : '';
    };
    for (const tg of this.model.tunnelGroups.values()) {
      const ref = tg.general.defaultGroupPolicy;
      if (ref.state === 'value' && !exists(ref.value)) {
        this.problem(
          ref.line,
          'warning',
          'undefined-group-policy',
          `tunnel-group ${tg.name}: default-group-policy ${ref.value} is not defined in this configuration${hint(ref.value)}; ` +
            'its attributes are unknown, so DfltGrpPolicy and built-in defaults are assumed',
        );
      }
      if (tg.type === null && !tg.builtIn) {
        this.problem(tg.firstLine, 'warning', 'missing-tunnel-group-type', `tunnel-group ${tg.name} has no \`type\` line`);
      }
    }
    for (const user of this.model.users.values()) {
      const ref = user.vpnGroupPolicy;
      if (ref.state === 'value' && !exists(ref.value)) {
        this.problem(ref.line, 'warning', 'undefined-group-policy', `username ${user.name}: vpn-group-policy ${ref.value} is not defined${hint(ref.value)}`);
      }
    }
    for (const gp of this.model.groupPolicies.values()) {
      if (gp.type === null && gp.name !== DEFAULT_GROUP_POLICY && gp.attributeBlockLines.length > 0) {
        this.problem(
          gp.attributeBlockLines[0]!,
          'warning',
          'undeclared-group-policy',
          `group-policy ${gp.name} has an attributes block but no \`group-policy ${gp.name} internal\` line`,
        );
      }
    }
  }
}

function newTunnelGroup(name: string, line: number | null): TunnelGroup {
  return {
    name,
    type: null,
    typeLine: null,
    builtIn: (BUILT_IN_TUNNEL_GROUPS as readonly string[]).includes(name),
    firstLine: line,
    general: { line: null, defaultGroupPolicy: UNSET, addressPools: [], authenticationServerGroup: UNSET, secondaryAuthenticationServerGroup: UNSET },
    webvpn: { line: null, authentication: UNSET, groupAliases: [], groupUrls: [], samlIdentityProvider: UNSET },
    ipsec: { line: null, ikev2RemoteAuthentication: [] },
  };
}

/** The built-in tunnel-groups exist even when no line mentions them. */
export function builtInTunnelGroup(name: string): TunnelGroup {
  return newTunnelGroup(name, null);
}

/** `address-pool (vpn) vpn_pool` → drop the `(IF)` interface tag. */
function withoutInterfaceTag(words: string[]): string[] {
  return words.filter((w, i) => !(i === 1 && /^\(.*\)$/.test(w)));
}

const MODELLED_FIRST_WORDS: readonly string[] = [
  'hostname',
  'domain-name',
  'firewall',
  'group-policy',
  'tunnel-group',
  'webvpn',
  'crypto',
  'no',
  'anyconnect-custom-data',
  'username',
  'ssl',
  'ntp',
  'dynamic-access-policy-record',
  'context',
];

// Candidates by first character, so most lines are rejected after one lookup.
const BY_FIRST_CHAR = new Map<number, string[]>();
for (const word of MODELLED_FIRST_WORDS) {
  const c = word.charCodeAt(0);
  BY_FIRST_CHAR.set(c, [...(BY_FIRST_CHAR.get(c) ?? []), word]);
}

/** The first word of a top-level line when it is one the model reads; null otherwise. */
function firstWordIfModelled(line: string): string | null {
  const candidates = BY_FIRST_CHAR.get(line.charCodeAt(0));
  if (!candidates) return null;
  for (const word of candidates) {
    if (line.startsWith(word)) {
      const next = line.charCodeAt(word.length);
      if (Number.isNaN(next) || next === 0x20 || next === 0x09) return word;
    }
  }
  return null;
}
