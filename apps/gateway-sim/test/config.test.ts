import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';

describe('config', () => {
  it('has the documented defaults', () => {
    expect(loadConfig({})).toEqual({
      SIM_PORT: 8043,
      SIM_HOST: '127.0.0.1',
      SIM_SCENARIO: 'small',
      SIM_SEED: 1,
      SIM_PASSWORD: 'floorwatch',
      SIM_HTTPS: false,
      SIM_POLL_HOLD_MS: 10000,
      SIM_LOCALE: 'en',
      SIM_RATE_LIMIT_REFUSAL: 'retcode',
    });
  });

  it('fails fast naming every bad key', () => {
    expect(() =>
      loadConfig({ SIM_PORT: 'eighty', SIM_SCENARIO: 'huge', SIM_HTTPS: 'maybe' }),
    ).toThrow(/SIM_PORT[\s\S]*SIM_SCENARIO[\s\S]*SIM_HTTPS/);
  });

  it('refuses an unknown locale or refusal mode, naming the key', () => {
    expect(() => loadConfig({ SIM_LOCALE: 'fr' })).toThrow(/SIM_LOCALE/);
    expect(() => loadConfig({ SIM_RATE_LIMIT_REFUSAL: 'teapot' })).toThrow(
      /SIM_RATE_LIMIT_REFUSAL/,
    );
  });

  it('reads the values it is given', () => {
    expect(
      loadConfig({
        SIM_PORT: '0',
        SIM_HTTPS: 'true',
        SIM_SCENARIO: 'large',
        SIM_SEED: '42',
        SIM_LOCALE: 'zh-CN',
        SIM_RATE_LIMIT_REFUSAL: 'http-429',
      }),
    ).toMatchObject({
      SIM_PORT: 0,
      SIM_HTTPS: true,
      SIM_SCENARIO: 'large',
      SIM_SEED: 42,
      SIM_LOCALE: 'zh-CN',
      SIM_RATE_LIMIT_REFUSAL: 'http-429',
    });
    expect(loadConfig({ SIM_SCENARIO: 'dense' }).SIM_SCENARIO).toBe('dense');
  });
});
