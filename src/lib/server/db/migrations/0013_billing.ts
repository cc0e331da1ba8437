import { sql, type Kysely } from 'kysely';

// Billing: the operator's price list with validity dates, custom terms per customer, invoices
// (VAT and corrections) numbered per series and year without gaps, and their KSeF state.
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`
CREATE TABLE prices (
  id            bigserial PRIMARY KEY,
  package       text NOT NULL CHECK (package IN ('pakiet1', 'pakiet2', 'pakiet3')),
  plan          text NOT NULL CHECK (plan IN ('monthly', 'commitment')),
  gross         integer CHECK (gross > 0),
  vat_rate      smallint NOT NULL DEFAULT 23,
  valid_from    date NOT NULL,
  valid_to      date,
  created_by    bigint REFERENCES users ON DELETE SET NULL,
  created_at    timestamptz NOT NULL,
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);
CREATE INDEX prices_lookup_idx ON prices (package, plan, valid_from);
-- The offer's prices; Pakiet 2 and 3 are announced from January 2027, price to be set.
INSERT INTO prices (package, plan, gross, vat_rate, valid_from, created_at) VALUES
  ('pakiet1', 'monthly', 385000, 23, '2026-01-01', now()),
  ('pakiet1', 'commitment', 350000, 23, '2026-01-01', now()),
  ('pakiet2', 'monthly', NULL, 23, '2027-01-01', now()),
  ('pakiet3', 'monthly', NULL, 23, '2027-01-01', now());

CREATE TABLE customer_terms (
  id            bigserial PRIMARY KEY,
  customer_id   bigint NOT NULL REFERENCES customers ON DELETE CASCADE,
  gross         integer NOT NULL CHECK (gross > 0),
  vat_rate      smallint NOT NULL DEFAULT 23,
  note          text NOT NULL,
  valid_from    date NOT NULL,
  valid_to      date,
  created_by    bigint REFERENCES users ON DELETE SET NULL,
  created_at    timestamptz NOT NULL
);
CREATE INDEX customer_terms_customer_idx ON customer_terms (customer_id, valid_from);

-- Where the municipality asks, invoices name the unit that receives them (FA(3) Podmiot3, role 8).
ALTER TABLE customers ADD COLUMN receiver jsonb;

CREATE TABLE invoice_counters (
  series  text NOT NULL,
  year    integer NOT NULL,
  last    integer NOT NULL,
  PRIMARY KEY (series, year)
);

CREATE TABLE invoices (
  id               bigserial PRIMARY KEY,
  number           text NOT NULL UNIQUE,
  kind             text NOT NULL CHECK (kind IN ('VAT', 'KOR')),
  series           text NOT NULL,
  year             integer NOT NULL,
  seq              integer NOT NULL,
  customer_id      bigint NOT NULL REFERENCES customers,
  subscription_id  bigint REFERENCES subscriptions,
  corrects_id      bigint REFERENCES invoices,
  period_start     date,
  period_end       date,
  issue_date       date NOT NULL,
  sale_date        date NOT NULL,
  due_date         date NOT NULL,
  seller           jsonb NOT NULL,
  buyer            jsonb NOT NULL,
  receiver         jsonb,
  lines            jsonb NOT NULL,
  net              integer NOT NULL,
  vat              integer NOT NULL,
  gross            integer NOT NULL,
  reason           text,
  paid_at          timestamptz,
  reminded_at      timestamptz,
  ksef_status      text NOT NULL DEFAULT 'to_send' CHECK (ksef_status IN ('to_send', 'sent', 'accepted')),
  ksef_number      text,
  created_at       timestamptz NOT NULL,
  UNIQUE (series, year, seq)
);
-- One invoice per subscription period.
CREATE UNIQUE INDEX invoices_period_idx ON invoices (subscription_id, period_start) WHERE kind = 'VAT';
CREATE INDEX invoices_customer_idx ON invoices (customer_id, issue_date DESC);
`).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql.raw(`DROP TABLE invoices, invoice_counters, customer_terms, prices; ALTER TABLE customers DROP COLUMN receiver;`).execute(db);
}
