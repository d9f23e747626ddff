import { describe, expect, it } from 'vitest';
import { matchPath } from '../router.tsx';
import { toCsv } from './csv.ts';
import { classOf, fitProjection, pathOf } from './geo.ts';
import { segmentText } from './spans.ts';

describe('segmentText', () => {
  const text = 'وصلت 160 طنا إلى دمشق';
  it('cuts the text into plain and highlighted pieces that join back to it', () => {
    const segments = segmentText(
      text,
      [
        { start: 5, end: 12, kind: 'quantity' },
        { start: 5, end: 8, kind: 'number' },
        { start: 17, end: 21, kind: 'place' },
      ],
      ['quantity', 'place'],
    );
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.span).map((s) => [s.text, s.span?.kind])).toEqual([
      ['160 طنا', 'quantity'],
      ['دمشق', 'place'],
    ]);
  });

  it('ignores spans outside the text', () => {
    expect(segmentText('abc', [{ start: 2, end: 9, kind: 'x' }], [])).toEqual([{ text: 'abc', span: null }]);
  });
});

describe('geo', () => {
  it('keeps north up and east right, whatever the page direction', () => {
    const projection = fitProjection(
      [
        { lon: 36, lat: 33 },
        { lon: 42, lat: 37 },
      ],
      600,
      20,
    );
    const damascus = projection.project({ lon: 36.3, lat: 33.5 });
    const hasakeh = projection.project({ lon: 40.7, lat: 36.5 });
    expect(hasakeh.x).toBeGreaterThan(damascus.x);
    expect(hasakeh.y).toBeLessThan(damascus.y);
    expect(
      pathOf(
        {
          type: 'Polygon',
          coordinates: [
            [
              [36, 33],
              [42, 33],
              [42, 37],
              [36, 33],
            ],
          ],
        },
        projection,
      ),
    ).toMatch(/^M20\.0,.*Z$/);
  });

  it('classes values from none to the largest', () => {
    expect([0, 1, 50, 100].map((v) => classOf(v, 100))).toEqual([0, 1, 3, 5]);
  });
});

describe('matchPath', () => {
  it('reads params and refuses other shapes', () => {
    expect(matchPath('/evidence/:resource/:id', '/evidence/shipments/abc')).toEqual({
      resource: 'shipments',
      id: 'abc',
    });
    expect(matchPath('/evidence/:resource/:id', '/evidence/shipments')).toBeNull();
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and starts with a BOM for spreadsheet programs', () => {
    expect(toCsv([['a,b', 'say "hi"', 3, null]])).toBe('\uFEFF"a,b","say ""hi""",3,\r\n');
  });
});
