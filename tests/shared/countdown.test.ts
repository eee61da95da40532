import { describe, expect, it } from 'vitest';
import { clockText, Countdown } from '../../src/shared/countdown.ts';

describe('the group exercise countdown', () => {
  it('counts down only while running, and keeps the time while paused', () => {
    const countdown = new Countdown('casus-nahom', 600);
    expect(countdown.isFresh(0)).toBe(true);
    countdown.start(1000);
    expect(countdown.remainingMs(4000)).toBe(597_000);
    countdown.pause(4000);
    expect(countdown.remainingMs(60_000)).toBe(597_000);
    expect(countdown.state(60_000)).toEqual({
      exercise: 'casus-nahom',
      seconds: 600,
      remainingMs: 597_000,
      running: false,
    });
    countdown.toggle(70_000);
    expect(countdown.remainingMs(71_000)).toBe(596_000);
  });

  it('stops at zero, and starting again after that begins from the top', () => {
    const countdown = new Countdown('casus-heba', 60);
    countdown.start(0);
    expect(countdown.remainingMs(90_000)).toBe(0);
    expect(countdown.isDone(90_000)).toBe(true);
    expect(countdown.state(90_000).running).toBe(false);
    countdown.toggle(100_000);
    expect(countdown.remainingMs(100_000)).toBe(60_000);
    expect(countdown.isRunning(100_001)).toBe(true);
  });

  it('gets a minute more while it runs, on the clock and on its length, never past the longest', () => {
    const countdown = new Countdown('casus-nahom', 600);
    countdown.start(0);
    countdown.addMinute(10_000, 7200);
    expect(countdown.state(10_000)).toEqual({
      exercise: 'casus-nahom',
      seconds: 660,
      remainingMs: 650_000,
      running: true,
    });
    expect(countdown.remainingMs(20_000)).toBe(640_000);
    const long = new Countdown('casus-nahom', 7170);
    long.addMinute(0, 7200);
    expect(long.state(0)).toMatchObject({ seconds: 7200, remainingMs: 7_200_000 });
    long.addMinute(0, 7200);
    expect(long.seconds).toBe(7200);
  });

  it('reset makes it fresh: full length, not running', () => {
    const countdown = new Countdown('casus-ammar', 120);
    countdown.start(0);
    countdown.reset();
    expect(countdown.isFresh(5000)).toBe(true);
    expect(countdown.remainingMs(5000)).toBe(120_000);
  });

  it('a phone rebuilds it from the server’s state and counts on from its own clock', () => {
    const phone = Countdown.fromState(
      { exercise: 'casus-nabil', seconds: 600, remainingMs: 300_000, running: true },
      50_000,
    );
    expect(phone.remainingMs(52_500)).toBe(297_500);
    const paused = Countdown.fromState(
      { exercise: 'casus-nabil', seconds: 600, remainingMs: 300_000, running: false },
      50_000,
    );
    expect(paused.remainingMs(90_000)).toBe(300_000);
  });

  it.each([
    [600_000, '10:00'],
    [599_001, '10:00'],
    [599_000, '9:59'],
    [1, '0:01'],
    [0, '0:00'],
    [-5, '0:00'],
  ])('shows %i ms as %s (whole seconds, rounded up)', (ms, text) => {
    expect(clockText(ms)).toBe(text);
  });
});
