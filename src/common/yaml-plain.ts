// A parsed YAML document as plain data. The yaml library refuses documents whose aliases would
// expand without bound (a "billion laughs" file); that is the file's fault, so it becomes the
// caller's file error (exit 2, naming the file), not an internal error.
import type { Document } from 'yaml';

export function toPlain(doc: Document, file: string, fileError: (file: string, message: string) => Error): unknown {
  try {
    return doc.toJS({ maxAliasCount: 1000 });
  } catch (err) {
    if (err instanceof ReferenceError || (err instanceof Error && /alias/i.test(err.message)))
      throw fileError(file, `YAML aliases expand too far (${err.message.replace(/\.$/, '')}); refusing to read it`);
    throw err;
  }
}
