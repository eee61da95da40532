import type { Block, Deck, Plan, PlanPart, Poll, Section } from '../shared/deck.ts';

// Slides a plan gets of its own, made at build time: they replace the deck's slide with the same slug
// when the deck shows the plan. Their polls have ids of their own, in deck.json, so the poll server
// takes votes for them like for any other poll.

/** The learning goals slide: the plan's `goals` as its text. */
export const GOALS_SLUG = 'doelen';
/** The closing reflection, and its poll that asks where to start. */
export const REFLECTION_SLUG = 'reflectie';
export const REFLECTION_POLL = 'reflectie-thema';

/** Up to this many blocks the reflection poll lists them; a longer plan gets the themes. */
const MAX_BLOCK_OPTIONS = 8;

/** The poll id of a plan's own version of a deck poll. */
export const planPollId = (pollId: string, planId: string): string => `${pollId}-${planId}`;

function coveredBlocks(parts: PlanPart[], deck: Deck): Block[] {
  const numbers = new Set(parts.flatMap((part) => (part.kind === 'block' ? [part.number] : [])));
  return deck.blocks.filter((block) => numbers.has(block.number));
}

/** The reflection poll with only what the plan covers: its blocks, or for a long plan its themes. */
export function reflectionPoll(original: Poll, planId: string, parts: PlanPart[], deck: Deck): Poll | null {
  const blocks = coveredBlocks(parts, deck);
  const id = planPollId(original.id, planId);
  if (blocks.length < 2) return null;
  if (blocks.length <= MAX_BLOCK_OPTIONS) {
    return {
      id,
      type: 'single',
      question: 'Met welke bouwsteen van vandaag ga jij het eerst aan de slag?',
      options: blocks.map((block) => `${block.number}. ${block.title}`),
      hidden: original.hidden,
    };
  }
  const themes = deck.themes.filter((theme) => blocks.some((block) => block.theme === theme.id));
  // The theme titles on the deck's own poll may be shorter than in deck.yaml: keep those that match.
  const short = (title: string) => original.options.find((option) => title.startsWith(option)) ?? title;
  const options = themes.map((theme) => short(theme.title));
  if (themes.length >= 3) {
    return { id, type: 'ranking', question: original.question, options, hidden: original.hidden };
  }
  return {
    id,
    type: 'single',
    question: 'Met welk thema ga jij het eerst aan de slag?',
    options,
    hidden: original.hidden,
  };
}

/** The plan's own slides, for the slides it shows that have a version per plan. */
export function planSlides(plan: Pick<Plan, 'id' | 'goals' | 'parts'>, deck: Deck): Section[] {
  const slugs = new Set(plan.parts.flatMap((part) => (part.kind === 'slide' ? [part.slug] : [])));
  const all = [...deck.opening, ...deck.closing];
  const slides: Section[] = [];
  const goals = all.find((section) => section.slug === GOALS_SLUG);
  if (goals && slugs.has(GOALS_SLUG) && plan.goals.length > 0) {
    const body = ['Na deze workshop:', '', ...plan.goals.map((goal) => `- ${goal}`)].join('\n');
    slides.push({ ...goals, body });
  }
  const reflection = all.find((section) => section.slug === REFLECTION_SLUG);
  if (reflection && slugs.has(REFLECTION_SLUG)) {
    const polls = reflection.polls.flatMap((poll) => {
      if (poll.id !== REFLECTION_POLL) return [poll];
      const own = reflectionPoll(poll, plan.id, plan.parts, deck);
      return own ? [own] : [];
    });
    slides.push({ ...reflection, polls });
  }
  return slides;
}
