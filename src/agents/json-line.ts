/** One line of an agent's JSON-lines stream: the object, or null for anything else. */
export type JsonEvent = Record<string, unknown> & { type?: unknown };

export function parseJsonLine(line: Buffer): JsonEvent | null {
  // Skip the JSON parser for lines that cannot be an object: floods of text stay cheap.
  let first = 0;
  while (first < line.length && (line[first] === 0x20 || line[first] === 0x09)) first++;
  if (line[first] !== 0x7b) return null;
  try {
    const value: unknown = JSON.parse(line.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as JsonEvent)
      : null;
  } catch {
    return null;
  }
}

/** Parses each line once, though `line()` and `display()` both ask for it. */
export function lineParser(): (line: Buffer) => JsonEvent | null {
  let last: { line: Buffer; event: JsonEvent | null } | null = null;
  return (line) => {
    if (last?.line !== line) last = { line, event: parseJsonLine(line) };
    return last.event;
  };
}

/** A short one-line excerpt of free text. */
export function excerpt(text: string | undefined, max = 200): string {
  if (!text) return '';
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}...` : flat;
}
