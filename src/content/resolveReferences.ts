import type { Block, Case } from '../shared/deck.ts';
import { ContentError } from './errors.ts';
import { findLine } from './findLine.ts';
import type { DraftBlock, DraftCase } from './parseSlideFile.ts';
import { numberReferenceWarning, resolveReference, type Reference, type Target } from './references.ts';

/** How a field of one file is checked: where it is and what it is called. */
interface Field {
  file: string;
  line: number;
  name: string;
}

/**
 * Resolves the references in one field to numbers. A reference that points nowhere is a mistake; a field
 * that refers by number builds, with a warning that gives the field as it should be written.
 */
function resolveField(
  field: Field,
  references: Reference[],
  targets: readonly Target[],
  noun: string,
  errors: ContentError[],
  warnings: ContentError[],
): number[] | null {
  const resolved = references.map((reference) => resolveReference(reference, targets, noun));
  const failed = resolved.flatMap((r) => ('error' in r ? [r.error] : []));
  if (failed.length > 0) {
    errors.push(new ContentError(field.file, field.line, `"${field.name}": ${failed.join('; ')}`));
    return null;
  }
  const found = resolved.flatMap((r) => ('target' in r ? [r] : []));
  if (found.some((r) => r.byNumber)) {
    const asList = (items: string[]) => (references.length === 1 ? (items[0] ?? '') : `[${items.join(', ')}]`);
    const written = asList(references.map(String));
    const bySlug = asList(found.map((r) => r.target.slug));
    warnings.push(new ContentError(field.file, field.line, numberReferenceWarning(field.name, written, bySlug)));
  }
  return found.map((r) => r.target.number);
}

/**
 * Turns the references between files (a case's `blocks` and `after`, an exercise's `case`) into the
 * numbers of the content model, once every block and case has been read.
 */
export function resolveReferences(
  draftBlocks: DraftBlock[],
  draftCases: DraftCase[],
  texts: Map<string, string>,
  errors: ContentError[],
  warnings: ContentError[],
): { blocks: Block[]; cases: Case[] } {
  const cases = draftCases.map((story): Case => {
    const text = texts.get(story.file) ?? '';
    const at = (name: string): Field => ({ file: story.file, line: findLine(text, new RegExp(`^${name}:`)), name });
    const blocks = resolveField(at('blocks'), story.blocks, draftBlocks, 'bouwsteen', errors, warnings);
    const [after] = resolveField(at('after'), [story.after], draftBlocks, 'bouwsteen', errors, warnings) ?? [];
    // A failed reference is reported above; the 0 it leaves behind never reaches a built deck.
    return { ...story, blocks: blocks ?? [], after: after ?? 0 };
  });
  const blocks = draftBlocks.map((block): Block => {
    if (!block.exercise) return { ...block, exercise: null };
    const text = texts.get(block.file) ?? '';
    const line = findLine(text, /^case:/, findLine(text, /^:::\s*exercise/));
    const field = { file: block.file, line, name: 'case' };
    const [number] = resolveField(field, [block.exercise.case], draftCases, 'casus', errors, warnings) ?? [];
    return { ...block, exercise: { ...block.exercise, case: number ?? 0 } };
  });
  return { blocks, cases };
}
