import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// Done once, here, before any contract schema is built (shared/STACK.md, trap 5): the
// contract's modules import `z` from this module only. Core's schemas need no `.openapi()`
// and are used as they are.
extendZodWithOpenApi(z);

export { z };
