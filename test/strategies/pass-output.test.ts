import { describe, expect, it } from 'vitest';
import { withPreviousOutput } from '../../src/strategies/pass-output.js';

describe('output passing', () => {
  it('frames the earlier outputs before the new task, as the original did', () => {
    expect(withPreviousOutput('Review it', ['Draft one\n', 'Draft two'])).toBe(
      '--- Previous output ---\nDraft one\n\nDraft two\n--- New task ---\nReview it',
    );
  });

  it('leaves the prompt alone when there is nothing to pass', () => {
    expect(withPreviousOutput('Review it', [])).toBe('Review it');
    expect(withPreviousOutput('Review it', ['', '  \n'])).toBe('Review it');
  });
});
