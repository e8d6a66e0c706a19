import { describe, expect, it } from 'vitest';
import { splitLines } from '../src/engine/lines.js';
import { lineQuality, mainRun, profilePage, weighLine } from '../src/engine/prose.js';
import { countStopwords, detectStopwords } from '../src/engine/stopwords.js';

const PROSE = 'Repairs to the harbour bridge will close two of its four lanes from next Monday until the middle of March, officials said.';
const english = detectStopwords(PROSE);

describe('line weighing', () => {
  it('guesses the language from its stopwords, and gives up on too few', () => {
    expect(english?.has('the')).toBe(true);
    expect(detectStopwords('Home News Sport Weather')).toBeNull();
  });

  it('tells prose, short sentences and labels apart', () => {
    expect(lineQuality(PROSE, english).class).toBe('prose');
    expect(lineQuality('"We know this is painful," he said.', english).class).toBe('sentence');
    expect(lineQuality('Being away from the big cit', english).class).toBe('sentence');
    expect(lineQuality('Privacy Policy', english).class).toBe('label');
    expect(lineQuality('Council votes to extend library hours', english).class).toBe('label');
    // Headline lists: unpunctuated lines of ten to twenty words, and title case of any length.
    expect(lineQuality('The Dakota County Fair will be free to attend starting next summer', english).class).toBe('label');
    expect(lineQuality('The Early Reviews For Google Stadia Gaming Platform Are Here And They Are Not Great At All', english).class).toBe('label');
    expect(lineQuality('Only a Few Like It.', english).class).not.toBe('prose');
  });

  it('weighs a line printed twice on the page as a label', () => {
    const lines = splitLines(`${PROSE}\nMenu\n${PROSE}\n`);
    const profile = profilePage(lines, 20_000);
    const [first] = lines;
    expect(first && weighLine(first, first.text, profile).class).toBe('label');
    expect(lineQuality(PROSE, english).weight).toBeGreaterThan(0);
  });
});

describe('mainRun', () => {
  it('finds the heaviest stretch, keeping a light line between two heavy ones', () => {
    expect(mainRun([-3, -3, 20, -3, 15, -3, -3, -3, 4])).toEqual({ start: 2, end: 4, score: 32 });
  });

  it('is null when nothing weighs positive', () => {
    expect(mainRun([-1, -2, 0])).toBeNull();
    expect(mainRun([])).toBeNull();
  });
});
