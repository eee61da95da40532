import { describe, expect, test } from 'vitest';
import { renderPoll } from '../../src/vite/render/poll.ts';
import type { Poll } from '../../src/shared/deck.ts';
import { LIMITS } from '../../src/shared/protocol.ts';

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

  test('a choice poll is a form of radio buttons labelled with the options', () => {
    const html = renderPoll(single);
    expect(html.match(/type="radio"/g)).toHaveLength(2);
    expect(html).toContain('<legend class="visually-hidden">');
    expect(html).toContain('aria-labelledby="poll-start-rol-vraag"');
    expect(html).toContain('id="poll-start-rol-vraag"');
  });

  test('multiple choice uses checkboxes; text answers have the server limits', () => {
    expect(renderPoll({ ...single, type: 'multiple', max: 2 })).toContain('type="checkbox"');
    expect(renderPoll({ ...single, type: 'multiple', max: 2 })).toContain('Kies hoogstens 2 antwoorden');
    expect(renderPoll({ ...single, type: 'wordcloud', options: [] })).toContain(`maxlength="${LIMITS.wordChars}"`);
    expect(renderPoll({ ...single, type: 'open', options: [], moderation: 'approve' })).toContain(
      `maxlength="${LIMITS.openChars}"`,
    );
  });

  test('a ranking has move buttons named after their option', () => {
    const html = renderPoll({ ...single, type: 'ranking', options: ['Eerst', 'Dan', 'Laatst'] });
    expect(html).toContain('aria-label="Hoger: Eerst"');
    expect(html).toContain('aria-label="Lager: Laatst"');
  });

  test('a scale names its ends for screen readers on the first and last point', () => {
    const html = renderPoll({
      ...single,
      type: 'scale',
      options: ['1', '2', '3'],
      min: 1,
      max: 3,
      labels: ['Weinig', 'Veel'],
    });
    expect(html).toContain('<span class="visually-hidden"> (Weinig)</span>');
    expect(html).toContain('<span class="visually-hidden"> (Veel)</span>');
    expect(html.match(/type="radio"/g)).toHaveLength(3);
  });
});
