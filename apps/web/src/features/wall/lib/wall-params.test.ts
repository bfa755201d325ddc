import { describe, expect, it } from 'vitest';
import { parseWallParams, serializeWallParams } from './wall-params';

const parse = (qs: string) => parseWallParams(new URLSearchParams(qs));

describe('wall params', () => {
  it('reads queues, rotation and token', () => {
    expect(parse('queues=1,2&rotate=20&token=abcdefghijklmnop1234')).toEqual({
      queues: [1, 2],
      rotateSec: 20,
      token: 'abcdefghijklmnop1234',
    });
  });
  it('defaults to every queue, no rotation, no token', () => {
    expect(parse('')).toEqual({ queues: [], rotateSec: 0, token: null });
  });
  it('clamps rotation and rejects junk', () => {
    expect(parse('rotate=1').rotateSec).toBe(5);
    expect(parse('rotate=99999').rotateSec).toBe(3600);
    expect(parse('rotate=abc').rotateSec).toBe(0);
    expect(parse('queues=1,x,-3,1').queues).toEqual([1]);
    expect(parse('token=short').token).toBeNull();
  });
  it('serialises only what is set', () => {
    expect(serializeWallParams({ queues: [3, 4], rotateSec: 30, token: null }).toString()).toBe(
      'queues=3%2C4&rotate=30',
    );
  });
});
