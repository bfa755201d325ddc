import type { Bench } from './lib/bench';
export const freshness: Bench = {
  name: 'freshness',
  title: 'freshness',
  budgetMs: { full: 1000, smoke: 1000 },
  run() {
    return Promise.reject(new Error('not written yet'));
  },
};
