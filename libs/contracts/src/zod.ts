import { z } from 'zod';

// The web app runs under a CSP without 'unsafe-eval'. zod probes for eval (new Function)
// when it builds an object schema, and a strict CSP reports that probe as a violation even
// though zod catches it; jitless skips the probe. The API keeps zod's faster JIT parsers.
if ('window' in globalThis) z.config({ jitless: true });

export { z };
