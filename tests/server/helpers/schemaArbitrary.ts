import fc from 'fast-check';
import { z } from 'zod';

// fast-check arbitraries made from the zod schemas of the protocol (through their JSON Schema), so the
// fuzzer follows the protocol as it changes: a new message type or field is generated without touching
// the tests. Refinements a JSON Schema cannot express are left to the caller (filter with the zod schema).

export interface JsonSchema {
  const?: unknown;
  enum?: unknown[];
  type?: string | string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
}

/**
 * Values to mix in for a property of this name (e.g. poll ids the deck has), next to generated ones;
 * `*text` for every free-text string (one without a pattern).
 */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

const INT32 = 2 ** 31 - 1;

function integers(schema: JsonSchema): fc.Arbitrary<number> {
  const min = schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : (schema.minimum ?? -INT32);
  const max = schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : (schema.maximum ?? INT32);
  // fc.integer stays within 32 bits; the bounds themselves (e.g. MAX_SAFE_INTEGER) come as constants.
  const inner = fc.integer({ min: Math.max(min, -INT32), max: Math.min(max, INT32) });
  return fc.oneof({ arbitrary: inner, weight: 4 }, fc.constantFrom(min, max));
}

function strings(schema: JsonSchema, hints: Hints): fc.Arbitrary<unknown> {
  const minLength = schema.minLength ?? 0;
  const maxLength = schema.maxLength ?? 200;
  const fits = (text: string) => text.length >= minLength && text.length <= maxLength;
  if (schema.pattern !== undefined) return fc.stringMatching(new RegExp(schema.pattern)).filter(fits);
  const text = hints['*text'];
  return fc
    .oneof(
      fc.string({ unit: 'grapheme', minLength, maxLength: Math.min(maxLength, 60) }),
      fc.string({ unit: 'binary', minLength, maxLength: Math.min(maxLength, 60) }),
      ...(text ? [text] : []),
    )
    .filter((value) => typeof value === 'string' && fits(value));
}

/** Values that satisfy `schema` (up to refinements); `hints` by property name add chosen values. */
export function arbitraryOf(schema: JsonSchema, hints: Hints = {}): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => arbitraryOf(alternative, hints)));
  if (schema.allOf?.length === 1 && schema.allOf[0]) return arbitraryOf(schema.allOf[0], hints);
  if (Array.isArray(schema.type)) {
    return fc.oneof(...schema.type.map((type) => arbitraryOf({ ...schema, type }, hints)));
  }
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integers(schema);
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true });
    case 'string':
      return strings(schema, hints);
    case 'array':
      return fc.array(schema.items ? arbitraryOf(schema.items, hints) : fc.jsonValue({ maxDepth: 2 }), {
        minLength: schema.minItems ?? 0,
        maxLength: schema.maxItems ?? 8,
      });
    case 'object': {
      const properties = Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => {
          const generated = arbitraryOf(property, hints);
          const hint = hints[name];
          return [name, hint ? fc.oneof({ arbitrary: hint, weight: 3 }, generated) : generated];
        }),
      );
      return fc.record(properties, { requiredKeys: schema.required ?? [] });
    }
    default:
      // Something the protocol started using that this generator does not know yet: say so.
      throw new Error(`schemaArbitrary: extend arbitraryOf for ${JSON.stringify(schema)}`);
  }
}
