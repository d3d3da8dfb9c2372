/** `/doctors/get/{id}` → `/doctors/get/:id`: the contract's OpenAPI paths as Koa routes. */
export function koaPath(openApiPath: string): string {
  return openApiPath.replace(/\{(\w+)\}/g, ':$1');
}
