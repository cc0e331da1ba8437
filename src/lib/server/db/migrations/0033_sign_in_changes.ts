import { sql, type Kysely } from 'kysely';

// Issue 18: each process keeps who a session or API token belongs to for a few seconds
// (auth/actor-cache.ts). Whatever ends a sign-in or changes what a request knows of the person
// (sign-out, password reset, a revoked token, an erased account, a new name, operator rights)
// announces the user's id on `tablica_sign_in`, from every writer, so every process forgets
// it before the next request.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE FUNCTION notify_sign_in_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tablica_sign_in', OLD.user_id::text);
  RETURN NULL;
END $$;

CREATE FUNCTION notify_user_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tablica_sign_in', OLD.id::text);
  RETURN NULL;
END $$;

CREATE TRIGGER sessions_sign_in_change AFTER DELETE OR UPDATE ON sessions
  FOR EACH ROW EXECUTE FUNCTION notify_sign_in_change();
CREATE TRIGGER api_tokens_sign_in_change AFTER DELETE OR UPDATE OF revoked_at, user_id, token_hash ON api_tokens
  FOR EACH ROW EXECUTE FUNCTION notify_sign_in_change();
CREATE TRIGGER users_sign_in_change
  AFTER DELETE OR UPDATE OF email, display_name, is_operator, email_verified_at, deleted_at ON users
  FOR EACH ROW EXECUTE FUNCTION notify_user_change();
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
DROP TRIGGER users_sign_in_change ON users;
DROP TRIGGER api_tokens_sign_in_change ON api_tokens;
DROP TRIGGER sessions_sign_in_change ON sessions;
DROP FUNCTION notify_user_change();
DROP FUNCTION notify_sign_in_change();
`).execute(db);
}
