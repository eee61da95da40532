import type { AgendaPlan } from '../../shared/deck.ts';
import { parseTime, schedule } from '../../shared/schedule.ts';

const STORAGE_PREFIX = 'deck-plan-start:';

/** The plans the build put into the page (see src/vite/deckPlugin.ts). */
function readPlans(doc: Document): AgendaPlan[] {
  const data = doc.getElementById('deck-plans')?.textContent;
  return data ? (JSON.parse(data) as AgendaPlan[]) : [];
}

/**
 * The part of the plan the slide belongs to (the plan the deck shows at `?plan=…`), for the session
 * report's agenda as run; null without a plan and on a slide outside the plan's parts (its agenda).
 */
export function planPartOf(doc: Document, slide: Element | undefined): { plan: string; part: string } | null {
  const plan = readPlans(doc).find((candidate) => candidate.id === doc.documentElement.dataset.plan);
  const part = slide?.closest<HTMLElement>('section[data-part]')?.dataset.part;
  if (!plan || !part || !plan.items.some((item) => item.part === part)) return null;
  return { plan: plan.id, part };
}

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  text = '',
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text) node.textContent = text;
  return node;
}

function storedStart(plan: AgendaPlan, search: URLSearchParams, storage: Storage | null): string {
  const fromUrl = search.get('start');
  if (fromUrl && parseTime(fromUrl) !== null) return fromUrl;
  const stored = storage?.getItem(STORAGE_PREFIX + plan.id);
  return stored && parseTime(stored) !== null ? stored : plan.start;
}

/** Spreads a part's minutes in the plan over its slides, for the console's time against the part's budget. */
function retime(section: HTMLElement, minutes: number): void {
  const slides = [...section.querySelectorAll<HTMLElement>('section[data-timing]')];
  const total = slides.reduce((sum, slide) => sum + Number(slide.dataset.timing), 0);
  if (total <= 0) return;
  for (const slide of slides) {
    slide.dataset.timing = String(Math.round((Number(slide.dataset.timing) / total) * minutes * 60));
  }
}

/** The parts only a plan shows (short blocks, theme slides, a plan's own slides; src/vite/render/renderDeck.ts). */
function planOnlyParts(doc: Document): HTMLElement[] {
  const template = doc.getElementById('deck-plan-parts');
  if (!(template instanceof HTMLTemplateElement)) return [];
  return [...template.content.children].filter(
    (child): child is HTMLElement => child instanceof HTMLElement && child.matches('section[data-part]'),
  );
}

/**
 * A link to a slide the plan leaves out leads nowhere: it becomes plain text, and a "read the case"
 * line goes altogether (the exercise then has its own case card, see src/content/planRules.ts).
 */
function unlinkMissing(doc: Document, slides: HTMLElement): void {
  for (const link of slides.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]')) {
    const id = decodeURIComponent(link.getAttribute('href')?.slice(2) ?? '');
    if (!id || doc.getElementById(id)) continue;
    const line = link.closest('.case-link');
    if (line) line.remove();
    else link.replaceWith(element(doc, 'span', '', link.textContent ?? ''));
  }
}

/** One vertical stack holding one slide, as the build makes them. */
function stackOf(doc: Document, part: string, slide: HTMLElement, minutes: number): HTMLElement {
  const stack = element(doc, 'section', 'stack');
  stack.dataset.part = part;
  slide.dataset.timing = String(minutes * 60);
  stack.append(slide);
  return stack;
}

/**
 * Shows only the parts of the plan named in `?plan=NAME`, in the plan's order, with its breaks and an
 * agenda slide with clock times after the first slide. Runs before reveal.js starts. Returns the plan,
 * or null when the URL names none (then the whole deck shows).
 */
export function applyPlanFromUrl(
  doc: Document,
  location: Pick<Location, 'search'>,
  storage: Storage | null,
): AgendaPlan | null {
  const search = new URLSearchParams(location.search);
  const id = search.get('plan');
  if (!id) return null;
  const plan = readPlans(doc).find((p) => p.id === id);
  const slides = doc.querySelector<HTMLElement>('.reveal .slides');
  if (!plan || !slides) {
    console.warn(`Er is geen plan "${id}": de hele deck wordt getoond.`);
    return null;
  }
  const parts = new Map<string, HTMLElement>();
  for (const section of slides.querySelectorAll<HTMLElement>(':scope > section[data-part]')) {
    parts.set(section.dataset.part ?? '', section);
  }
  for (const section of planOnlyParts(doc)) parts.set(section.dataset.part ?? '', doc.importNode(section, true));

  const list = element(doc, 'ol', 'agenda-list');
  if (plan.items.length > 12) list.classList.add('agenda-list-long');
  const times: HTMLElement[] = [];
  const breakEnds: HTMLElement[] = [];
  const chosen: HTMLElement[] = [];
  plan.items.forEach((item, k) => {
    const row = element(doc, 'li', item.part === 'break' ? 'agenda-break' : '');
    const time = element(doc, 'span', 'agenda-time');
    times.push(time);
    row.append(time, ' ');
    if (item.part === 'break') {
      const slide = element(doc, 'section', 'break-slide');
      slide.id = `pauze-${k + 1}`;
      const until = element(doc, 'p', 'break-until');
      breakEnds[k] = until;
      slide.append(element(doc, 'p', 'kicker', 'Pauze'), element(doc, 'h2', '', item.label), until);
      const stack = stackOf(doc, 'break', slide, item.minutes);
      stack.dataset.agendaItem = String(k);
      chosen.push(stack);
      row.append(item.label);
    } else {
      const found = parts.get(item.part);
      if (!found) return;
      const section = chosen.includes(found) ? (found.cloneNode(true) as HTMLElement) : found;
      retime(section, item.minutes);
      // The console finds the agenda part of the slide on screen by this (src/console/timePanel.ts).
      section.dataset.agendaItem = String(k);
      chosen.push(section);
      const first = section.querySelector<HTMLElement>('section[id]');
      const link = element(doc, 'a', '', item.label);
      link.href = `#/${first?.id ?? ''}`;
      row.append(link);
    }
    list.append(row);
  });

  const agenda = element(doc, 'section', 'agenda-slide');
  agenda.id = 'agenda';
  const label = element(doc, 'label', 'agenda-start', 'Begintijd ');
  const input = element(doc, 'input', '');
  input.type = 'time';
  input.id = 'agenda-start';
  label.htmlFor = input.id;
  label.append(input);
  agenda.append(element(doc, 'p', 'kicker', `Plan · ${plan.title}`), element(doc, 'h2', '', 'Agenda'), label, list);

  const render = (start: string) => {
    schedule(plan.items, start).forEach((item, k) => {
      const time = times[k];
      if (time) time.textContent = `${item.from}–${item.to}`;
      const until = breakEnds[k];
      if (until) until.textContent = `We gaan verder om ${item.to}.`;
    });
  };
  input.value = storedStart(plan, search, storage);
  render(input.value);
  input.addEventListener('change', () => {
    if (parseTime(input.value) === null) return;
    storage?.setItem(STORAGE_PREFIX + plan.id, input.value);
    render(input.value);
  });

  for (const section of parts.values()) section.remove();
  const [first, ...rest] = chosen;
  if (first) slides.prepend(first);
  const agendaStack = stackOf(doc, 'agenda', agenda, 2);
  if (first) first.after(agendaStack);
  else slides.prepend(agendaStack);
  agendaStack.after(...rest);
  unlinkMissing(doc, slides);
  doc.documentElement.dataset.plan = plan.id;
  return plan;
}

/** The start time the agenda slide shows now (the trainer may change it), or the plan's own. */
export function planStartTime(plan: AgendaPlan, doc: Document = document): string {
  const value = doc.querySelector<HTMLInputElement>('#agenda-start')?.value ?? '';
  return parseTime(value) !== null ? value : plan.start;
}
