import { describe, expect, it } from 'vitest';
import { majorityVote, scoreTable } from '../../src/patterns/aggregate.js';

describe('aggregation helpers', () => {
  it('a majority vote names the winner, the counts and the agreement', () => {
    expect(majorityVote(['a', 'b', 'a', null])).toEqual({
      winner: 'a',
      counts: [
        { option: 'a', votes: 2 },
        { option: 'b', votes: 1 },
      ],
      agreement: 2 / 3,
      tie: false,
    });
  });

  it('a tied vote has no winner', () => {
    expect(majorityVote(['a', 'b'])).toMatchObject({ winner: null, tie: true });
    expect(majorityVote([])).toMatchObject({ winner: null, agreement: 0, counts: [] });
  });

  it('a score table aligns its columns', () => {
    expect(
      scoreTable(
        ['ID', 'SCORE'],
        [
          ['version-1', '6'],
          ['v2', '10'],
        ],
      ),
    ).toBe('ID         SCORE\nversion-1  6\nv2         10');
  });
});
