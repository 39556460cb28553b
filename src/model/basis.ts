// How well a fact the tool relies on is founded (docs/assumptions.md): stated by the mobile guide,
// read in a Cisco command reference, seen in real output, reasoned, or recalled without a source.
export type Basis = 'guide' | 'cmd-ref' | 'src' | 'inferred' | 'recalled';

/** A built-in value of the ASA: what applies when no configuration layer sets it. */
export interface BuiltInDefault<T> {
  /** null means the built-in state is `none` (off / empty). */
  value: T | null;
  basis: Basis;
  note?: string;
}
