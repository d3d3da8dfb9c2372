import { extendZodWithOpenApi } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

// Done once, here, before any host schema is built (shared/STACK.md, trap 5): host modules
// import `z` from this module only. Core's schemas need no `.openapi()` and are used as-is.
extendZodWithOpenApi(z);

export { z };
