// Lines the model knows it did not read: indented under a command that takes no sub-commands, or
// behind invisible characters. A configuration holding them is not seen whole, so what is judged of
// it (a plan above all) must say so.

import type { Problem } from '../common/problem.js';
import type { DeviceModel } from './types.js';

const NOT_READ_CODES: ReadonlySet<string> = new Set(['misplaced-line', 'hidden-characters']);

/** Whether a model problem is about a line the model did not read. */
export function isLineNotRead(p: Problem): boolean {
  return NOT_READ_CODES.has(p.code);
}

/** The model's warnings about lines it did not read, in line order. */
export function linesNotRead(model: DeviceModel): Problem[] {
  return model.problems.filter(isLineNotRead);
}
