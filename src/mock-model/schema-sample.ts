/**
 * A minimal value that satisfies a JSON schema, for requests that ask for
 * structured output (claude's session-title helper asks for `{ title }`).
 */
type Schema = Record<string, unknown>;

function asSchema(value: unknown): Schema {
  return value !== null && typeof value === 'object' ? (value as Schema) : {};
}

function sampleObject(schema: Schema, depth: number): Record<string, unknown> {
  const properties = asSchema(schema['properties']);
  const required = Array.isArray(schema['required']) ? schema['required'] : Object.keys(properties);
  const out: Record<string, unknown> = {};
  for (const key of required) {
    if (typeof key === 'string') out[key] = sampleFromSchema(properties[key], depth + 1);
  }
  return out;
}

export function sampleFromSchema(value: unknown, depth = 0): unknown {
  const schema = asSchema(value);
  if (depth > 8) return null;
  if ('const' in schema) return schema['const'];
  if (Array.isArray(schema['enum'])) return schema['enum'][0] ?? null;
  const choices = schema['anyOf'] ?? schema['oneOf'];
  if (Array.isArray(choices)) return sampleFromSchema(choices[0], depth + 1);
  const type = Array.isArray(schema['type']) ? schema['type'][0] : schema['type'];
  switch (type) {
    case 'object':
      return sampleObject(schema, depth);
    case 'array':
      return [];
    case 'string':
      return 'mock';
    case 'number':
    case 'integer':
      return 0;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return 'properties' in schema ? sampleObject(schema, depth) : null;
  }
}
