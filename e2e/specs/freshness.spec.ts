import { expect, test } from '../fixtures/test';

// The seed floor never changes by itself: nothing but successful polls for a whole minute.
test.use({ stackOptions: { scenario: 'seed', users: 'demo' } });

test.describe('freshness on a quiet floor', () => {
  test('stays live for a minute: no banner, no dimming, "updated" within poll + 1 s', async ({
    app,
  }) => {
    test.setTimeout(150_000);
    await app.signInAs('supervisor');
    await app.overview.open();
    await app.shell.expectLive();

    const samples = await app.shell.sampleFreshness(60_000);
    expect(samples.length).toBeGreaterThan(30);
    const limitSec = (app.stack.pollMs + 1000) / 1000;
    const ages: number[] = [];
    for (const s of samples) {
      expect(s, `at ${s.at} ms`).toMatchObject({ banner: false, dimmed: false });
      const m = /^Live · updated (\d+) s ago$/.exec(s.text);
      expect(m, `at ${s.at} ms the freshness line said "${s.text}"`).not.toBeNull();
      ages.push(Number(m?.[1]));
    }
    test.info().annotations.push({
      type: 'updated ages (s)',
      description: `max ${Math.max(...ages)} over ${samples.length} samples; limit ${limitSec}`,
    });
    expect(Math.max(...ages)).toBeLessThanOrEqual(limitSec);
  });
});
