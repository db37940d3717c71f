import { Client, type DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { isConnectionFailure } from './connection-failure';
import { errorResponse } from './http-error.filter';

/** Errors PostgreSQL itself raises, provoked on the test server, and how the API answers each. */
describe('which database errors answer 503 with Retry-After', () => {
  const adminUrl = inject('pgAdminUrl');
  const opened: Client[] = [];

  async function connect(url = adminUrl): Promise<Client> {
    const client = new Client({ connectionString: url });
    opened.push(client);
    // A server-side termination also arrives as an 'error' event; unheard, it would crash the test process.
    const events: Error[] = [];
    client.on('error', (error) => events.push(error));
    await client.connect();
    return Object.assign(client, { events });
  }
  const failureOf = (promise: Promise<unknown>) =>
    promise.then(
      () => {
        throw new Error('expected the query to fail');
      },
      (error: DatabaseError) => error,
    );
  const answer = (error: unknown) => {
    const { body, headers } = errorResponse(error);
    return { status: body.statusCode, retryAfter: headers?.['retry-after'] };
  };
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Polls until `ready()` holds: on a loaded machine the server may take a while, and that must not fail the test. */
  async function until(ready: () => boolean | Promise<boolean>, what: string): Promise<void> {
    for (let attempt = 0; !(await ready()); attempt++) {
      if (attempt > 6000) throw new Error(`timed out waiting for ${what}`);
      await pause(50);
    }
  }

  let admin: Client;
  beforeAll(async () => {
    admin = await connect();
  });
  afterAll(async () => {
    await Promise.all(opened.map((client) => client.end().catch(() => undefined)));
  });

  it('a write on a connection that reaches a read-only server (a primary demoted by a failover): 25006', async () => {
    const standbyLike = await connect();
    await standbyLike.query('SET default_transaction_read_only = on');
    const error = await failureOf(standbyLike.query('CREATE TABLE written_after_failover (i int)'));
    expect(error.code).toBe('25006');
    expect(answer(error)).toEqual({ status: 503, retryAfter: '5' });
    // As TypeORM hands it on from a repository call.
    expect(answer(new QueryFailedError('CREATE TABLE …', [], error))).toEqual({ status: 503, retryAfter: '5' });
  });

  it('a query whose backend is terminated (server shutting down, or an operator): 57P01', async () => {
    const victim = await connect();
    const pid = (await victim.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    const sleeping = failureOf(victim.query('SELECT pg_sleep(600)'));
    const isSleeping = async () =>
      (await admin.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event = 'PgSleep'`, [pid])).rowCount === 1;
    await until(isSleeping, 'the victim to be running its query');
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    const error = await sleeping;
    expect(error.code).toBe('57P01');
    expect(answer(error)).toEqual({ status: 503, retryAfter: '5' });
  });

  it('sessions the server ends for idling, in and out of a transaction: 57P05 and 25P03, then a dead client', async () => {
    const idle = await connect();
    await idle.query(`SET idle_session_timeout = '100ms'`);
    const inTransaction = await connect();
    await inTransaction.query(`SET idle_in_transaction_session_timeout = '100ms'`);
    await inTransaction.query('BEGIN');
    for (const [client, code] of [[idle, '57P05'], [inTransaction, '25P03']] as const) {
      const events = (client as unknown as { events: DatabaseError[] }).events;
      await until(() => events.some((event) => event.code === code), `the server to end the session with ${code}`);
      for (const event of events) expect(answer(event)).toEqual({ status: 503, retryAfter: '5' });
      const next = await failureOf(client.query('SELECT 1'));
      expect(answer(next)).toEqual({ status: 503, retryAfter: '5' });
    }
  });

  it('a connection refused for too many connections: 53300', async () => {
    const role = `vitrina_limited_${Date.now().toString(36)}`;
    await admin.query(`CREATE ROLE ${role} LOGIN PASSWORD 'limited' CONNECTION LIMIT 0`);
    try {
      const url = new URL(adminUrl);
      url.username = role;
      url.password = 'limited';
      const refused = new Client({ connectionString: url.toString() });
      const error = await failureOf(refused.connect());
      expect(error.code).toBe('53300');
      expect(answer(error)).toEqual({ status: 503, retryAfter: '5' });
    } finally {
      await admin.query(`DROP ROLE ${role}`);
    }
  });

  it('keeps real faults 500s: a constraint or syntax error is not an outage', async () => {
    const syntax = await failureOf(admin.query('SELEC 1'));
    expect(syntax.code).toBe('42601');
    expect(answer(syntax).status).toBe(500);
    const division = await failureOf(admin.query('SELECT 1/0'));
    expect(division.code).toBe('22012');
    expect(answer(new QueryFailedError('SELECT 1/0', [], division)).status).toBe(500);
  });

  it('covers the codes that cannot be provoked on a shared test server by their SQLSTATE (dropped database, crash, class 08)', () => {
    for (const code of ['57P02', '57P03', '57P04', '08000', '08001', '08003', '08004', '08006', '08P01']) {
      expect(isConnectionFailure({ code }), code).toBe(true);
    }
    for (const code of ['57014', '23505', '40001', '42P01']) expect(isConnectionFailure({ code }), code).toBe(false);
  });
});
