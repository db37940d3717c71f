import type { TestApp, TestClient } from './test-app';

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
