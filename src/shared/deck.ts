// The content model: what `npm run build` writes to dist/deck.json and what every other part reads.

export const POLL_TYPES = ['single', 'multiple', 'scale', 'wordcloud', 'open', 'ranking', 'group'] as const;
export type PollType = (typeof POLL_TYPES)[number];

export interface Quote {
  /** The quote alone, verbatim from the source, without quote marks. */
  text: string;
  /** The speaker's role as the source gives it, e.g. "Deelnemer VIP". */
  speaker: string;
}

interface PollBase {
  id: string;
  question: string;
  /** Answers to choose from or to rank; for a scale the points of the scale; empty for free text. */
  options: string[];
  /** Results stay hidden until the presenter reveals them. */
  hidden: boolean;
}

export interface SinglePoll extends PollBase {
  type: 'single';
}
export interface MultiplePoll extends PollBase {
  type: 'multiple';
  /** How many options one participant may pick. */
  max: number;
}
export interface ScalePoll extends PollBase {
  type: 'scale';
  min: number;
  max: number;
  /** Labels of the low and the high end. */
  labels: [string, string];
}
export interface WordCloudPoll extends PollBase {
  type: 'wordcloud';
  /** `approve`: a word shows in the cloud only after the presenter approves it; `auto` when left out. */
  moderation?: 'approve' | 'auto';
}
export interface OpenPoll extends PollBase {
  type: 'open';
  /** `approve`: an answer shows only after the presenter approves it. */
  moderation: 'approve' | 'auto';
}
export interface RankingPoll extends PollBase {
  type: 'ranking';
}
/** Group answers: one phone per group sends the group's name and answers; always approved first. */
export interface GroupPoll extends PollBase {
  type: 'group';
}
export type Poll = SinglePoll | MultiplePoll | ScalePoll | WordCloudPoll | OpenPoll | RankingPoll | GroupPoll;

/** Polls answered in free text that the presenter puts on the screen (or takes off) one by one. */
export const hasAnswerWall = (poll: Poll): poll is OpenPoll | GroupPoll =>
  poll.type === 'open' || poll.type === 'group';

/** Whether a new answer waits for the presenter's approval before anyone else sees it. */
export const waitsForApproval = (poll: Poll): boolean =>
  poll.type === 'group' || ((poll.type === 'open' || poll.type === 'wordcloud') && poll.moderation === 'approve');

/** Polls whose answers the presenter approves or takes off the screen one by one: a wall or a word cloud. */
export const isModerated = (poll: Poll): poll is OpenPoll | GroupPoll | WordCloudPoll =>
  hasAnswerWall(poll) || poll.type === 'wordcloud';

export interface Exercise {
  /** The number of the case the exercise applies the block to. */
  case: number;
  task: string;
  questions: string[];
  minutes: number;
  /**
   * A short card on the exercise slide (markdown): the case in three or four lines in our own words, or
   * something to read, such as a sample contract. With a card the exercise stands alone, so a plan may
   * show the block without (or before) its case.
   */
  card: string | null;
}

/** One step of a block's timing: "5 minuten samenvatting en poll". */
export interface TimingStep {
  minutes: number;
  text: string;
}

/** The short version of a block, which a plan picks by giving the block its minutes. */
export interface ShortVersion {
  minutes: number;
  steps: TimingStep[];
  /** Poll ids (and `bespreken`, the discussion slide) the short version leaves out. */
  skip: string[];
  /** Minutes of the case exercise in the short version. */
  exerciseMinutes: number;
}

/** What a block needs: its full version step by step, and its short version. */
export interface BlockTiming {
  full: TimingStep[];
  short: ShortVersion | null;
}

interface SlideFileInfo {
  title: string;
  /** Deep link: the deck opens this slide at `#/slug`. */
  slug: string;
  /** Suggested minutes, when the author gave them. */
  minutes: number | null;
  /** Facilitator notes (markdown), shown in the presenter console only. */
  notes: string;
  /** The slide file, relative to the project root. */
  file: string;
}

export interface Block extends SlideFileInfo {
  number: number;
  /** Id of a theme in `themes`. */
  theme: string;
  /** Summary in markdown. */
  summary: string;
  quotes: Quote[];
  prompts: string[];
  polls: Poll[];
  exercise: Exercise | null;
  /** The block's timing, from its `::: timing` part; null when the file has none. */
  timing: BlockTiming | null;
}

export interface Case extends SlideFileInfo {
  number: number;
  /** The (invented) name of the person in the story. */
  person: string;
  /** The story in markdown. */
  story: string;
  /** The building blocks the case relates to. */
  blocks: number[];
  /** The block the case follows in the deck. */
  after: number;
  quotes: Quote[];
  questions: string[];
  debrief: string;
  polls: Poll[];
  minutes: number | null;
  /** Minutes for the group exercise: the countdown on the exercise slide starts from these. */
  exerciseMinutes: number;
}

export type SectionKind = 'title' | 'section' | 'overview';

export interface Section extends SlideFileInfo {
  kind: SectionKind;
  /** The live deck shows the join code big on this slide (`join_panel: true`). */
  joinPanel: boolean;
  /** Slide text in markdown. */
  body: string;
  prompts: string[];
  polls: Poll[];
}

export interface Theme {
  id: string;
  title: string;
  blocks: number[];
}

export interface Intervention {
  name: string;
  organisation: string;
  description: string;
}

export interface SourceInfo {
  title: string;
  publisher: string;
  year: number;
  url: string;
  authors?: string;
  programme?: string;
}

/** One part of a workshop plan, with the minutes it gets on the agenda. */
export type PlanPart =
  | { kind: 'block'; number: number; minutes: number; /** the block's short version */ short: boolean }
  | { kind: 'case'; number: number; minutes: number }
  | { kind: 'slide'; slug: string; minutes: number }
  | { kind: 'theme'; id: string; minutes: number }
  | { kind: 'break'; title: string; minutes: number };

/** A workshop plan from plans/: which parts, in which order, with minutes and breaks. */
export interface Plan {
  /** The file name without .yaml; the deck shows the plan at `?plan=id`. */
  id: string;
  title: string;
  description: string;
  /** Default start time, "HH:MM". */
  start: string;
  /** The learning goals, shown to the participants on the plan's own `doelen` slide. */
  goals: string[];
  parts: PlanPart[];
  /**
   * Slides made for this plan at build time, shown instead of the deck's slide with the same slug:
   * the learning goals, and the reflection with a poll of only the themes or blocks the plan covers.
   */
  slides: Section[];
}

export interface Deck {
  title: string;
  subtitle: string;
  language: 'nl';
  source: SourceInfo;
  themes: Theme[];
  blocks: Block[];
  cases: Case[];
  interventions: Intervention[];
  opening: Section[];
  closing: Section[];
  plans: Plan[];
}

/**
 * Every poll of the deck, in the order of the slides (a case follows the block it belongs after), then
 * those of the plans' own slides (their reflection); a poll that appears twice comes once.
 */
export function deckPolls(
  deck: Pick<Deck, 'opening' | 'blocks' | 'cases' | 'closing'> & Partial<Pick<Deck, 'plans'>>,
): Poll[] {
  const placed = new Set(deck.blocks.map((block) => block.number));
  const casesAfter = (number: number | null) =>
    deck.cases
      .filter((story) => (number === null ? !placed.has(story.after) : story.after === number))
      .flatMap((story) => story.polls);
  return [
    ...deck.opening.flatMap((section) => section.polls),
    ...deck.blocks.flatMap((block) => [...block.polls, ...casesAfter(block.number)]),
    ...casesAfter(null),
    ...deck.closing.flatMap((section) => section.polls),
    ...(deck.plans ?? []).flatMap((plan) => plan.slides.flatMap((section) => section.polls)),
  ].filter((poll, k, all) => all.findIndex((other) => other.id === poll.id) === k);
}

/** The polls on the deck's closing slides (reflection, action plan, evaluation) and on a plan's own versions of them. */
export function closingPolls(deck: Pick<Deck, 'closing' | 'plans'>): Set<string> {
  const slugs = new Set(deck.closing.map((section) => section.slug));
  return new Set([
    ...deck.closing.flatMap((section) => section.polls.map((poll) => poll.id)),
    ...deck.plans.flatMap((plan) =>
      plan.slides.filter((slide) => slugs.has(slide.slug)).flatMap((slide) => slide.polls.map((poll) => poll.id)),
    ),
  ]);
}

/**
 * What a phone reads of the deck (dist/polls.json): the polls' questions and options, nothing of the
 * slides, so trainer notes never reach a participant and the join page stays small.
 */
export interface PollsFile {
  polls: Poll[];
  /** The closing polls (closingPolls): when the presenter shows one, the phone offers the take-home. */
  closing: string[];
  /** The deck's public address (DECK_URL at build time), for the take-home; null when the build had none. */
  share: string | null;
}

export const POLLS_FILE = 'polls.json';

/** A plan as the deck needs it at `?plan=NAME`: each part named by its `data-part` and labelled. */
export interface AgendaPlan {
  id: string;
  title: string;
  start: string;
  items: AgendaItem[];
}

export interface AgendaItem {
  /** `block-3`, `case-1`, `slide-welkom`, or `break` for a break. */
  part: string;
  label: string;
  minutes: number;
}
