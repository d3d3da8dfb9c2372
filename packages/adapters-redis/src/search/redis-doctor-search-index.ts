import type {
  DoctorId,
  DoctorSearchIndex,
  DoctorSearchQuery,
  DoctorView,
  Page,
} from '@doctorly/core';
import type { createClient } from 'redis';
import { Client, Repository, type Entity } from 'redis-om';
import {
  fromDocument,
  parsePathReply,
  toDocument,
  type DoctorDocument,
  type IndexFields,
} from './doctor-document.js';
import { compareCandidates, indexedWords, nameRank, type Candidate } from './doctor-ordering.js';
import { doctorIndexNames, type DoctorIndexNames } from './doctor-index-names.js';
import { doctorSchema } from './doctor-schema.js';
import { buildDoctorQuery } from './query-builder.js';

/** A node-redis v4 client (`createClient` of the `redis` package), as redis-om needs. @category Adapters */
export type SearchRedisClient = ReturnType<typeof createClient>;

/**
 * How far the engine has come with an index (`FT.INFO`), as {@link RedisDoctorSearchIndex.state}
 * reads it. @category Adapters
 */
export interface SearchIndexState {
  /** Documents the index holds (`num_docs`). */
  readonly documents: number;
  /** Whether the engine is still scanning existing keys into it (`indexing`). */
  readonly indexing: boolean;
  /** Share of existing keys scanned so far, 0–1 (`percent_indexed`). */
  readonly percentIndexed: number;
  /** Documents under the prefix the engine could not index (`hash_indexing_failures`). */
  readonly failures: number;
}

/** Options of {@link RedisDoctorSearchIndex}. @category Adapters */
export interface RedisDoctorSearchIndexOptions {
  readonly prefix?: string;
  /**
   * Most candidates ranked in code (default 10 000). A search matching more is sorted and
   * paged by the engine instead: same doctors, but ties and relevance only approximate.
   */
  readonly maxCandidates?: number;
}

const idsPageSize = 1_000;

/**
 * {@link DoctorSearchIndex} on the Redis Query Engine (RediSearch over RedisJSON), through
 * redis-om 0.4 and a node-redis v4 client (shared/STACK.md, trap 6). One JSON document per
 * doctor at `{prefix}doctor:{id}`: the {@link DoctorView} as upserted, plus an `_index` object
 * of derived fields (name words, sort keys); `get` returns exactly the view that was upserted.
 *
 * A search is built by a pure, escaping query builder (user input is data, never syntax).
 * The engine filters (name words by prefix `zar*` or one typo `%zar%`, catalog names and days
 * as TAGs, all ANDed); the adapter then re-checks names with core's exact rule and orders the
 * candidates in code, so results, ties and relevance are the same as every other engine's.
 * Errors propagate: the outbox relay retries writes, and hosts may wrap reads with
 * {@link @doctorly/adapters-redis!DoctorSearchIndexWithFallback} to answer from PostgreSQL
 * while Redis is down.
 * @category Adapters
 */
export class RedisDoctorSearchIndex implements DoctorSearchIndex {
  readonly engine = 'redis';
  readonly keepsDocuments = true;
  readonly names: DoctorIndexNames;
  private readonly repository: Repository;
  private readonly maxCandidates: number;

  constructor(
    private readonly client: SearchRedisClient,
    options: RedisDoctorSearchIndexOptions = {},
  ) {
    this.names = doctorIndexNames(options.prefix ?? '');
    this.repository = new Repository(
      doctorSchema(this.names),
      new TolerantClient().useNoClose(client),
    );
    this.maxCandidates = options.maxCandidates ?? 10_000;
  }

  async prepare(): Promise<void> {
    try {
      // redis-om rebuilds the index only when the schema changed (it keeps a hash of it).
      await this.repository.createIndex();
    } catch (error) {
      // Another process created it at the same moment: that is what we wanted.
      if (!(error instanceof Error && /index already exists/i.test(error.message))) throw error;
    }
  }

  /**
   * Drops the index and every document it holds (`FT.DROPINDEX … DD`), then forgets
   * redis-om's schema hash, so that a later {@link prepare} creates the index afresh instead
   * of trusting a hash of an index that is gone. For whoever made an index under a prefix of
   * their own and must leave nothing behind (tests, the bench) or takes a prefix out of
   * service; the server never calls it. An index that does not exist is not an error.
   * Documents under the prefix that the index did not hold (written while it did not exist)
   * are left: delete the prefix's keys for those.
   */
  async drop(): Promise<void> {
    try {
      await this.client.sendCommand(['FT.DROPINDEX', this.names.indexName, 'DD']);
    } catch (error) {
      if (!isUnknownIndex(error)) throw error;
    }
    // After the drop: had it failed, the hash would still describe the index that is there.
    await this.client.sendCommand(['UNLINK', this.names.indexHashName]);
  }

  /**
   * The engine's progress with this index (`FT.INFO`). Writes through {@link upsert} are
   * indexed as they happen, but an index created over existing documents is filled in the
   * background: whoever measures or checks searches right after filling it waits until
   * `indexing` is false and `documents` is what was written. Rejects if the index does not
   * exist.
   */
  async state(): Promise<SearchIndexState> {
    const reply = await this.client.sendCommand<unknown[]>(['FT.INFO', this.names.indexName]);
    const fields = new Map<string, unknown>();
    for (let i = 0; i + 1 < reply.length; i += 2) fields.set(String(reply[i]), reply[i + 1]);
    const number = (name: string) => Number(fields.get(name) ?? 0);
    return {
      documents: number('num_docs'),
      indexing: number('indexing') !== 0,
      percentIndexed: number('percent_indexed'),
      failures: number('hash_indexing_failures'),
    };
  }

  async upsert(doctor: DoctorView): Promise<void> {
    await this.repository.save(String(doctor.id), toDocument(doctor) as unknown as Entity);
  }

  async remove(doctorId: DoctorId): Promise<void> {
    await this.repository.remove(String(doctorId));
  }

  async get(doctorId: DoctorId): Promise<DoctorView | undefined> {
    const reply = await this.client.sendCommand(['JSON.GET', this.key(doctorId), '$']);
    const document = parsePathReply<DoctorDocument>(reply);
    return document === undefined ? undefined : fromDocument(document);
  }

  async ids(): Promise<readonly DoctorId[]> {
    const ids: DoctorId[] = [];
    for (let offset = 0; ; offset += idsPageSize) {
      const { keys } = await this.find('*', offset, idsPageSize, ['SORTBY', 'id', 'ASC']);
      ids.push(...keys.map((key) => this.idOf(key)));
      if (keys.length < idsPageSize) return ids;
    }
  }

  async search(query: DoctorSearchQuery): Promise<Page<DoctorView>> {
    const plan = buildDoctorQuery(query);
    if (plan.matchesNothing) return { items: [], total: 0 };
    const { total, keys } = await this.find(plan.query, 0, this.maxCandidates);
    if (total > keys.length) return this.searchByEngine(query, plan.query, total);
    const fields = await this.jsonMGet<IndexFields>(keys, '$._index');
    const candidates: Candidate[] = [];
    for (const [i, key] of keys.entries()) {
      const f = fields[i];
      if (!f) continue; // removed since the search ran
      const rank = plan.nameWords === undefined ? 0 : nameRank(plan.nameWords, indexedWords(f));
      if (rank !== undefined) candidates.push({ key, fields: f, rank });
    }
    candidates.sort(compareCandidates(query));
    const page = candidates.slice(query.offset, query.offset + Math.max(0, query.limit));
    return { items: await this.views(page.map((c) => c.key)), total: candidates.length };
  }

  /** Past `maxCandidates`: the engine sorts and pages (primary sort key only). */
  private async searchByEngine(
    query: DoctorSearchQuery,
    ftQuery: string,
    total: number,
  ): Promise<Page<DoctorView>> {
    const field = query.sort === 'relevance' ? 'name' : query.sort;
    const order = query.sort === 'relevance' ? 'ASC' : query.order.toUpperCase();
    const { keys } = await this.find(ftQuery, query.offset, Math.max(0, query.limit), [
      'SORTBY',
      field,
      order,
    ]);
    return { items: await this.views(keys), total };
  }

  private async views(keys: readonly string[]): Promise<DoctorView[]> {
    const documents = await this.jsonMGet<DoctorDocument>(keys, '$');
    return documents.filter((d): d is DoctorDocument => d !== undefined).map(fromDocument);
  }

  /** `FT.SEARCH … NOCONTENT`: the total and one page of keys. */
  private async find(
    query: string,
    offset: number,
    count: number,
    extra: string[] = [],
  ): Promise<{ total: number; keys: string[] }> {
    const reply = await this.client.sendCommand<unknown[]>([
      'FT.SEARCH',
      this.names.indexName,
      query,
      'NOCONTENT',
      ...extra,
      'LIMIT',
      String(offset),
      String(count),
    ]);
    const [total, ...keys] = reply;
    return { total: Number(total), keys: keys.map(String) };
  }

  private async jsonMGet<T>(keys: readonly string[], path: string): Promise<(T | undefined)[]> {
    if (keys.length === 0) return [];
    const replies = await this.client.sendCommand<unknown[]>(['JSON.MGET', ...keys, path]);
    return replies.map((reply) => parsePathReply<T>(reply));
  }

  private key(doctorId: DoctorId): string {
    return `${this.names.schemaName}:${doctorId}`;
  }

  private idOf(key: string): DoctorId {
    return Number(key.slice(this.names.schemaName.length + 1));
  }
}

/**
 * redis-om's client, except that dropping an index that does not exist is not an error
 * whatever the server calls it ("Unknown Index name" in RediSearch 2.x; other wordings
 * elsewhere: {@link isUnknownIndex}): redis-om drops before every (re)creation, including the very first.
 */
class TolerantClient extends Client {
  override async dropIndex(indexName: string): Promise<void> {
    try {
      await super.dropIndex(indexName);
    } catch (error) {
      if (!isUnknownIndex(error)) throw error;
    }
  }
}

/** The engine's "no such index", whatever its version calls it. */
function isUnknownIndex(error: unknown): boolean {
  return error instanceof Error && /unknown index|no such index|not found/i.test(error.message);
}
