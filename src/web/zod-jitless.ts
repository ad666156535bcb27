import { z } from 'zod';

// zod compiles object schemas with `new Function` unless told not to; the node's Content
// Security Policy forbids eval, so the app's checks (the event catalogue of src/core) run
// interpreted. Imported first, before any schema parses.
z.config({ jitless: true });
