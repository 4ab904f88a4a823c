import { describe, expect, it } from 'vitest';
import { numberToText, parseLenientNumber } from './numberInput';

const n = (value: number) => ({ kind: 'number', value });

describe('parseLenientNumber', () => {
  it('reads plain, full-width and grouped numbers', () => {
    expect(parseLenientNumber('123')).toEqual(n(123));
    expect(parseLenientNumber('１２３')).toEqual(n(123));
    expect(parseLenientNumber('1,234')).toEqual(n(1234));
    expect(parseLenientNumber('１，２３４．５')).toEqual(n(1234.5));
    expect(parseLenientNumber(' 12 500 ')).toEqual(n(12500));
    expect(parseLenientNumber('12,500.50元')).toEqual(n(12500.5));
    expect(parseLenientNumber('35.5%')).toEqual(n(35.5));
    expect(parseLenientNumber('35.5％')).toEqual(n(35.5));
    expect(parseLenientNumber('＋7')).toEqual(n(7));
    expect(parseLenientNumber('.5')).toEqual(n(0.5));
    expect(parseLenientNumber('-0')).toEqual(n(0));
  });

  it('keeps negative numbers for the domain rules to refuse', () => {
    expect(parseLenientNumber('-3')).toEqual(n(-3));
    expect(parseLenientNumber('－3')).toEqual(n(-3));
  });

  it('treats blank as empty', () => {
    expect(parseLenientNumber('')).toEqual({ kind: 'empty' });
    expect(parseLenientNumber('  \u3000')).toEqual({ kind: 'empty' });
    expect(parseLenientNumber(undefined)).toEqual({ kind: 'empty' });
  });

  it('refuses text that is not clearly a number', () => {
    for (const text of ['abc', '12a', '1,5', '1,23,456', '1.2.3', '十二', '--1', '%', '1e5']) {
      expect(parseLenientNumber(text), text).toEqual({ kind: 'invalid' });
    }
  });

  it('formats stored numbers for editing', () => {
    expect(numberToText(null)).toBe('');
    expect(numberToText(1234.5)).toBe('1234.5');
  });
});
