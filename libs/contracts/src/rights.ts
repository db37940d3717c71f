/**
 * The canonical form of a rights URI: `http://`, with its trailing slash, as
 * RightsStatements.org and Creative Commons publish their URIs and as IIIF
 * Presentation 3 (`rights`) and EDM require. Curators paste `https://` links
 * from a browser's address bar; both name the same statement.
 */
export function canonicalRightsUri(uri: string): string {
  const match = /^https?:\/\/(rightsstatements\.org|creativecommons\.org)(\/.*?)\/?$/.exec(uri.trim());
  if (!match) return uri;
  return `http://${match[1]}${match[2]}/`;
}
