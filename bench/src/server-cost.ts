import type { Bench } from './lib/bench';
export const serverCost: Bench = {
  name: 'server-cost',
  title: 'server-cost',
  budgetMs: { full: 1000, smoke: 1000 },
  run() {
    return Promise.reject(new Error('not written yet'));
  },
};
