import { describe, expect, it } from 'vitest';
import { uuidPattern, uuidv7 } from './ids.ts';

describe('uuidv7', () => {
  it('is a version 7 UUID, unique, ordered by time', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => uuidv7(1_700_000_000_000 + i));
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(uuidPattern);
      expect(id[14]).toBe('7');
      expect('89ab').toContain(id[19]);
    }
    expect([...ids].sort()).toEqual(ids);
    expect(uuidv7(0).startsWith('00000000-0000-7')).toBe(true);
  });
});
