import type { Deck, Section } from '../shared/deck.ts';
import { ContentError, ContentErrors, ErrorSink } from './errors.ts';
import { findLine } from './findLine.ts';
import { parseSlideFile, type DraftBlock, type DraftCase } from './parseSlideFile.ts';
import { resolveReferences } from './resolveReferences.ts';
import { deckFileSchema } from './schemas.ts';
import { readYaml } from './yamlData.ts';

export interface SourceFile {
  /** Path relative to the project root, e.g. `slides/blocks/01-maatwerk.md`. */
  file: string;
  text: string;
}

/** Where a section goes: the folder it is in (`slides/opening/` or `slides/closing/`). */
function sectionPart(file: string): 'opening' | 'closing' | null {
  const folder = file.split('/').at(-2);
  return folder === 'opening' || folder === 'closing' ? folder : null;
}

/**
 * Reads slides/deck.yaml and every slide file into the deck's content model, and checks what spans
 * files (numbers, ids, links between blocks and cases). Throws ContentErrors listing every mistake;
 * what still builds but should change (a reference by number) goes to `warnings`.
 */
export function loadDeck(deckFile: SourceFile, slideFiles: SourceFile[], warnings: ContentError[] = []): Deck {
  const errors: ContentError[] = [];
  const deckSink = new ErrorSink(deckFile.file);
  const meta = readYaml(deckFile.text, deckFileSchema, deckSink, 1, 1);
  errors.push(...deckSink.errors);

  const draftBlocks: DraftBlock[] = [];
  const draftCases: DraftCase[] = [];
  const opening: Section[] = [];
  const closing: Section[] = [];
  const slugs = new Map<string, string>();
  const pollIds = new Map<string, string>();
  const texts = new Map(slideFiles.map((f) => [f.file, f.text]));
  const fail = (file: string, line: number, reason: string) => errors.push(new ContentError(file, line, reason));

  const sorted = [...slideFiles].sort((a, b) => a.file.localeCompare(b.file));
  for (const { file, text } of sorted) {
    const result = parseSlideFile(file, text);
    errors.push(...result.errors);
    const slide = result.slide;
    if (!slide) continue;
    const item = slide.kind === 'block' ? slide.block : slide.kind === 'case' ? slide.case : slide.section;

    const slugOwner = slugs.get(item.slug);
    if (slugOwner) {
      fail(file, findLine(text, /^slug:/), `de slug "${item.slug}" wordt al gebruikt in ${slugOwner}; kies een andere`);
    } else slugs.set(item.slug, file);

    item.polls.forEach((poll, k) => {
      const line = findLine(text, /^id:/, slide.pollLines[k]);
      const owner = pollIds.get(poll.id);
      if (owner) fail(file, line, `poll-id "${poll.id}" wordt al gebruikt in ${owner}; elke poll heeft een eigen id`);
      else pollIds.set(poll.id, `${file}:${line}`);
    });

    if (slide.kind === 'block') {
      const twin = draftBlocks.find((b) => b.number === slide.block.number);
      if (twin) fail(file, findLine(text, /^number:/), `bouwsteen ${slide.block.number} staat ook in ${twin.file}`);
      else draftBlocks.push(slide.block);
    } else if (slide.kind === 'case') {
      const twin = draftCases.find((c) => c.number === slide.case.number);
      if (twin) fail(file, findLine(text, /^number:/), `casus ${slide.case.number} staat ook in ${twin.file}`);
      else draftCases.push(slide.case);
    } else {
      const part = sectionPart(file);
      if (part === 'opening') opening.push(slide.section);
      else if (part === 'closing') closing.push(slide.section);
      else fail(file, 1, 'een slide van dit type hoort in slides/opening/ of slides/closing/');
    }
  }

  draftBlocks.sort((a, b) => a.number - b.number);
  draftCases.sort((a, b) => a.number - b.number);
  const { blocks, cases } = resolveReferences(draftBlocks, draftCases, texts, errors, warnings);
  const themeIds = meta?.themes.map((t) => t.id) ?? [];

  for (const block of blocks) {
    const text = texts.get(block.file) ?? '';
    if (meta && !themeIds.includes(block.theme)) {
      fail(
        block.file,
        findLine(text, /^theme:/),
        `thema "${block.theme}" bestaat niet; kies uit ${themeIds.join(', ')}`,
      );
    }
    // The whole deck follows the rule every plan does (src/content/planRules.ts): an exercise uses a case
    // shown before it, or carries its own case card.
    const story = cases.find((c) => c.number === block.exercise?.case);
    if (block.exercise && !block.exercise.card && story && story.after >= block.number) {
      const line = findLine(text, /^case:/, findLine(text, /^:::\s*exercise/));
      fail(
        block.file,
        line,
        `de oefening gaat over casus ${story.number} (${story.person}), maar die casus komt pas na bouwsteen ` +
          `${story.after}; geef de oefening een korte casuskaart ("card:")`,
      );
    }
  }

  if (errors.length > 0 || !meta) throw new ContentErrors(errors);
  return {
    title: meta.title,
    subtitle: meta.subtitle,
    language: meta.language,
    source: meta.source,
    themes: meta.themes.map((theme) => ({
      ...theme,
      blocks: blocks.filter((b) => b.theme === theme.id).map((b) => b.number),
    })),
    blocks,
    cases,
    interventions: meta.interventions,
    opening,
    closing,
    plans: [],
  };
}
