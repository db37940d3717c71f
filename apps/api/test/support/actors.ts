import { DataSource } from 'typeorm';
import { type TestApp, type TestClient, startTestApp } from './test-app';

export const ACTOR_NAMES = ['anonymous', 'curatorKz', 'curatorAm', 'moderatorKz', 'admin'] as const;
export type ActorName = (typeof ACTOR_NAMES)[number];

const EMAILS: Record<Exclude<ActorName, 'anonymous'>, string> = {
  curatorKz: 'curator.kz@vitrina.test',
  curatorAm: 'curator.am@vitrina.test',
  moderatorKz: 'moderator.kz@vitrina.test',
  admin: 'admin@vitrina.test',
};

/** One signed-in client per demo account, plus an anonymous one holding a CSRF token. */
export async function signInActors(testApp: TestApp): Promise<Record<ActorName, TestClient>> {
  const clients = {} as Record<ActorName, TestClient>;
  for (const name of ACTOR_NAMES) {
    const client = testApp.client();
    if (name === 'anonymous') await client.fetchCsrf();
    else await client.login(EMAILS[name]);
    clients[name] = client;
  }
  return clients;
}

/** A test app with every demo account signed in, and the ids of the two demo countries. */
export interface ActorsApp {
  testApp: TestApp;
  db: DataSource;
  as: Record<ActorName, TestClient>;
  /** Kazakhstan's id. */
  kz: string;
  /** Armenia's id. */
  am: string;
}

/** Starts a test app (with these settings) and signs in one client per demo account; close it with `testApp.close()`. */
export async function startWithActors(overrides: Record<string, string> = {}): Promise<ActorsApp> {
  const testApp = await startTestApp(overrides);
  const as = await signInActors(testApp);
  const countries: { slug: string; id: string }[] = (await as.anonymous.get('/api/public/countries').expect(200)).body.items;
  const idOf = (slug: string) => countries.find((country) => country.slug === slug)!.id;
  return { testApp, db: testApp.app.get(DataSource), as, kz: idOf('kazakhstan'), am: idOf('armenia') };
}
