import type { paths } from './schema';

/** The JSON body of a path's successful answer (200 or 201), derived from the generated schema. */
export type ResponseBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: infer R;
}
  ? R extends { 200: { content: { 'application/json': infer T } } }
    ? T
    : R extends { 201: { content: { 'application/json': infer T } } }
      ? T
      : never
  : never;

/** The JSON request body of a path. */
export type RequestBody<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;

export type AreaNode = ResponseBody<'/api/v1/areas/tree', 'get'>[number];
export type AreaKind = NonNullable<AreaNode['kind']>;

/** The item type of a cursor-paged list answer (`{items, next}`). */
export type PageItem<P extends keyof paths> = ResponseBody<P, 'get'> extends { items?: (infer I)[] } ? I : never;
