import { newPasswordSchema } from '@union/domain';

// No look-alikes (0/O, 1/l/I) so a password read out over the phone is typed right.
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALL = LETTERS + DIGITS;

function pick(alphabet: string, random: (n: number) => number): string {
  return alphabet[random(alphabet.length)]!;
}

function cryptoRandom(n: number): number {
  // Rejection sampling: no modulo bias.
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  const buf = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(buf);
    if (buf[0]! < limit) return buf[0]! % n;
  }
}

/**
 * A temporary password the admin passes on: 10 characters, letters and digits,
 * always accepted by `newPasswordSchema`.
 */
export function generateTemporaryPassword(length = 10, random: (n: number) => number = cryptoRandom): string {
  const chars = [pick(LETTERS, random), pick(DIGITS, random)];
  while (chars.length < length) chars.push(pick(ALL, random));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = random(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  const password = chars.join('');
  return newPasswordSchema.safeParse(password).success ? password : generateTemporaryPassword(length, random);
}
