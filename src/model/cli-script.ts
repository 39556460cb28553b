// ASA configuration-mode scripts as data: steps (the mode to be in, the commands to give there) read
// from indented text and written back with each mode entered once. Plans and rollbacks are both
// rendered here, so what a user pastes always has the same shape: mode lines and indented
// sub-commands, nothing else.

export interface ModeStep {
  /** Mode commands to enter first (`group-policy X attributes`, then ` webvpn`); empty for configuration mode. */
  mode: string[];
  commands: string[];
  /** Must come after everything before it: no later step joins an entry from before the barrier. */
  barrier?: boolean;
}

/** Steps of an indented script: a line followed by deeper-indented lines is a mode. */
export function stepsOf(text: string): ModeStep[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const depth = (l: string): number => l.length - l.trimStart().length;
  const steps: ModeStep[] = [];
  const path: string[] = [];
  lines.forEach((line, i) => {
    const d = Math.min(depth(line), path.length);
    const next = lines[i + 1];
    path.length = d;
    if (next !== undefined && depth(next) > depth(line)) {
      path.push(line.trim());
      return;
    }
    steps.push({ mode: [...path], commands: [line.trim()] });
  });
  return steps;
}

interface Group {
  /** The top-level mode line, or null for a run of configuration-mode commands. */
  top: string | null;
  direct: string[];
  /** Sub-modes (`webvpn` of a group-policy) in first-appearance order. */
  subs: Map<string, string[]>;
}

/**
 * One script from steps. `first`: a mode's later steps join its first entry (a plan: each
 * `group-policy X attributes` entered once; callers order steps so what is referenced comes first).
 * `adjacent`: only consecutive steps share an entry (a rollback, where order across modes matters).
 */
export function renderSteps(steps: readonly ModeStep[], grouping: 'first' | 'adjacent'): string {
  const groups: Group[] = [];
  let open = 0; // groups before this index are closed by a barrier
  // The first open group of each mode (a plan has thousands of steps: no scan per step).
  let firstOf = new Map<string, Group>();
  for (const step of steps) {
    if (step.barrier) {
      open = groups.length;
      firstOf = new Map();
    }
    const top = step.mode[0] ?? null;
    const last = groups.length > open ? groups.at(-1) : undefined;
    let group = top === null ? (last?.top === null ? last : undefined) : grouping === 'first' ? firstOf.get(top) : last?.top === top ? last : undefined;
    if (!group) {
      group = { top, direct: [], subs: new Map() };
      groups.push(group);
      if (top !== null && !firstOf.has(top)) firstOf.set(top, group);
    }
    // Deeper modes than one sub-mode do not occur in what the tool writes; keep them as one path.
    const sub = step.mode.slice(1).join('\n');
    const into = sub === '' ? group.direct : (group.subs.get(sub) ?? group.subs.set(sub, []).get(sub)!);
    for (const c of step.commands) if (group.top === null || !into.includes(c)) into.push(c);
  }
  const out: string[] = [];
  let previous: Group | null = null;
  for (const g of groups) {
    // `webvpn` is also a sub-mode of `group-policy X attributes`, `username X attributes` and DAP records:
    // right after one of those, the ASA would enter *their* webvpn. Leave the mode first (twice when
    // the step ended inside its webvpn, or by entering it).
    if ((g.top ?? g.direct[0]) === 'webvpn' && previous?.top != null && /^(group-policy|username|dynamic-access-policy-record) /.test(previous.top)) {
      const depth = previous.subs.size > 0 ? [...previous.subs.keys()].at(-1)!.split('\n').length + 1 : previous.direct.at(-1) === 'webvpn' ? 2 : 1;
      out.push(...Array.from({ length: depth }, () => 'exit'));
    }
    previous = g;
    if (g.top === null) {
      out.push(...g.direct);
      continue;
    }
    out.push(g.top, ...g.direct.map((c) => ` ${c}`));
    for (const [sub, commands] of g.subs) {
      const path = sub.split('\n');
      path.forEach((m, d) => out.push(`${' '.repeat(d + 1)}${m}`));
      out.push(...commands.map((c) => `${' '.repeat(path.length + 1)}${c}`));
    }
  }
  return out.join('\n');
}
