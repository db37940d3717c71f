import { describe, expect, it } from 'vitest';
import { canonicalRightsUri } from './rights';

describe('canonicalRightsUri', () => {
  it('gives RightsStatements.org and Creative Commons URIs as http:// with a trailing slash', () => {
    expect(canonicalRightsUri('https://rightsstatements.org/vocab/InC/1.0/')).toBe('http://rightsstatements.org/vocab/InC/1.0/');
    expect(canonicalRightsUri('https://rightsstatements.org/vocab/NoC-US/1.0')).toBe('http://rightsstatements.org/vocab/NoC-US/1.0/');
    expect(canonicalRightsUri('https://creativecommons.org/licenses/by-sa/4.0/')).toBe('http://creativecommons.org/licenses/by-sa/4.0/');
    expect(canonicalRightsUri('http://creativecommons.org/publicdomain/zero/1.0')).toBe('http://creativecommons.org/publicdomain/zero/1.0/');
  });

  it('leaves any other URI as it is', () => {
    expect(canonicalRightsUri('https://example.org/licence/')).toBe('https://example.org/licence/');
    expect(canonicalRightsUri('https://creativecommons.org.evil.test/licenses/by/4.0/')).toBe('https://creativecommons.org.evil.test/licenses/by/4.0/');
  });
});
