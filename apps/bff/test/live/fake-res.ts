// A stand-in for the HTTP response of one live stream: records what is written, and lets a test
// set `writableLength` (the bytes the socket has not sent yet) to play a client that cannot keep
// up.
import { EventEmitter } from 'node:events';

export class FakeRes extends EventEmitter {
  chunks: (string | Buffer)[] = [];
  headers: Record<string, string> = {};
  writableEnded = false;
  destroyed = false;
  writableLength = 0;
  writeHead(_status: number, h: Record<string, string>) {
    this.headers = h;
    return this;
  }
  write(c: string | Buffer) {
    this.chunks.push(c);
    return true;
  }
  end() {
    this.writableEnded = true;
    this.emit('close');
    return this;
  }
  destroy() {
    this.destroyed = true;
  }
  events() {
    return this.chunks
      .join('')
      .split('\n\n')
      .filter((f) => f.includes('event:'))
      .map((f) => {
        const get = (k: string) =>
          f
            .split('\n')
            .find((l) => l.startsWith(`${k}: `))
            ?.slice(k.length + 2);
        return { id: Number(get('id')), event: get('event'), data: JSON.parse(get('data')!) };
      });
  }
}
