import { describe, expect, it } from 'vitest';
import { breachId, NO_BREACHES, stepAlerts } from './alerts';

describe('critical alerts', () => {
  it('announces a breach once, holds it while it lasts, clears it when it ends', () => {
    const a = stepAlerts(NO_BREACHES, new Set(['q:1']), 1000);
    expect(a.started).toEqual(['q:1']);
    const b = stepAlerts(a.active, new Set(['q:1']), 2000);
    expect(b.started).toEqual([]);
    expect(b.active).toBe(a.active);
    expect(breachId('q:1', b.active)).toBe('q:1@1000');
    const c = stepAlerts(b.active, new Set(), 3000);
    expect(c.ended).toEqual(['q:1']);
    expect(breachId('q:1', c.active)).toBeNull();
  });
  it('treats the same key breaking again as a new breach', () => {
    const a = stepAlerts(NO_BREACHES, new Set(['a:7']), 1000);
    const b = stepAlerts(stepAlerts(a.active, new Set(), 2000).active, new Set(['a:7']), 3000);
    expect(b.started).toEqual(['a:7']);
    expect(breachId('a:7', b.active)).toBe('a:7@3000');
  });
});
