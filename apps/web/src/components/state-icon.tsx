import type { AgentState } from '@/lib/states';
import {
  BusyIcon,
  IdleIcon,
  PreRestIcon,
  RestIcon,
  SignedOutIcon,
  TalkingIcon,
  UnknownIcon,
  WrapupIcon,
} from './icons';

const ICONS = {
  idle: IdleIcon,
  talking: TalkingIcon,
  wrapup: WrapupIcon,
  busy: BusyIcon,
  rest: RestIcon,
  prerest: PreRestIcon,
  signedout: SignedOutIcon,
  unknown: UnknownIcon,
} satisfies Record<AgentState, unknown>;

export function StateIcon({ state, className }: { state: AgentState; className?: string }) {
  const Icon = ICONS[state];
  return <Icon className={className} />;
}
