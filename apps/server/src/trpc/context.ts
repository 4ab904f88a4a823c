import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Kysely } from 'kysely';
import type { Database } from '@union/db';

export interface Context {
  db: Kysely<Database>;
  req?: IncomingMessage;
  res?: ServerResponse;
}

export function createContextFactory(db: Kysely<Database>) {
  return ({ req, res }: { req?: IncomingMessage; res?: ServerResponse } = {}): Context => ({ db, req, res });
}
