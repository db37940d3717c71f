/**
 * An answer's JSON made by the route itself, as UTF-8 (a page splicing parts
 * made before): PublicCacheInterceptor sends, hashes and keeps these very
 * bytes, as it would those of an object it serialised.
 */
export class JsonText {
  constructor(readonly bytes: Buffer) {}
}
