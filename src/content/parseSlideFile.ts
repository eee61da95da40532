import type { Block, BlockTiming, Case, Exercise, Poll, Quote, Section } from '../shared/deck.ts';
import { ErrorSink, type ContentError } from './errors.ts';
import { splitFrontMatter } from './frontMatter.ts';
import { listItems, splitParts, type Part } from './parts.ts';
import {
  blockFrontMatter,
  caseFrontMatter,
  exerciseSchema,
  pollSchemas,
  pollTypeSchema,
  sectionFrontMatter,
  slideTypeSchema,
} from './schemas.ts';
import { slugify } from './slug.ts';
import { readTiming } from './timing.ts';
import { readYaml } from './yamlData.ts';
import type { Reference } from './references.ts';

// A file refers to other files' blocks and cases by slug; loadDeck resolves the references once every
// file is read, so a parsed block or case still holds them as written.
export type DraftExercise = Omit<Exercise, 'case'> & { case: Reference };
export type DraftBlock = Omit<Block, 'exercise'> & { exercise: DraftExercise | null };
export type DraftCase = Omit<Case, 'blocks' | 'after'> & { blocks: Reference[]; after: Reference };

export type ParsedSlide =
  | { kind: 'block'; block: DraftBlock; pollLines: number[] }
  | { kind: 'case'; case: DraftCase; pollLines: number[] }
  | { kind: 'section'; section: Section; pollLines: number[] };

export interface ParseResult {
  slide: ParsedSlide | null;
  errors: ContentError[];
}

const PART_NAMES = {
  block: ['quote', 'prompts', 'poll', 'exercise', 'timing', 'notes'],
  case: ['quote', 'questions', 'debrief', 'poll', 'notes'],
  section: ['prompts', 'poll', 'notes'],
} as const;

type Family = keyof typeof PART_NAMES;

/** What the parts of one file hold, after each has been checked. */
interface PartsContent {
  quotes: Quote[];
  prompts: string[];
  questions: string[];
  polls: Poll[];
  pollLines: number[];
  exercise: DraftExercise | null;
  debrief: string;
  notes: string;
  /** The `::: timing` part, read once the rest of the block is known. */
  timingPart: Part | null;
}

const QUOTE_MARKS = /^["“”„'‘’]+|["“”„'‘’]+$/g;

function readQuote(part: Part, sink: ErrorSink): Quote | null {
  if (!part.info) {
    sink.add(part.line, 'een citaat zonder spreker: zet de rol achter quote, bijvoorbeeld ::: quote Deelnemer');
    return null;
  }
  const text = part.content.replace(/\s+/g, ' ').trim().replace(QUOTE_MARKS, '').trim();
  if (!text) {
    sink.add(part.line, 'het citaat is leeg: zet de tekst tussen ::: quote en :::');
    return null;
  }
  return { text, speaker: part.info };
}

function readList(part: Part, sink: ErrorSink): string[] {
  const items = listItems(part.content);
  if (!items || items.length === 0) {
    sink.add(part.line, `zet in "::: ${part.name}" elke vraag op een eigen regel die begint met "- "`);
    return [];
  }
  return items;
}

function readPoll(part: Part, sink: ErrorSink): Poll | null {
  const typed = readYaml(part.content, pollTypeSchema.passthrough(), sink, part.contentLine, part.line);
  if (!typed) return null;
  const poll = readYaml(part.content, pollSchemas[typed.type], sink, part.contentLine, part.line);
  if (!poll) return null;
  if (poll.type === 'scale') {
    const points = Array.from({ length: poll.max - poll.min + 1 }, (_, k) => String(poll.min + k));
    return { ...poll, options: points };
  }
  if (poll.type === 'wordcloud' || poll.type === 'open' || poll.type === 'group') return { ...poll, options: [] };
  return poll;
}

function readParts(family: Family, parts: Part[], sink: ErrorSink): PartsContent {
  const content: PartsContent = {
    quotes: [],
    prompts: [],
    questions: [],
    polls: [],
    pollLines: [],
    exercise: null,
    debrief: '',
    notes: '',
    timingPart: null,
  };
  const seenOnce = new Map<string, number>();
  const allowed: readonly string[] = PART_NAMES[family];
  for (const part of parts) {
    if (!part.name) continue;
    if (!allowed.includes(part.name)) {
      sink.add(part.line, `onbekend deel "::: ${part.name}"; hier kan: ${allowed.map((n) => `::: ${n}`).join(', ')}`);
      continue;
    }
    if (['exercise', 'debrief', 'notes', 'prompts', 'questions', 'timing'].includes(part.name)) {
      const earlier = seenOnce.get(part.name);
      if (earlier !== undefined) {
        sink.add(
          part.line,
          `"::: ${part.name}" staat twee keer in dit bestand (ook op regel ${earlier}); voeg ze samen`,
        );
        continue;
      }
      seenOnce.set(part.name, part.line);
    }
    switch (part.name) {
      case 'quote': {
        const quote = readQuote(part, sink);
        if (quote) content.quotes.push(quote);
        break;
      }
      case 'prompts':
        content.prompts = readList(part, sink);
        break;
      case 'questions':
        content.questions = readList(part, sink);
        break;
      case 'poll': {
        const poll = readPoll(part, sink);
        if (poll) {
          content.polls.push(poll);
          content.pollLines.push(part.line);
        }
        break;
      }
      case 'exercise': {
        const exercise = readYaml(part.content, exerciseSchema, sink, part.contentLine, part.line);
        content.exercise = exercise ? { ...exercise, card: exercise.card ?? null } : null;
        break;
      }
      case 'timing':
        content.timingPart = part;
        break;
      case 'debrief':
        content.debrief = part.content.trim();
        break;
      case 'notes':
        content.notes = part.content.trim();
        break;
    }
  }
  return content;
}

/**
 * Reads one slide file into the content model. Pure: it gets the text, not the disk.
 * @param file the path shown in messages, relative to the project root
 */
export function parseSlideFile(file: string, source: string): ParseResult {
  const sink = new ErrorSink(file);
  const split = splitFrontMatter(source);
  if (split.unclosed) {
    sink.add(1, 'de kop van het bestand begint met --- maar wordt niet afgesloten met een tweede regel ---');
    return { slide: null, errors: sink.errors };
  }
  if (split.frontMatter === null) {
    sink.add(1, 'de kop ontbreekt: begin het bestand met ---, dan type en title, en dan weer ---');
    return { slide: null, errors: sink.errors };
  }
  const typed = readYaml(split.frontMatter, slideTypeSchema.passthrough(), sink, split.frontMatterLine, 1);
  if (!typed) return { slide: null, errors: sink.errors };

  const { parts, text } = splitParts(split.body, split.bodyLine, sink);
  const read = <S extends Parameters<typeof readYaml>[1]>(schema: S) =>
    readYaml(split.frontMatter ?? '', schema, sink, split.frontMatterLine, 1);

  let slide: ParsedSlide | null = null;
  if (typed.type === 'block') {
    const meta = read(blockFrontMatter);
    const content = readParts('block', parts, sink);
    if (!text)
      sink.add(split.bodyLine, 'de samenvatting ontbreekt: schrijf 2 tot 4 zinnen onder de kop, boven de eerste :::');
    let timing: BlockTiming | null = null;
    if (content.timingPart) {
      const facts = { minutes: meta?.minutes, polls: content.polls, exercise: content.exercise };
      timing = readTiming(content.timingPart, facts, sink);
    }
    if (meta) {
      slide = {
        kind: 'block',
        pollLines: content.pollLines,
        block: {
          number: meta.number,
          title: meta.title,
          slug: meta.slug ?? slugify(meta.title),
          theme: meta.theme,
          minutes: meta.minutes ?? (timing ? timing.full.reduce((sum, step) => sum + step.minutes, 0) : null),
          summary: text,
          quotes: content.quotes,
          prompts: content.prompts,
          polls: content.polls,
          exercise: content.exercise,
          timing,
          notes: content.notes,
          file,
        },
      };
    }
  } else if (typed.type === 'case') {
    const meta = read(caseFrontMatter);
    const content = readParts('case', parts, sink);
    if (!text)
      sink.add(split.bodyLine, 'het verhaal van de casus ontbreekt: schrijf het onder de kop, boven de eerste :::');
    if (meta) {
      slide = {
        kind: 'case',
        pollLines: content.pollLines,
        case: {
          number: meta.number,
          title: meta.title,
          person: meta.person,
          slug: meta.slug ?? slugify(`casus ${meta.person}`),
          blocks: meta.blocks,
          after: meta.after,
          minutes: meta.minutes ?? null,
          exerciseMinutes: meta.exercise_minutes,
          story: text,
          quotes: content.quotes,
          questions: content.questions,
          debrief: content.debrief,
          polls: content.polls,
          notes: content.notes,
          file,
        },
      };
    }
  } else {
    const meta = read(sectionFrontMatter);
    const content = readParts('section', parts, sink);
    if (meta) {
      slide = {
        kind: 'section',
        pollLines: content.pollLines,
        section: {
          kind: meta.type,
          joinPanel: meta.join_panel,
          title: meta.title,
          slug: meta.slug ?? slugify(meta.title),
          minutes: meta.minutes ?? null,
          body: text,
          prompts: content.prompts,
          polls: content.polls,
          notes: content.notes,
          file,
        },
      };
    }
  }
  return { slide: sink.errors.length > 0 ? null : slide, errors: sink.errors };
}
