import { describe, expect, test } from 'vitest';
import { CONTROL_LINK_KEY, controlParams, takeControlLink } from '../../src/console/remoteLink.ts';

const TOKEN = 'abcdefghijklmnopqrstuvwxyz_-0123';

test('the remote-control link carries room and remote token in the fragment', () => {
  expect(controlParams(`#room=K7Q4PM&token=${TOKEN}`)).toEqual({ room: 'K7Q4PM', token: TOKEN });
  expect(controlParams(`#token=${TOKEN}&room=k7q4pm`)).toEqual({ room: 'K7Q4PM', token: TOKEN });
});

test('a link without a valid room or token is refused, the room key too', () => {
  expect(controlParams('')).toBeNull();
  expect(controlParams(`#room=K7Q4PM`)).toBeNull();
  expect(controlParams(`#token=${TOKEN}`)).toBeNull();
  expect(controlParams(`#room=K7Q4PM&key=${TOKEN}`)).toBeNull();
  expect(controlParams(`#room=K7Q4P0&token=${TOKEN}`)).toBeNull();
  expect(controlParams(`#room=K7Q4PM&token=short`)).toBeNull();
  expect(controlParams(`#room=K7Q4PM&token=${TOKEN}%3Cscript%3E`)).toBeNull();
});

describe('taking the link from the address', () => {
  function page(hash: string) {
    const items = new Map<string, string>();
    const replaced: string[] = [];
    return {
      address: { hash, pathname: '/', search: '?remote' },
      history: {
        replaceState: (_data: unknown, _unused: string, url?: string | URL | null) => replaced.push(String(url)),
      },
      session: {
        getItem: (key: string) => items.get(key) ?? null,
        setItem: (key: string, value: string) => items.set(key, value),
      },
      items,
      replaced,
    };
  }

  test('wipes the token from the address bar and keeps it for a reload in this tab', () => {
    const first = page(`#room=K7Q4PM&token=${TOKEN}`);
    expect(takeControlLink(first.address, first.history, first.session)).toEqual({ room: 'K7Q4PM', token: TOKEN });
    expect(first.replaced).toEqual(['/?remote']);
    expect(first.items.get(CONTROL_LINK_KEY)).toContain(TOKEN);
    // The reload: no fragment any more, the kept link.
    const reload = { ...first, address: { ...first.address, hash: '' } };
    expect(takeControlLink(reload.address, reload.history, reload.session)).toEqual({ room: 'K7Q4PM', token: TOKEN });
    // A reload on a slide: the fragment is the slide's (reveal's), not a link.
    const onSlide = { ...first, address: { ...first.address, hash: '#/welkom' } };
    expect(takeControlLink(onSlide.address, onSlide.history, onSlide.session)).toEqual({
      room: 'K7Q4PM',
      token: TOKEN,
    });
    expect(first.replaced).toEqual(['/?remote']);
  });

  test('wipes an incomplete link too, and does not fall back to the kept one', () => {
    const tab = page(`#room=K7Q4PM&token=${TOKEN}`);
    takeControlLink(tab.address, tab.history, tab.session);
    const other = { ...tab, address: { ...tab.address, hash: '#room=K7Q4PM&token=short' } };
    expect(takeControlLink(other.address, other.history, other.session)).toBeNull();
    expect(tab.replaced).toEqual(['/?remote', '/?remote']);
  });

  test('works without storage, and with nothing kept', () => {
    const tab = page(`#room=K7Q4PM&token=${TOKEN}`);
    expect(takeControlLink(tab.address, tab.history, null)).toEqual({ room: 'K7Q4PM', token: TOKEN });
    expect(takeControlLink({ ...tab.address, hash: '' }, tab.history, tab.session)).toBeNull();
  });
});
