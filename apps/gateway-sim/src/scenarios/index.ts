import type { ScenarioDef } from '../engine/types';
import { largeScenario } from './large';
import { seedScenario } from './seed';
import { smallScenario } from './small';

export const SCENARIO_NAMES = ['seed', 'small', 'large'] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

export function buildScenario(name: ScenarioName): ScenarioDef {
  switch (name) {
    case 'seed':
      return seedScenario();
    case 'small':
      return smallScenario();
    case 'large':
      return largeScenario();
  }
}

export { largeScenario, seedScenario, smallScenario };
