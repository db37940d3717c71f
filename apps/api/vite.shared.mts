import { resolve } from 'node:path';

/** The contracts and names libs are bundled into the API from source, in the build and in tests alike. */
export const apiResolve = {
  alias: {
    '@vitrina/contracts': resolve(import.meta.dirname, '../../libs/contracts/src/index.ts'),
    '@vitrina/names': resolve(import.meta.dirname, '../../libs/names/src/index.ts'),
  },
};
