import type { ScenarioDef } from '../engine/types';
import { denseScenario } from './dense';
import { largeScenario } from './large';
import type { Locale } from './locale';
import { seedScenario } from './seed';
import { smallScenario } from './small';

export const SCENARIO_NAMES = ['seed', 'small', 'large', 'dense'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** `seed` is the documented example, word for word, in every locale. */
export function buildScenario(name: ScenarioName, locale: Locale = 'en'): ScenarioDef {
  switch (name) {
    case 'seed':
      return seedScenario();
    case 'small':
      return smallScenario(locale);
    case 'large':
      return largeScenario(locale);
    case 'dense':
      return denseScenario(locale);
  }
}

export { denseScenario, largeScenario, seedScenario, smallScenario };
