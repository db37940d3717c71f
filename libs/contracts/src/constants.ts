/**
 * Plain values the web app uses at run time on every page. This module must
 * not import zod: the web build treats contract modules as free of side
 * effects, so a page that needs only these names leaves the schemas (and zod)
 * out of the visitor's bundle.
 */

/** Cookie and header names shared by the API and the web app. */
export const SESSION_COOKIE = 'vitrina_session';
export const CSRF_COOKIE = 'vitrina_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/** The languages the user interface is translated into. */
export const UI_LANGUAGES = ['ru', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
