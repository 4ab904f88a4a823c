import { hash, verify, type Algorithm } from '@node-rs/argon2';

// `Algorithm` in @node-rs/argon2 is an ambient const enum, whose members
// verbatimModuleSyntax cannot read; 2 is Algorithm.Argon2id.
const ARGON2ID: Algorithm = 2;

/** argon2id with the library's defaults (19 MiB, t=2), OWASP's recommended floor. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** False for a wrong password or a malformed hash; never throws on user input. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
