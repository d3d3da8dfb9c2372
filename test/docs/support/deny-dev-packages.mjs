// A module resolve hook (node:module register) that refuses the packages a production
// install leaves out (`npm ci --omit=dev`, as in the Dockerfile), so importing a host here
// fails the way it would in the image. The names come from DENIED_PACKAGES (comma-separated).
import process from 'node:process';

const denied = new Set((process.env.DENIED_PACKAGES ?? '').split(',').filter(Boolean));
const reason = process.env.DENIED_REASON ?? 'a dev dependency: not installed in production';

/** `vitest/config` → `vitest`; `@scope/name/x` → `@scope/name`. */
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export async function resolve(specifier, context, nextResolve) {
  if (denied.has(packageOf(specifier))) {
    const error = new Error(
      `Cannot find package '${specifier}' imported from ${context.parentURL} (${reason})`,
    );
    error.code = 'ERR_MODULE_NOT_FOUND';
    throw error;
  }
  return nextResolve(specifier, context);
}
