// Imported first by main.tsx: zod decides whether to compile parsers with
// `new Function` when each schema is built, and the CSP forbids eval (probing
// for it would report a violation), so this must run before any schema exists.
import { z } from 'zod';

z.config({ jitless: true });
