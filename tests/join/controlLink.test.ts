import { expect, test } from 'vitest';
import { controlParams } from '../../src/join/controlLink.ts';

const KEY = 'abcdefghijklmnopqrstuvwxyz_-0123';

test('the remote-control link carries room and key in the fragment', () => {
  expect(controlParams(`#room=K7Q4PM&key=${KEY}`)).toEqual({ room: 'K7Q4PM', key: KEY });
  expect(controlParams(`#key=${KEY}&room=k7q4pm`)).toEqual({ room: 'K7Q4PM', key: KEY });
});

test('a link without a valid room or key is refused', () => {
  expect(controlParams('')).toBeNull();
  expect(controlParams(`#room=K7Q4PM`)).toBeNull();
  expect(controlParams(`#key=${KEY}`)).toBeNull();
  expect(controlParams(`#room=K7Q4P0&key=${KEY}`)).toBeNull();
  expect(controlParams(`#room=K7Q4PM&key=short`)).toBeNull();
  expect(controlParams(`#room=K7Q4PM&key=${KEY}%3Cscript%3E`)).toBeNull();
});
