import { describe, expect, it } from 'vitest';
import { parseDatestamp, parseOaiRequest } from './oai-arguments';
import { decodeResumptionToken, encodeResumptionToken } from './resumption-token';

const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'not an OAI error';
  }
};

describe('OAI-PMH arguments', () => {
  it('reads datestamps at both granularities, until as the end of its day or second', () => {
    expect(parseDatestamp('2024-02-29', false).at.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseDatestamp('2024-02-29', true).at.toISOString()).toBe('2024-02-29T23:59:59.999Z');
    expect(parseDatestamp('2024-02-29T10:00:00Z', true).at.toISOString()).toBe('2024-02-29T10:00:00.999Z');
    for (const bad of ['2023-02-29', '2024-13-01', '2024-01-01T25:00:00Z', '2024-01-01T10:00:00', '2024-1-1', 'yesterday']) {
      expect(codeOf(() => parseDatestamp(bad, false)), bad).toBe('badArgument');
    }
  });

  it('gives a list its first position, and the next position back from its token', () => {
    const request = parseOaiRequest({ verb: 'ListRecords', metadataPrefix: 'edm', set: 'kazakhstan:items', from: '2024-01-01' }, 'museum.test');
    expect(request).toEqual({
      verb: 'ListRecords',
      position: { prefix: 'edm', set: { country: 'kazakhstan', collection: 'items' }, from: '2024-01-01T00:00:00.000Z', after: null, cursor: 0 },
    });
    if (request.verb !== 'ListRecords') throw new Error('not a list');
    const next = { ...request.position, after: { stamp: '2024-03-01T10:00:00.123456Z', collection: 'items' as const, id: '0b5c1a52-4a53-4f2c-8d3e-5c6f1e2d3a4b' }, cursor: 100 };
    expect(decodeResumptionToken(encodeResumptionToken(next))).toEqual(next);
    expect(parseOaiRequest({ verb: 'ListIdentifiers', resumptionToken: encodeResumptionToken(next) }, 'museum.test')).toEqual({ verb: 'ListIdentifiers', position: next });
  });

  it('tells each kind of bad request by its code', () => {
    const cases: [Record<string, string | string[]>, string][] = [
      [{}, 'badVerb'],
      [{ verb: ['Identify', 'Identify'] }, 'badVerb'],
      [{ verb: 'ListSets', set: 'x' }, 'badArgument'],
      [{ verb: 'ListRecords', metadataPrefix: ['oai_dc', 'edm'] }, 'badArgument'],
      [{ verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: 'oai:other.org:items/0b5c1a52-4a53-4f2c-8d3e-5c6f1e2d3a4b' }, 'idDoesNotExist'],
      [{ verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2024-02-01', until: '2024-01-01' }, 'noRecordsMatch'],
      [{ verb: 'ListRecords', resumptionToken: Buffer.from('{"prefix":"oai_dc"}').toString('base64url') }, 'badResumptionToken'],
    ];
    for (const [query, code] of cases) expect(codeOf(() => parseOaiRequest(query, 'museum.test')), JSON.stringify(query)).toBe(code);
  });
});
