import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import type { ErrorSink } from './errors.ts';

const EXPECTED: Record<string, string> = {
  string: 'tekst',
  number: 'een getal',
  int: 'een heel getal',
  boolean: 'true of false',
  array: 'een lijst',
  object: 'een lijst van velden (naam: waarde)',
  tuple: 'een lijst',
};

function describePath(path: PropertyKey[]): string {
  return path.map(String).join('.');
}

/** Plain-language Dutch for a schema issue; the schemas give their own message where it matters more. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const field = describePath(issue.path);
  const where = field ? `"${field}"` : 'dit deel';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${where} ontbreekt`;
      return `${where} moet ${EXPECTED[issue.expected] ?? issue.expected} zijn`;
    case 'unrecognized_keys':
      return `onbekend veld ${issue.keys.map((k) => `"${k}"`).join(', ')}${field ? ` in "${field}"` : ''}`;
    case 'too_small':
      if (issue.origin === 'array') return `${where} heeft minstens ${String(issue.minimum)} onderdelen nodig`;
      if (issue.origin === 'string') return `${where} mag niet leeg zijn`;
      return `${where} moet minstens ${String(issue.minimum)} zijn`;
    case 'too_big':
      if (issue.origin === 'array') return `${where} mag hoogstens ${String(issue.maximum)} onderdelen hebben`;
      if (issue.origin === 'string') return `${where} is te lang (hoogstens ${String(issue.maximum)} tekens)`;
      return `${where} mag hoogstens ${String(issue.maximum)} zijn`;
    case 'invalid_value':
      // Schemas with a message of their own (poll and slide types) keep it; others get a Dutch one.
      if (!issue.message.startsWith('Invalid')) return issue.message;
      return `${where} moet ${issue.values.map((v) => JSON.stringify(v)).join(' of ')} zijn`;
    case 'invalid_format':
      return `${where} ${issue.message}`;
    default:
      // The schemas word their own messages for the other cases.
      return issue.message;
  }
}

/** 1-based line of the YAML node at `path`, or of its nearest existing parent. */
function lineOf(doc: Document, counter: LineCounter, path: PropertyKey[], fallback: number, offset: number): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node: unknown = doc.getIn(path.slice(0, depth) as unknown[], true);
    if (isNode(node) && node.range) return offset + counter.linePos(node.range[0]).line - 1;
  }
  return fallback;
}

/**
 * Parses YAML written by a trainer and checks it against a schema. Problems go to `sink` with the line
 * they are on; the result is null when there was any.
 * @param firstLine 1-based line in the file where the YAML text starts
 * @param fallbackLine the line to blame for a field that is missing altogether
 */
export function readYaml<S extends z.ZodType>(
  text: string,
  schema: S,
  sink: ErrorSink,
  firstLine: number,
  fallbackLine: number,
): z.output<S> | null {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const line = firstLine + counter.linePos(error.pos[0]).line - 1;
      sink.add(line, `de YAML klopt niet: ${error.message.split('\n')[0]}`);
    }
    return null;
  }
  // reportInput: a wrong value is told apart from a missing one (zod leaves the input out otherwise).
  const result = schema.safeParse(doc.toJS() ?? {}, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    const path = missing ? [] : issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    sink.add(lineOf(doc, counter, path, fallbackLine, firstLine), describeIssue(issue));
  }
  return null;
}
