import { expect, test } from 'vitest';
import { controlUrl, joinUrl, shortJoinAddress } from '../../src/deck/polls/joinAddress.ts';

test('the QR code encodes <joinBase>/<CODE>', () => {
  expect(joinUrl('http://192.168.1.5:8080', 'K7Q4PM')).toBe('http://192.168.1.5:8080/K7Q4PM');
  expect(joinUrl('https://poll.example.nl/', 'K7Q4PM')).toBe('https://poll.example.nl/K7Q4PM');
});

test('the short address leaves out the scheme, for people who type it', () => {
  expect(shortJoinAddress('http://192.168.1.5:8080', 'K7Q4PM')).toEqual({
    host: '192.168.1.5:8080/',
    code: 'K7Q4PM',
    text: '192.168.1.5:8080/K7Q4PM',
  });
  expect(shortJoinAddress('https://poll.example.nl/', 'ABC234').text).toBe('poll.example.nl/ABC234');
  expect(shortJoinAddress('https://example.nl/workshop', 'ABC234').text).toBe('example.nl/workshop/ABC234');
});

test('the control link carries the key in the fragment only, which browsers never send to a server', () => {
  const link = new URL(controlUrl('http://192.168.1.5:8080', 'K7Q4PM', 'abc_DEF-123456789012345678'));
  expect(link.pathname).toBe('/control.html');
  expect(link.search).toBe('');
  expect(new URLSearchParams(link.hash.slice(1)).get('room')).toBe('K7Q4PM');
  expect(new URLSearchParams(link.hash.slice(1)).get('key')).toBe('abc_DEF-123456789012345678');
});
