// How many of a queue's agents are past their time limits right now: lib/thresholds counts it.
export type { PastLimits } from '@/lib/thresholds';
