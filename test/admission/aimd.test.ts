import { describe, expect, test } from 'vitest';
import { AimdWindow } from '../../src/admission/aimd.js';

describe('AimdWindow', () => {
  test('a cut halves the window, and cuts inside the cooldown count once', () => {
    const window = new AimdWindow({ max: 16, min: 1, cooldownMs: 1000 });
    expect(window.cut(0.5, 0)).toBe(true);
    expect(window.size).toBe(8);
    expect(window.cut(0.5, 500)).toBe(false);
    expect(window.size).toBe(8);
    expect(window.cut(0.5, 1000)).toBe(true);
    expect(window.size).toBe(4);
  });

  test('it never shrinks below the floor', () => {
    const window = new AimdWindow({ max: 2, min: 1, cooldownMs: 0 });
    window.cut(0.5, 0);
    window.cut(0.5, 1);
    expect(window.size).toBe(1);
  });

  test('a window of successes grows it by one, up to the ceiling', () => {
    const window = new AimdWindow({ max: 3, min: 1, cooldownMs: 0 });
    window.cut(0.5, 0);
    expect(window.size).toBe(1);
    expect(window.succeed()).toBe(true);
    expect(window.size).toBe(2);
    expect(window.succeed()).toBe(false);
    expect(window.succeed()).toBe(true);
    expect(window.size).toBe(3);
    for (let i = 0; i < 10; i++) expect(window.succeed()).toBe(false);
    expect(window.size).toBe(3);
  });

  test('a cut that cannot shrink the window says so and does not start the cooldown', () => {
    const window = new AimdWindow({ max: 2, min: 1, cooldownMs: 1000 });
    expect(window.cut(0.5, 0)).toBe(true);
    expect(window.size).toBe(1);
    // At the floor: the cut changes nothing, so the cooldown does not restart.
    expect(window.cut(0.5, 2000)).toBe(false);
    expect(window.size).toBe(1);
    expect(window.succeed()).toBe(true);
    expect(window.size).toBe(2);
    expect(window.cut(0.5, 2500)).toBe(true);
    expect(window.size).toBe(1);
  });

  test('a gentle cut of a small window that rounds back to its size is no cut', () => {
    const window = new AimdWindow({ max: 3, min: 3, cooldownMs: 0 });
    expect(window.cut(0.75, 0)).toBe(false);
    expect(window.size).toBe(3);
  });

  test('an unbounded window shrinks from what was in flight', () => {
    const window = new AimdWindow({ max: Infinity, min: 1, cooldownMs: 0 });
    expect(window.cut(0.5, 0, 10)).toBe(true);
    expect(window.size).toBe(5);
  });
});
