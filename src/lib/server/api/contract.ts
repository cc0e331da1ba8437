import { z } from 'zod';
import { parseInput } from '../core/validation';
import { AppError, type ErrorCode } from '../core/errors';

/**
 * One `/api/v1` operation: what it takes (path, query, JSON body) and what it answers, as zod
 * schemas. The route parses its request with these schemas and renders its answer through
 * `reply`, and the OpenAPI document (`openapi.ts`) is generated from them, so the published
 * contract is the code.
 */
export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/**
 * Who may call: anyone, the token is not looked at (`none`); anyone, the signed-in see or count
 * as themselves (`optional`); a token or a session is required (`required`).
 */
export type Access = 'none' | 'optional' | 'required';

export type Tag =
	'groups' | 'posts' | 'engagement' | 'messages' | 'moderation' | 'push' | 'support' | 'admin' | 'service';

export interface ResponseSpec {
	/** Polish, as every text of the document. */
	description: string;
	schema: z.ZodType;
}

export interface BodySpec<B extends z.ZodType = z.ZodType> {
	schema: B;
	/** Refusal of a body that is not JSON at all; without it such a body is read as `null`. */
	invalidJson?: string;
	/** Refusal of JSON that is not an object, before the schema looks at the fields. */
	notObject?: string;
}

export interface Operation<
	P extends z.ZodObject = z.ZodObject,
	Q extends z.ZodObject = z.ZodObject,
	B extends z.ZodType = z.ZodType,
	R extends Record<number, ResponseSpec> = Record<number, ResponseSpec>
> {
	method: Method;
	/** Relative to the server `/api/v1`, with `{name}` path parameters. */
	path: string;
	operationId: string;
	summary: string;
	description?: string;
	tag: Tag;
	access: Access;
	params?: P;
	query?: Q;
	body?: BodySpec<B>;
	responses: R;
	/** What the domain may refuse with; the document adds what every request may get (see `openapi.ts`). */
	errors: ErrorCode[];
}

/** Declares an operation, keeping its exact schema types for the route. */
export const operation = <
	P extends z.ZodObject = z.ZodObject,
	Q extends z.ZodObject = z.ZodObject,
	B extends z.ZodType = z.ZodType,
	const R extends Record<number, ResponseSpec> = Record<number, ResponseSpec>
>(
	op: Operation<P, Q, B, R>
) => op;

/** Parameters of the URL are refused with the message alone: `fields` name fields of a body. */
function parseParameters<S extends z.ZodObject>(schema: S, raw: Record<string, string | undefined>): z.output<S> {
	try {
		return parseInput(schema, raw);
	} catch (e) {
		if (e instanceof AppError) throw new AppError(e.code, e.message);
		throw e;
	}
}

/** The path parameters, checked by the operation's schema. */
export function parseParams<P extends z.ZodObject>(op: { params?: P }, params: Record<string, string>): z.output<P> {
	if (!op.params) throw new Error('This operation has no path parameters.');
	return parseParameters(op.params, params);
}

/** The query parameters the operation declares (the first value of each; absent ones undefined). */
export function parseQuery<Q extends z.ZodObject>(op: { query?: Q }, url: URL): z.output<Q> {
	if (!op.query) throw new Error('This operation has no query parameters.');
	const raw: Record<string, string | undefined> = {};
	for (const name of Object.keys(op.query.shape)) raw[name] = url.searchParams.get(name) ?? undefined;
	return parseParameters(op.query, raw);
}

/** The JSON body, checked by the operation's schema: a bad one gets `AppError('validation')` with Polish messages. */
export async function parseBody<B extends z.ZodType>(
	op: { body?: BodySpec<B> },
	request: Request
): Promise<z.output<B>> {
	const spec = op.body;
	if (!spec) throw new Error('This operation takes no body.');
	const text = await request.text();
	let value: unknown = null;
	try {
		value = JSON.parse(text);
	} catch {
		if (spec.invalidJson) throw new AppError('validation', spec.invalidJson);
	}
	if (spec.notObject && (!value || typeof value !== 'object')) throw new AppError('validation', spec.notObject);
	return parseInput(spec.schema, value);
}

type ResponsesOf<O> = O extends { responses: infer R } ? R : never;

/** The answer, typed by the operation's response schema for that status. */
export function reply<O extends { responses: Record<number, ResponseSpec> }, S extends keyof ResponsesOf<O> & number>(
	_op: O,
	status: S,
	body: ResponsesOf<O>[S] extends ResponseSpec ? z.input<ResponsesOf<O>[S]['schema']> : never,
	headers?: Record<string, string>
): Response {
	return Response.json(body, { status, headers });
}
