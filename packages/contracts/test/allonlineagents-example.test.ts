import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allOnlineAgentsResponse, parseMediaTriple, stateFromStatus } from '../src/gateway/index';

// The documented example payload of the allonlineagents interface page (docs/gateway.md
// §allonlineagents), copied verbatim (one line).
function documentedExample(): unknown {
  return JSON.parse(
    readFileSync(
      fileURLToPath(new URL('./fixtures/allonlineagents.example.json', import.meta.url)),
      'utf8',
    ),
  );
}

describe('allonlineagents.txt example', () => {
  it('parses into exactly the values it shows', () => {
    const parsed = allOnlineAgentsResponse.parse(documentedExample());
    expect(parsed.retcode).toBe('0');
    expect(parsed.message).toBe('success');
    expect(parsed.result).toHaveLength(2);
    const [skill1, skill2] = parsed.result!;
    expect(skill1).toMatchObject({ skillId: 1, skillMediaType: 5 });
    expect(skill2).toMatchObject({ skillId: 2, skillMediaType: 53 });
    expect(skill1!.agent.map((a) => a.workno)).toEqual(['2005', '2007']);
    expect(skill2!.agent.map((a) => a.workno)).toEqual(['2007']);
    expect(skill1!.agent[0]).toEqual({
      workno: '2005',
      name: 'liukai011',
      status: 4,
      ctiStatus: 1,
      groupid: 0,
      groupname: null,
      skilllist: [],
      mediatype: 'TFF',
      vdnid: 214,
      phonenumber: '88880026',
      currentstatetime: 527,
      logindate: 1616510142000,
      callids: [],
      inMultimediaConf: 0,
      currentStateReason: 0,
    });
    expect(skill2!.agent[0]).toEqual({ ...skill1!.agent[1] });
    expect(skill1!.agent[1]).toMatchObject({
      name: '',
      mediatype: 'TTF',
      phonenumber: '88880027',
      currentstatetime: 28,
      logindate: 1616510634000,
    });
    expect(parseMediaTriple('TTF')).toEqual({ voice: true, chat: true, email: false });
    expect(stateFromStatus(skill1!.agent[0]!.status)).toBe('idle');
  });
});
