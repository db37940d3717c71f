/**
 * An answer's JSON made by the route itself, as UTF-8 (a page splicing parts
 * made before): PublicCacheInterceptor sends, hashes and keeps these very
 * bytes, as it would those of an object it serialised. A route that knows a
 * digest of what the bytes are made of may give it as the ETag instead.
 */
export class JsonText {
  constructor(
    readonly bytes: Buffer,
    readonly etag?: string,
  ) {}
}
