import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Collection } from '@vitrina/contracts';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { APP_CONFIG } from '../../infra/config/config.module';
import type { AppConfig } from '../../infra/config/config.schema';
import { CountriesService } from '../countries/countries.service';
import { type DescribedRecord, DescribedRecords } from '../site/described-records';
import { COLLECTION_LABELS } from '../site/iiif/labels';
import { appendEdm } from './edm';
import { type OaiRequest, type RecordIdentifier, formatIdentifier, parseOaiRequest } from './oai-arguments';
import { datestamp, oaiDocument } from './oai-envelope';
import { OaiError } from './oai-errors';
import { METADATA_FORMATS, formatOf } from './oai-formats';
import { NS } from './oai-namespaces';
import { type OaiHeaderRow, OaiRecordsRepository } from './oai-records.repository';
import { appendOaiDc } from './oai-dc';
import { type ListPosition, encodeResumptionToken } from './resumption-token';

const KINDS: Collection[] = ['exhibitions', 'items', 'memorials', 'people'];

/** The repository as harvesters address it: its public URL, and its host as the identifiers' namespace. */
export interface OaiRepository {
  baseUrl: string;
  host: string;
  publicBase: string;
}

/** OAI-PMH 2.0 over the live records of every country (https://www.openarchives.org/OAI/openarchivesprotocol.html). */
@Injectable()
export class OaiService {
  constructor(
    private readonly records: OaiRecordsRepository,
    private readonly described: DescribedRecords,
    private readonly countries: CountriesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async answer(query: Record<string, string | string[] | undefined>, repository: OaiRepository): Promise<string> {
    let request: OaiRequest;
    try {
      request = parseOaiRequest(query, repository.host);
    } catch (error) {
      // The request element carries the arguments only when they were all valid.
      if (error instanceof OaiError) return this.error(repository, { ...(error.code === 'badVerb' ? {} : { verb: String(query.verb) }) }, error);
      throw error;
    }
    const echo = Object.fromEntries(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    try {
      return await this.respond(request, echo, repository);
    } catch (error) {
      if (error instanceof OaiError) return this.error(repository, echo, error);
      throw error;
    }
  }

  private error(repository: OaiRepository, echo: Record<string, string>, error: OaiError): string {
    return oaiDocument(repository.baseUrl, echo, (root) => root.ele(NS.oai, 'error', { code: error.code }).txt(error.message));
  }

  private async respond(request: OaiRequest, echo: Record<string, string>, repository: OaiRepository): Promise<string> {
    switch (request.verb) {
      case 'Identify': {
        const earliest = (await this.records.earliestStamp()) ?? new Date().toISOString();
        return oaiDocument(repository.baseUrl, echo, (root) => this.identify(root, repository, earliest));
      }
      case 'ListMetadataFormats': {
        const formats = request.identifier ? await this.formatsOf(request.identifier) : METADATA_FORMATS;
        if (!formats.length) throw new OaiError('noMetadataFormats', 'This record is deleted: it has no metadata now');
        return oaiDocument(repository.baseUrl, echo, (root) => {
          const list = root.ele(NS.oai, 'ListMetadataFormats');
          for (const format of formats) {
            const entry = list.ele(NS.oai, 'metadataFormat');
            entry.ele(NS.oai, 'metadataPrefix').txt(format.prefix);
            entry.ele(NS.oai, 'schema').txt(format.schema);
            entry.ele(NS.oai, 'metadataNamespace').txt(format.namespace);
          }
        });
      }
      case 'ListSets': {
        const countries = await this.countries.list();
        return oaiDocument(repository.baseUrl, echo, (root) => {
          const list = root.ele(NS.oai, 'ListSets');
          for (const country of countries) {
            const name = country.names.en ?? country.names.ru ?? country.slug;
            list.ele(NS.oai, 'set').ele(NS.oai, 'setSpec').txt(country.slug).up().ele(NS.oai, 'setName').txt(name);
            for (const kind of KINDS) {
              list.ele(NS.oai, 'set').ele(NS.oai, 'setSpec').txt(`${country.slug}:${kind}`).up().ele(NS.oai, 'setName').txt(`${name}: ${COLLECTION_LABELS[kind].en[0]}`);
            }
          }
        });
      }
      case 'GetRecord': {
        const format = formatOf(request.prefix)!;
        if (!format.collections.includes(request.identifier.collection)) {
          throw new OaiError('cannotDisseminateFormat', `${request.prefix} describes ${format.collections.join(' and ')} only`);
        }
        const header = await this.records.one(request.identifier.collection, request.identifier.id);
        if (!header) throw new OaiError('idDoesNotExist', 'No record here has this identifier');
        const record = await this.describedOrDeleted(header);
        return oaiDocument(repository.baseUrl, echo, (root) => this.appendRecord(root.ele(NS.oai, 'GetRecord'), repository, request.prefix, header, record));
      }
      case 'ListIdentifiers':
      case 'ListRecords':
        return this.list(request.verb, request.position, echo, repository);
    }
  }

  private identify(root: XMLBuilder, repository: OaiRepository, earliest: string): void {
    const identify = root.ele(NS.oai, 'Identify');
    identify.ele(NS.oai, 'repositoryName').txt(`Vitrina (${repository.host})`);
    identify.ele(NS.oai, 'baseURL').txt(repository.baseUrl);
    identify.ele(NS.oai, 'protocolVersion').txt('2.0');
    identify.ele(NS.oai, 'adminEmail').txt(this.config.oai.adminEmail ?? `admin@${repository.host}`);
    identify.ele(NS.oai, 'earliestDatestamp').txt(datestamp(earliest));
    // Records that left the live side before tombstones were kept were never recorded as deleted.
    identify.ele(NS.oai, 'deletedRecord').txt('transient');
    identify.ele(NS.oai, 'granularity').txt('YYYY-MM-DDThh:mm:ssZ');
    const description = identify.ele(NS.oai, 'description').ele(NS.oaiIdentifier, 'oai-identifier', {
      'xsi:schemaLocation': `${NS.oaiIdentifier} http://www.openarchives.org/OAI/2.0/oai-identifier.xsd`,
    });
    description.ele(NS.oaiIdentifier, 'scheme').txt('oai');
    description.ele(NS.oaiIdentifier, 'repositoryIdentifier').txt(repository.host);
    description.ele(NS.oaiIdentifier, 'delimiter').txt(':');
    description.ele(NS.oaiIdentifier, 'sampleIdentifier').txt(formatIdentifier(repository.host, { collection: 'items', id: '00000000-0000-4000-8000-000000000000' }));
  }

  private async formatsOf(identifier: RecordIdentifier) {
    const header = await this.records.one(identifier.collection, identifier.id);
    if (!header) throw new OaiError('idDoesNotExist', 'No record here has this identifier');
    return header.deleted ? [] : METADATA_FORMATS.filter((format) => format.collections.includes(identifier.collection));
  }

  /** The live record a header names, or null when it is deleted (or became so since the header was read). */
  private async describedOrDeleted(header: OaiHeaderRow): Promise<DescribedRecord | null> {
    if (header.deleted) return null;
    try {
      return await this.described.describe(header.collection, header.id);
    } catch (error) {
      if (error instanceof NotFoundException) return null;
      throw error;
    }
  }

  private async list(verb: 'ListIdentifiers' | 'ListRecords', position: ListPosition, echo: Record<string, string>, repository: OaiRepository): Promise<string> {
    const format = formatOf(position.prefix)!;
    const collections = position.set?.collection ? format.collections.filter((kind) => kind === position.set!.collection) : format.collections;
    let countryId: string | undefined;
    if (position.set) {
      const country = await this.countries.findEntityBySlug(position.set.country).catch(() => null);
      if (!country) throw new OaiError('noRecordsMatch', `No country here is called ${position.set.country} (see ListSets)`);
      countryId = country.id;
    }
    if (!collections.length) throw new OaiError('noRecordsMatch', `${position.prefix} describes ${format.collections.join(' and ')} only`);
    const pageSize = this.config.oai.pageSize;
    const rows = await this.records.page({ collections, countryId, from: position.from, until: position.until, after: position.after }, pageSize + 1);
    if (!rows.length) {
      if (position.after) throw new OaiError('badResumptionToken', 'This list has changed under the token; start it again');
      throw new OaiError('noRecordsMatch', 'No record matches these arguments');
    }
    const page = rows.slice(0, pageSize);
    const records = verb === 'ListRecords' ? await Promise.all(page.map((header) => this.describedOrDeleted(header))) : [];
    const last = page[page.length - 1];
    const next: ListPosition | null =
      rows.length > pageSize ? { ...position, after: { stamp: last.stamp, collection: last.collection, id: last.id }, cursor: position.cursor + page.length } : null;
    return oaiDocument(repository.baseUrl, echo, (root) => {
      const list = root.ele(NS.oai, verb);
      page.forEach((header, index) => {
        if (verb === 'ListRecords') this.appendRecord(list, repository, position.prefix, header, records[index]);
        else this.appendHeader(list, repository, header, records[index] === null && !header.deleted);
      });
      // The last page of a list carries an empty token (§3.5).
      if (next || position.after) list.ele(NS.oai, 'resumptionToken', { cursor: String(position.cursor) }).txt(next ? encodeResumptionToken(next) : '');
    });
  }

  private appendHeader(parent: XMLBuilder, repository: OaiRepository, header: OaiHeaderRow, goneSince = false): void {
    const element = parent.ele(NS.oai, 'header', header.deleted || goneSince ? { status: 'deleted' } : {});
    element.ele(NS.oai, 'identifier').txt(formatIdentifier(repository.host, header));
    element.ele(NS.oai, 'datestamp').txt(datestamp(header.stamp));
    element.ele(NS.oai, 'setSpec').txt(header.countrySlug);
    element.ele(NS.oai, 'setSpec').txt(`${header.countrySlug}:${header.collection}`);
  }

  private appendRecord(parent: XMLBuilder, repository: OaiRepository, prefix: string, header: OaiHeaderRow, described: DescribedRecord | null): void {
    const record = parent.ele(NS.oai, 'record');
    this.appendHeader(record, repository, header, !header.deleted && described === null);
    if (!described) return;
    const metadata = record.ele(NS.oai, 'metadata');
    if (prefix === 'edm' && (described.collection === 'items' || described.collection === 'memorials')) appendEdm(metadata, repository.publicBase, described);
    else appendOaiDc(metadata, repository.publicBase, described);
  }
}
