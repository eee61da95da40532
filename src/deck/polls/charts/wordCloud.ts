import { waitsForApproval, type WordCloudPoll } from '../../../shared/deck.ts';
import type { Chart, ChartData } from './chart.ts';
import { createModerationQueue, type Moderation } from './moderationQueue.ts';
import { html, participantText } from './svg.ts';
import { wordCloudWords } from '../../../shared/charts/wordCloudLayout.ts';

export interface WordModeration extends Moderation {
  /** Takes a word off the cloud for the rest of the round. */
  removeWord(word: string): void;
}

/** The presenter's fold-out list of the cloud's words, each with a button to take it off the cloud. */
function createWordList(removeWord: (word: string) => void) {
  const element = html('details', 'answer-moderation word-removal');
  const summary = html('summary', undefined, 'Woorden weghalen');
  const list = html('ul', 'answer-pending');
  element.append(summary, list);
  return {
    element,
    update(words: readonly { word: string }[]) {
      element.hidden = words.length === 0;
      const current = Array.from(list.children).map((item) => (item as HTMLElement).dataset.word);
      if (current.length === words.length && words.every(({ word }, k) => current[k] === word)) return;
      list.replaceChildren(
        ...words.map(({ word }) => {
          const item = html('li');
          item.dataset.word = word;
          const button = html('button', 'answer-approve', 'Weghalen');
          button.type = 'button';
          button.setAttribute('aria-label', `Van de woordwolk halen: ${word}`);
          button.addEventListener('click', () => removeWord(word));
          item.append(html('p', 'answer-text', word), button);
          return item;
        }),
      );
    },
  };
}

/**
 * The word cloud: a centred flow of words, each as big as it is frequent. Words are set as text. The
 * presenter can take a word off the cloud, and approves the words of a moderated cloud first.
 */
export function createWordCloud(poll: WordCloudPoll, moderation: WordModeration): Chart {
  const element = html('div', 'poll-chart poll-chart-words');
  const list = html('ul', 'word-cloud');
  list.setAttribute('aria-label', 'Woordenwolk');
  const empty = html('p', 'poll-chart-empty', 'Nog geen woorden');
  const removal = createWordList(moderation.removeWord);
  const queue = waitsForApproval(poll) ? createModerationQueue(poll.id, true, moderation) : null;
  element.append(list, empty, removal.element, ...(queue ? [queue.element] : []));
  const items = new Map<string, HTMLLIElement>();

  return {
    element,
    addPending(round, answers) {
      queue?.addOlder(round, answers);
    },
    update({ results }: ChartData) {
      const found = results?.results.kind === 'words' ? results.results : null;
      queue?.update(results?.round ?? 0, found?.pending ?? [], found?.pendingTotal ?? found?.pending?.length ?? 0);
      removal.update(found?.words ?? []);
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
