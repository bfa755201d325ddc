// SIM_LOCALE=zh-CN: a Chinese centre in `small` and `large`, sent as UTF-8, byte for byte the same
// for a seed and a clock, and the same floor as in English (only the words change).
import { describe, expect, it } from 'vitest';
import { ContactCentreEngine, largeScenario, smallScenario } from '../src/index';
import { ROOMY, T0, supervisor, testSim, type AllOnline, type Envelope } from './factories';

const zh = { ...ROOMY, locale: 'zh-CN' as const };

describe('zh-CN', () => {
  it('names queues, agents and teams in Chinese, as UTF-8 bytes with the right Content-Length', async () => {
    const sim = await testSim(zh);
    const guid = await supervisor(sim);
    const skills = await sim.get<Envelope<{ name: string }[]>>(
      'queuedevice/101/agentvdnskill',
      guid,
    );
    expect(skills.json.result.map((s) => s.name)).toEqual([
      '信用卡服务',
      '贷款咨询',
      '理财销售',
      '在线客服',
      '视频银行',
      '邮件服务',
    ]);
    expect(skills.headers['content-type']).toBe('application/json; charset=UTF-8');
    expect(Number(skills.headers['content-length'])).toBe(skills.bytes.length);
    // Raw UTF-8 on the wire, not \u escapes.
    expect(skills.bytes.includes(Buffer.from('信用卡服务', 'utf8'))).toBe(true);
    expect(skills.bytes.toString('utf8')).toBe(skills.text);

    const all = await sim.get<AllOnline>('agentgroup/101/allonlineagents', guid);
    const agent = all.json.result[0]!.agent[0]!;
    expect(agent.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    expect(agent.groupname).toMatch(/组$/);
    expect(all.bytes.includes(Buffer.from(agent.name, 'utf8'))).toBe(true);
    expect(Number(all.headers['content-length'])).toBe(all.bytes.length);

    const acd = await sim.send<Envelope<{ skillDescrip: string }[]>>(
      'POST',
      'queuedevice/101/queryacdstat',
      guid,
      { skills: [2] },
    );
    expect(acd.json.result[0]!.skillDescrip).toBe('贷款咨询');
    const status = await sim.control('GET', 'status');
    expect(status.json.locale).toBe('zh-CN');
    const reasons = await sim.control<{ rest: { code: number; label: string }[] }>(
      'GET',
      'reasons',
    );
    expect(reasons.json.rest).toContainEqual({ code: 12, label: '午餐' });
  });

  it('is byte-stable: two simulators with the same seed and clock send identical bytes', async () => {
    const bodies: Buffer[][] = [];
    for (let i = 0; i < 2; i += 1) {
      const sim = await testSim({ ...zh, seed: 7 });
      const guid = await supervisor(sim);
      sim.clock.advance(90_000);
      await sim.get('agentevent/101', guid);
      bodies.push([
        (await sim.get('agentgroup/101/allonlineagents', guid)).bytes,
        (await sim.get('queuedevice/101/agentvdnskill', guid)).bytes,
        (await sim.send('POST', 'queuedevice/101/queryacdstat', guid, { skills: [1, 4, 6] })).bytes,
      ]);
      await sim.close();
    }
    expect(bodies[0]![0]!.length).toBeGreaterThan(1000);
    for (let k = 0; k < 3; k += 1) expect(bodies[1]![k]!.equals(bodies[0]![k]!)).toBe(true);
  });

  it('changes words only: the same seed gives the same floor as in English', () => {
    const floor = (e: ContactCentreEngine) =>
      e.agents().map((a) => [a.def.workno, a.status, a.ctiStatus, a.reason, a.stateSince]);
    const en = new ContactCentreEngine(smallScenario('en'), 3, T0);
    const cn = new ContactCentreEngine(smallScenario('zh-CN'), 3, T0);
    en.advanceTo(T0 + 3_600_000);
    cn.advanceTo(T0 + 3_600_000);
    expect(floor(cn)).toEqual(floor(en));
    const large = largeScenario('zh-CN');
    const largeEn = largeScenario('en');
    expect(large.skills.map((s) => s.mediaType)).toEqual(largeEn.skills.map((s) => s.mediaType));
    expect(large.agents.map((a) => a.skills)).toEqual(largeEn.agents.map((a) => a.skills));
    expect(large.skills[0]!.name).toMatch(/^北京信用卡服务（/);
    expect(new Set(large.skills.map((s) => s.name)).size).toBe(500);
    expect(large.agents[0]!.name).toMatch(/^[\u4e00-\u9fff]{2,3}$/);
    expect(large.agents[0]!.groupname).toBe('北京1组');
  });

  it('POST /sim-control/scenario can switch the locale; seed stays the documented example', async () => {
    const sim = await testSim(ROOMY);
    const r = await sim.control('POST', 'scenario', { name: 'small', locale: 'zh-CN' });
    expect(r.json).toMatchObject({ scenario: 'small', locale: 'zh-CN' });
    expect(sim.context.engine.queue(1)!.def.name).toBe('信用卡服务');
    await sim.control('POST', 'scenario', { name: 'seed' });
    expect(sim.context.engine.agent('2005')!.def.name).toBe('liukai011');
    expect((await sim.control('POST', 'scenario', { name: 'small', locale: 'fr' })).status).toBe(
      400,
    );
  });
});
