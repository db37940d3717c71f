export * from './auth';
export * from './common';
export * from './countries';
export * from './health';
export * from './languages';
export * from './users';
