import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { textWidth, wrapNote } from './wrapNote';

const FONT = 11;

describe('a note wrapped to a plot’s width', () => {
  it.each([
    ['en', en.noteUnitsDrawn(32, 512)],
    ['zh', zh.noteUnitsDrawn(32, 512)],
  ])('(%s) has no line wider than the plot, and keeps every word in order', (_, line) => {
    const note = `${line}<br>${line}`;
    const wrapped = wrapNote(note, 200, FONT);
    const lines = wrapped.split('<br>');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(textWidth(l, FONT)).toBeLessThanOrEqual(200);
    // Nothing lost or reordered: only spaces at the breaks are dropped.
    expect(lines.join('').replace(/\s/g, '')).toBe(note.replace('<br>', '').replace(/\s/g, ''));
  });

  it('leaves a note that fits as it is', () => {
    const note = `${en.noteUnitsDrawn(32, 512)}<br>${en.noteResiduals(300, 2000)}`;
    expect(wrapNote(note, 2000, FONT)).toBe(note);
  });

  it('breaks Latin text at spaces only, and keeps a word wider than the plot whole', () => {
    expect(wrapNote('aaaa bbbb cccc', 6 * 0.6 * FONT, FONT)).toBe('aaaa<br>bbbb<br>cccc');
    expect(wrapNote('unbreakable', 10, FONT)).toBe('unbreakable');
  });
});
