// `pnpm --silent hash-password` reads a password on stdin and prints only its hash, so it can be
// piped into a users file. `--token` mints a random wallboard link token and prints both lines.
import { randomBytes } from 'node:crypto';
import { GENERATED_SECRET_COST, hashPassword } from './password-hash';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(
      'usage: pnpm --silent hash-password            (password on stdin → hash)\n' +
        '       pnpm --silent hash-password --token    (new wallboard token + its hash)\n',
    );
    return 0;
  }
  if (argv.includes('--token')) {
    const token = randomBytes(24).toString('base64url');
    process.stdout.write(
      `token: ${token}\nlinkToken: ${await hashPassword(token, GENERATED_SECRET_COST)}\n`,
    );
    return 0;
  }
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl+D): ');
  // Only the trailing newline of `echo` or a terminal is stripped; other whitespace is kept.
  const secret = (await readStdin()).replace(/\r?\n$/, '');
  if (secret.length === 0) {
    process.stderr.write('hash-password: empty password on stdin\n');
    return 1;
  }
  process.stdout.write(`${await hashPassword(secret)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`hash-password: ${String(err)}\n`);
    process.exit(1);
  },
);
