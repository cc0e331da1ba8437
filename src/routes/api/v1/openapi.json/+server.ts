import { reply } from '$lib/server/api/contract';
import { openApi } from '$lib/server/api/openapi';
import { getOpenApi as operation } from '$lib/server/api/service';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => reply(operation, 200, openApi);
