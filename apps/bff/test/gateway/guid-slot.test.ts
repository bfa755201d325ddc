import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createGuidSlot } from '../../src/gateway/guid-slot';

const log = pino({ level: 'silent' });

describe('Guid slot', () => {
  it('takes a rotated Guid from an answer to a call of the current session', () => {
    const slot = createGuidSlot(log);
    const gen = slot.begin('g1.AgentGateway0');
    slot.offer('g2.AgentGateway0', gen, 'getAgentEvent');
    expect(slot.current()).toBe('g2.AgentGateway0');
    slot.offer(null, gen, 'getAgentEvent');
    expect(slot.current()).toBe('g2.AgentGateway0');
  });

  it('ignores a Set-GUID on an answer to a call sent before a re-sign-in', () => {
    const slot = createGuidSlot(log);
    const old = slot.begin('g1.AgentGateway0');
    const gen = slot.begin('n1.AgentGateway0');
    expect(gen).not.toBe(old);
    slot.offer('g2.AgentGateway0', old, 'queryAllOnlineAgents');
    expect(slot.current()).toBe('n1.AgentGateway0');
  });

  it('holds nothing after the session ended, whatever answers arrive late', () => {
    const slot = createGuidSlot(log);
    const gen = slot.begin('g1.AgentGateway0');
    slot.end();
    slot.offer('g2.AgentGateway0', gen, 'getAgentEvent');
    slot.offer('g3.AgentGateway0', slot.generation(), 'proxy');
    expect(slot.current()).toBeNull();
  });
});
