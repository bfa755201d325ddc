import type { Bench } from './lib/bench';
export const browserFrames: Bench = {
  name: 'browser-frames',
  title: 'browser-frames',
  budgetMs: { full: 1000, smoke: 1000 },
  run() {
    return Promise.reject(new Error('not written yet'));
  },
};
