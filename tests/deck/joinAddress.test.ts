import { expect, test } from 'vitest';
import { controlUrl, joinUrl, shortJoinAddress, travelsInTheClear } from '../../src/deck/polls/joinAddress.ts';

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

test('the control link carries the remote token in the fragment only, which browsers never send to a server', () => {
  const link = new URL(controlUrl('http://192.168.1.5:8080', 'K7Q4PM', 'abc_DEF-123456789012345678'));
  expect(link.pathname).toBe('/');
  expect(link.search).toBe('?remote');
  const planned = new URL(controlUrl('http://192.168.1.5:8080', 'K7Q4PM', 'abc_DEF-123456789012345678', 'dagdeel'));
  expect(planned.search).toBe('?remote&plan=dagdeel');
  const params = new URLSearchParams(link.hash.slice(1));
  expect(params.get('room')).toBe('K7Q4PM');
  expect(params.get('token')).toBe('abc_DEF-123456789012345678');
  expect(params.has('key')).toBe(false);
});

test('a link travels in the clear over plain http to an address other devices share', () => {
  expect(travelsInTheClear('http://192.168.1.5:8080')).toBe(true);
  expect(travelsInTheClear('http://workshop.example.nl')).toBe(true);
  expect(travelsInTheClear('http://[fe80::1]:8080')).toBe(true);
  expect(travelsInTheClear('https://workshop.example.nl')).toBe(false);
  expect(travelsInTheClear('http://localhost:8080')).toBe(false);
  expect(travelsInTheClear('http://127.0.0.1:8080')).toBe(false);
  expect(travelsInTheClear('http://127.12.0.3')).toBe(false);
  expect(travelsInTheClear('http://[::1]:8080')).toBe(false);
});
