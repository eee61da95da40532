import type { Chart, ChartData } from './chart.ts';
import { html, participantText } from './svg.ts';
import { wordCloudWords } from '../../../shared/charts/wordCloudLayout.ts';

/**
 * The word cloud: a centred flow of words, each as big as it is frequent. Words are set as text. Taking
 * words off and approving a moderated cloud's words happen in the presenter console, not on the slide.
 */
export function createWordCloud(): Chart {
  const element = html('div', 'poll-chart poll-chart-words');
  const list = html('ul', 'word-cloud');
  list.setAttribute('aria-label', 'Woordenwolk');
  const empty = html('p', 'poll-chart-empty', 'Nog geen woorden');
  element.append(list, empty);
  const items = new Map<string, HTMLLIElement>();

  return {
    element,
    update({ results }: ChartData) {
      const found = results?.results.kind === 'words' ? results.results : null;
      const words = wordCloudWords(found?.words ?? []);
      const seen = new Set<string>();
      const ordered = words.map((word) => {
        seen.add(word.word);
        let item = items.get(word.word);
        if (!item) {
          item = html('li', 'is-new');
          item.append(participantText('span', 'word'), html('span', 'visually-hidden'));
          items.set(word.word, item);
        } else {
          item.classList.remove('is-new');
        }
        const [text, count] = item.children;
        if (text) text.textContent = word.word;
        if (count) count.textContent = ` (${word.count}×)`;
        item.style.fontSize = `${word.size.toFixed(2)}em`;
        item.dataset.count = String(word.count);
        return item;
      });
      for (const [word, item] of items) {
        if (!seen.has(word)) {
          item.remove();
          items.delete(word);
        }
      }
      // Moving an element restarts its style, which would cut the size transition short: only
      // re-order when the order changed.
      const current = Array.from(list.children);
      if (current.length !== ordered.length || ordered.some((item, k) => current[k] !== item)) {
        list.replaceChildren(...ordered);
      }
      empty.hidden = ordered.length > 0;
    },
  };
}
