// The OpenAPI 3.1 document of the BFF, built from the route table (api-routes.ts) and the zod
// contracts with zod-openapi (which uses zod 4's own JSON Schema output). Served at
// /api/v1/openapi.json; scripts/api-docs.ts renders docs/api.md from the same document.
import * as api from '@floorwatch/contracts/api';
import type { z } from 'zod';
import {
  createDocument,
  type ZodOpenApiOperationObject,
  type ZodOpenApiPathsObject,
  type ZodOpenApiResponseObject,
} from 'zod-openapi';
import { BUILD_INFO } from '../build-info';
import { API_ROUTES, API_TYPES, openApiPath, type Access, type ApiRoute } from './api-routes';

const ACCESS_TEXT: Record<Access, string> = {
  anyone: 'anyone',
  'signed-in': 'signed in',
  supervisor: 'supervisor with all queues',
  admin: 'admin',
};

/** Errors every route of an access level can answer, besides its own. */
function standardErrors(route: ApiRoute): Record<number, string> {
  const out: Record<number, string> = {};
  if (route.body || route.query || route.params)
    out[400] = 'Invalid request; `details` lists the problems';
  if (route.access !== 'anyone') out[401] = 'Not signed in';
  if (route.access === 'supervisor' || route.access === 'admin')
    out[403] = 'Not allowed for this role';
  return out;
}

function operation(route: ApiRoute): ZodOpenApiOperationObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const [status, description] of Object.entries(standardErrors(route)))
    responses[status] = {
      description,
      content: { 'application/json': { schema: api.errorBody } },
    };
  for (const [status, r] of Object.entries(route.responses))
    responses[status] = {
      description: r.description,
      ...(r.schema
        ? { content: { [r.contentType ?? 'application/json']: { schema: r.schema } } }
        : {}),
    };
  const requestParams: NonNullable<ZodOpenApiOperationObject['requestParams']> = {};
  if (route.params) requestParams.path = route.params;
  if (route.query) requestParams.query = route.query as z.ZodObject;
  if (route.headers) requestParams.header = route.headers;
  return {
    summary: route.summary,
    'x-access': ACCESS_TEXT[route.access],
    ...(route.access === 'anyone' ? { security: [] } : {}),
    ...(Object.keys(requestParams).length > 0 ? { requestParams } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: route.body } } } }
      : {}),
    responses,
  };
}

export function openApiDocument(routes: readonly ApiRoute[] = API_ROUTES) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) {
    const p = openApiPath(route.path);
    paths[p] = { ...paths[p], [route.method]: operation(route) };
  }
  return createDocument(
    {
      openapi: '3.1.0',
      info: {
        title: 'Floorwatch BFF',
        version: BUILD_INFO.version,
        description:
          'Same-origin JSON under /api/v1 and one Server-Sent Events stream. Every route except the ' +
          'sign-in and the operations routes needs the `fw_session` cookie. Every answer is cut to ' +
          "the user's queues on the server. Every error is an ErrorBody.",
      },
      components: {
        schemas: API_TYPES,
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'fw_session' } },
      },
      security: [{ session: [] }],
      paths,
    },
    {
      // zod marks plain objects closed in output mode only, which would give every shared type
      // two versions (Agent and AgentOutput). Answers may gain fields over time anyway, so only
      // objects declared strict are documented as closed.
      override: ({ jsonSchema, zodSchema, io }) => {
        const def = zodSchema._zod.def as { type: string; catchall?: unknown };
        if (io === 'output' && def.type === 'object' && def.catchall === undefined)
          delete jsonSchema.additionalProperties;
      },
    },
  );
}
