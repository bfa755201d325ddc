import { describe, expect, it } from 'vitest';
import { parseWallParams, serializeWallParams } from './wall-params';

const parse = (qs: string) => parseWallParams(new URLSearchParams(qs));

describe('wall params', () => {
  it('reads queues, rotation, view and token', () => {
    expect(parse('queues=1,2&rotate=20&view=tiles&token=abcdefghijklmnop1234')).toEqual({
      queues: [1, 2],
      rotateSec: 20,
      view: 'tiles',
      token: 'abcdefghijklmnop1234',
      badToken: false,
      sound: false,
      given: { queues: true, rotate: true, view: true },
    });
  });
  it('defaults to every queue as tiles, a page every 15 s, no token', () => {
    expect(parse('')).toEqual({
      queues: [],
      rotateSec: 15,
      view: 'tiles',
      token: null,
      badToken: false,
      sound: false,
      given: { queues: false, rotate: false, view: false },
    });
  });
  it('turns the alert sound on with sound=1 only', () => {
    expect(parse('sound=1').sound).toBe(true);
    expect(parse('sound=yes').sound).toBe(false);
  });
  it('sets the page time with rotate, also for every queue', () => {
    expect(parse('rotate=30')).toMatchObject({ rotateSec: 30, view: 'tiles' });
  });
  it('keeps old links: chosen queues with rotate show one queue at a time', () => {
    expect(parse('queues=1,2&rotate=20').view).toBe('queue');
    expect(parse('queues=1,2').view).toBe('tiles');
    expect(parse('queues=7').view).toBe('queue');
    expect(parse('queues=1,2&rotate=20&view=tiles').view).toBe('tiles');
  });
  it('clamps rotation and rejects junk', () => {
    expect(parse('rotate=1').rotateSec).toBe(5);
    expect(parse('rotate=99999').rotateSec).toBe(3600);
    expect(parse('rotate=abc').rotateSec).toBe(15);
    expect(parse('rotate=0').rotateSec).toBe(15);
    expect(parse('view=carousel').view).toBe('tiles');
    expect(parse('queues=1,x,-3,1').queues).toEqual([1]);
  });
  it('marks a token that cannot be one, so the display can say the link is not valid', () => {
    expect(parse('token=short')).toMatchObject({ token: null, badToken: true });
    expect(parse(`token=${'x'.repeat(501)}`)).toMatchObject({ token: null, badToken: true });
    expect(parse('').badToken).toBe(false);
  });
  it('serialises only what differs from the defaults, and round-trips', () => {
    const w = { queues: [3, 4], rotateSec: 30, view: 'queue' as const, token: null, sound: false };
    expect(serializeWallParams(w).toString()).toBe('queues=3%2C4&rotate=30');
    expect(parse(serializeWallParams(w).toString())).toMatchObject(w);
    const tiles = {
      queues: [3, 4],
      rotateSec: 15,
      view: 'queue' as const,
      token: null,
      sound: false,
    };
    expect(parse(serializeWallParams(tiles).toString())).toMatchObject(tiles);
    expect(
      serializeWallParams({
        queues: [],
        rotateSec: 15,
        view: 'tiles',
        token: null,
        sound: false,
      }).toString(),
    ).toBe('');
  });
});
