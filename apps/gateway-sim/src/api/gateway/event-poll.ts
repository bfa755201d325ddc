// GET agentevent/{id}: the long poll (docs/gateway.md §Conventions, §Guid rotation). Answers at
// once when an event is queued, otherwise holds pollHoldMs; a new Guid rides on the answer every
// GUIDINTERVAL. In polling mode an accepted poll is the keep-alive: the idle timer restarts when
// it arrives and when it is answered.
import { sendJson } from '../http-io';
import type { PollAnswer } from '../sessions';
import { fail, type SessionHandler } from './reply';

export const poll: SessionHandler = (g) => {
  const { ctx, res, session: s } = g;
  if (s.heldPoll)
    return fail(g, '000-007', 'other', 'Repeated invocation: a poll is already waiting');
  const keepAlive = (): void => {
    if (s.mode === 'polling' && s.signedIn) ctx.sessions.keepAlive(s, ctx.now());
  };
  keepAlive();
  const answer = (a: PollAnswer): void => {
    if (a.kind === 'drop') {
      res.destroy();
      return;
    }
    if (a.kind === 'retcode') {
      sendJson(res, 200, { message: a.message, retcode: a.retcode, event: null });
      return;
    }
    keepAlive();
    const headers: Record<string, string> = {};
    const rotated = ctx.sessions.rotateIfDue(s, ctx.now());
    if (rotated) headers['Set-GUID'] = `JSESSIONID=${rotated}`;
    sendJson(
      res,
      200,
      { message: '', retcode: '0', event: a.kind === 'event' ? a.event : null },
      headers,
    );
  };
  const queued = s.events.shift();
  if (queued) return answer({ kind: 'event', event: queued });
  let done = false;
  const timer = setTimeout(() => {
    if (done) return;
    done = true;
    if (s.heldPoll === held) s.heldPoll = null;
    answer({ kind: 'none' });
  }, ctx.opts.pollHoldMs);
  const held = {
    answer: (a: PollAnswer) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      answer(a);
    },
  };
  s.heldPoll = held;
  res.on('close', () => {
    // The client went away (or the server is closing): the slot is free for its next poll.
    clearTimeout(timer);
    done = true;
    if (s.heldPoll === held) s.heldPoll = null;
  });
};
