import { describe, expect, test } from 'vitest';
import { renderPoll } from '../../src/vite/render/poll.ts';
import type { Poll } from '../../src/shared/deck.ts';

const single: Poll = {
  id: 'start-rol',
  type: 'single',
  question: 'Vanuit welke rol "ben" je <hier>?',
  options: ['Gemeente', 'Werk & <b>gever</b>'],
  hidden: false,
};

describe('the poll markup rendered at build time', () => {
  test('carries the poll for the scripts, escaped, so it reads back the same', () => {
    const html = renderPoll(single);
    const attribute = /data-poll="([^"]*)"/.exec(html)?.[1] ?? '';
    const decoded = attribute
      .replaceAll('&quot;', '"')
      .replaceAll('&#39;', "'")
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&amp;', '&');
    expect(JSON.parse(decoded)).toEqual(single);
    expect(html).not.toContain('<b>gever</b>');
    expect(html).toContain('data-poll-id="start-rol"');
  });

  test('names the question and how to answer; self-study puts the answer form in its place', () => {
    const html = renderPoll({ ...single, type: 'multiple', max: 2 });
    expect(html).toContain('<h2 class="poll-question" id="poll-start-rol-vraag">');
    expect(html).toContain('Kies hoogstens 2 antwoorden');
    // The form itself is the phone's (src/client/forms), built in the browser: tests/browser/selfStudyForms.test.ts.
    expect(html).toContain('<div class="poll-answer"></div><p class="poll-saved" role="status"></p>');
    expect(html).not.toContain('<form');
  });
});
