// `group-policy NAME internal|external ...` and `group-policy NAME attributes` with its `webvpn`
// sub-mode. Attribute lines are read through the attribute table; repeated blocks merge, later lines win.

import { POLICY_SPECS_BY_FIRST_WORD, emptyPolicyAttributes, type PolicyAttributeSpec } from '../policy-attributes.js';
import { noneSetting, valueSetting, type Setting } from '../setting.js';
import type { GroupPolicy } from '../types.js';
import type { BuildContext, ConfigLine, LineHandler, TopLevelReader } from '../build-context.js';

const ATTRIBUTE_SPECS = POLICY_SPECS_BY_FIRST_WORD.attributes;
const WEBVPN_SPECS = POLICY_SPECS_BY_FIRST_WORD.webvpn;
/** The one sub-mode of `group-policy NAME attributes`. */
const WEBVPN_SUB_MODE: ReadonlySet<string> = new Set(['webvpn']);

export function policyOf(ctx: BuildContext, name: string): GroupPolicy {
  let gp = ctx.model.groupPolicies.get(name);
  if (!gp) {
    gp = {
      name,
      type: null,
      declarationLine: null,
      attributeBlockLines: [],
      webvpnLine: null,
      lines: [],
      unread: [],
      externalServerGroup: null,
      attributes: emptyPolicyAttributes(),
      customAttributes: new Map(),
    };
    ctx.model.groupPolicies.set(name, gp);
  }
  return gp;
}

function applySetting(gp: GroupPolicy, spec: PolicyAttributeSpec, setting: Setting<unknown>): void {
  const attrs = gp.attributes as Record<string, Setting<unknown>>;
  const previous = attrs[spec.key]!;
  if (spec.accumulates && previous.state === 'value' && setting.state === 'value') {
    attrs[spec.key] = { ...setting, value: [...(previous.value as unknown[]), ...(setting.value as unknown[])] };
    return;
  }
  // Later lines win, as when a hand-edited config repeats an attribute.
  attrs[spec.key] = setting;
}

/** A handler that reads attribute lines of one sub-mode through the table. */
function attributeHandler(ctx: BuildContext, gp: GroupPolicy, specs: ReadonlyMap<string, readonly PolicyAttributeSpec[]>): LineHandler {
  return (l) => {
    for (const s of specs.get(l.words[0] ?? '') ?? []) {
      const read = s.read(l.words, l.line);
      if (read === undefined) continue;
      if ('problem' in read) ctx.problem(l.line, 'warning', 'bad-value', `${s.keyword}: ${read.problem}`);
      else applySetting(gp, s, read.setting);
      return true;
    }
    return false;
  };
}

function customAttribute(ctx: BuildContext, gp: GroupPolicy): LineHandler {
  return ({ words, line }) => {
    const type = words[1];
    if (type && words[2] === 'none') gp.customAttributes.set(type, noneSetting(line));
    else if (type && words[2] === 'value' && words[3]) gp.customAttributes.set(type, valueSetting(words[3], line));
    else {
      ctx.problem(line, 'warning', 'bad-syntax', 'expected `anyconnect-custom TYPE value NAME` or `anyconnect-custom TYPE none`');
      return false;
    }
    return true;
  };
}

export const groupPolicyReader: TopLevelReader = {
  words: ['group-policy'],
  read(ctx, l: ConfigLine) {
    const [, name, kind] = l.words;
    if (!name || !kind) {
      ctx.problem(l.line, 'warning', 'bad-syntax', 'group-policy line without a name and keyword');
      return false;
    }
    if (kind === 'internal' || kind === 'external') {
      const gp = policyOf(ctx, name);
      gp.type = kind;
      gp.declarationLine = l.line;
      if (kind === 'external') {
        const sg = l.words.indexOf('server-group');
        gp.externalServerGroup = sg !== -1 ? (l.words[sg + 1] ?? null) : null;
      }
      ctx.linesUnderCommand(l);
      return true;
    }
    if (kind !== 'attributes') return false;
    const gp = policyOf(ctx, name);
    gp.attributeBlockLines.push(l.line);
    const attributes = attributeHandler(ctx, gp, ATTRIBUTE_SPECS);
    const webvpn = attributeHandler(ctx, gp, WEBVPN_SPECS);
    const keep = (c: ConfigLine, mode: 'attributes' | 'webvpn'): void => {
      gp.lines.push({ text: c.text, line: c.line, mode });
    };
    for (const c of ctx.children(l)) {
      if (c.words.length === 1 && c.words[0] === 'webvpn') for (const w of ctx.children(c)) keep(w, 'webvpn');
      else keep(c, 'attributes');
    }
    ctx.strayLines(l, WEBVPN_SUB_MODE);
    // A line no handler reads is kept with its words: diff shows a change to it as it is written.
    const orUnread =
      (handle: LineHandler, mode: 'attributes' | 'webvpn'): LineHandler =>
      (c) => {
        if (handle(c) !== false) return true;
        gp.unread.push({ text: c.text, line: c.line, mode, words: c.words });
        return false;
      };
    ctx.readChildren(l, {
      'anyconnect-custom': customAttribute(ctx, gp),
      webvpn: (sub) => {
        if (sub.words.length !== 1) return false;
        gp.webvpnLine = sub.line;
        ctx.readChildren(sub, { '*': orUnread(webvpn, 'webvpn') });
        return true;
      },
      '*': orUnread(attributes, 'attributes'),
    });
    return true;
  },
};
