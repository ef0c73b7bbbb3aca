// An in-process EventStoreDB emulator: a @grpc/grpc-js server serving the
// service definitions shipped inside @eventstore/db-client, so the real client
// library talks to it over esdb://127.0.0.1:PORT?tls=false. No EventStoreDB can
// run on our machines; the protocol facts it follows are in
// /work/shared/ESDB-EMULATOR.md (read from the client's dist/ and the server's
// gRPC transport). Where a real server's behaviour is easy to get wrong in an
// adapter (system events in $all, gaps between positions, idempotent
// re-appends, soft delete and tombstones, the 1 MiB append limit, invalid
// positions, rare checkpoints) the emulator copies it on purpose.
//
// The log lives in an EmulatorState object, apart from the server, so that a
// test can stop the "database" and start a new server on the same port with
// the same data.

import { randomUUID } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import streamsGrpc from '@eventstore/db-client/generated/streams_grpc_pb.js';
import featuresGrpc from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import gossipGrpc from '@eventstore/db-client/generated/gossip_grpc_pb.js';
import streamsPb from '@eventstore/db-client/generated/streams_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import statusPb from '@eventstore/db-client/generated/status_pb.js';
import codePb from '@eventstore/db-client/generated/code_pb.js';
import featuresPb from '@eventstore/db-client/generated/serverfeatures_pb.js';
import anyPb from 'google-protobuf/google/protobuf/any_pb.js';
import emptyPb from 'google-protobuf/google/protobuf/empty_pb.js';
import type { IStreamsServer } from '@eventstore/db-client/generated/streams_grpc_pb.js';
import type {
  AppendReq,
  BatchAppendReq,
  BatchAppendResp,
  ReadReq,
  ReadResp,
} from '@eventstore/db-client/generated/streams_pb.js';
import type { UUID } from '@eventstore/db-client/generated/shared_pb.js';
import type { ClusterInfo } from '@eventstore/db-client/generated/gossip_pb.js';

/** A real server's default MaxAppendSize. */
export const MAX_APPEND_SIZE = 1024 * 1024;
/** EventNumber.DeletedStream: the revision a tombstone record carries. */
const TOMBSTONE_REVISION = 9223372036854775807n;
/** The server's default filter search window (maxSearchWindow). */
const DEFAULT_CHECKPOINT_WINDOW = 32;
const TICKS_PER_MS = 10_000n;
const STREAMS_SERVICE = 'event_store.client.streams.Streams';

// ---------------------------------------------------------------------------
// The log

/** One record of the transaction log; commit == prepare == `position`. */
export interface LogRecord {
  position: bigint;
  stream: string;
  revision: bigint;
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
  /** .NET ticks (100 ns) since the Unix epoch. */
  created: bigint;
}

interface StreamState {
  /** Every event ever written; events[i].revision === i, across soft deletes. */
  events: LogRecord[];
  /** Reads hide revisions below this ($tb), which is how a soft delete hides the old events. */
  truncateBefore: bigint;
  softDeleted: boolean;
  tombstoned: boolean;
}

export interface EmulatorState {
  /** $all, in position order. */
  readonly records: LogRecord[];
  readonly streams: Map<string, StreamState>;
  /** Where the next record goes: the end-of-log position. */
  tail: bigint;
  /** Appends committed so far; drives the periodic system event. */
  writes: number;
}

/**
 * A fresh log. Like a real database it is never empty of system records:
 * settings and their metadata come first, so $all starts with `$` events.
 */
export function createEmulatorState(): EmulatorState {
  const state: EmulatorState = { records: [], streams: new Map(), tail: 0n, writes: 0 };
  writeSystemEvent(state, '$settings', '$settings', {
    $userStreamAcl: { $r: '$all', $w: '$all', $d: '$all', $mr: '$all', $mw: '$all' },
    $systemStreamAcl: { $r: '$admins', $w: '$admins', $d: '$admins', $mr: '$admins', $mw: '$admins' },
  });
  writeSystemEvent(state, '$$$settings', '$metadata', { $acl: { $r: '$admins', $w: '$admins' } });
  return state;
}

const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');
const bytesToString = (b: Uint8Array | string): string => (typeof b === 'string' ? Buffer.from(b, 'base64') : Buffer.from(b)).toString('utf8');

function streamOf(state: EmulatorState, name: string): StreamState {
  let stream = state.streams.get(name);
  if (!stream) {
    stream = { events: [], truncateBefore: 0n, softDeleted: false, tombstoned: false };
    state.streams.set(name, stream);
  }
  return stream;
}

/** Appends one record at the tail. Record sizes leave gaps between positions, as a real log does. */
function writeRecord(state: EmulatorState, record: Omit<LogRecord, 'position' | 'created'>): LogRecord {
  const written: LogRecord = { ...record, position: state.tail, created: BigInt(Date.now()) * TICKS_PER_MS };
  const size = 80 + utf8(record.stream).length + utf8(record.type).length + record.data.length + record.metadata.length;
  state.tail += BigInt(Math.ceil(size / 8) * 8);
  state.records.push(written);
  return written;
}

function writeSystemEvent(state: EmulatorState, stream: string, type: string, data: unknown): LogRecord {
  const s = streamOf(state, stream);
  const record = writeRecord(state, {
    stream,
    revision: BigInt(s.events.length),
    id: randomUUID(),
    type,
    contentType: 'application/json',
    data: utf8(JSON.stringify(data)),
    metadata: new Uint8Array(),
  });
  s.events.push(record);
  return record;
}

function lastRevision(stream: StreamState | undefined): bigint | 'no_stream' {
  return stream && stream.events.length > 0 ? BigInt(stream.events.length - 1) : 'no_stream';
}

/** Whether the stream counts as existing for expected-revision checks. */
function exists(stream: StreamState | undefined): boolean {
  return !!stream && stream.events.length > 0 && !stream.softDeleted;
}

// ---------------------------------------------------------------------------
// Writes

type Expected = 'any' | 'no_stream' | 'stream_exists' | bigint;

interface Proposed {
  id: string;
  type: string;
  contentType: string;
  data: Uint8Array;
  metadata: Uint8Array;
}

type Failure =
  | { error: 'wrong-expected-version'; current: bigint | 'no_stream' }
  | { error: 'stream-deleted' }
  | { error: 'maximum-append-size-exceeded' };

type AppendOutcome = { revision: bigint | 'no_stream'; position: bigint | null; written: LogRecord[] } | Failure;

/** The expected-revision check shared by append, delete and tombstone (soft-deleted streams are handled by callers). */
function checkExpected(stream: StreamState | undefined, expected: Expected): Failure | null {
  const current = lastRevision(stream);
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && !exists(stream)) ||
    (expected === 'stream_exists' && exists(stream)) ||
    (typeof expected === 'bigint' && current === expected);
  return ok ? null : { error: 'wrong-expected-version', current };
}

/** Re-appending ids already committed at the same place answers the original result. */
function idempotentResult(stream: StreamState | undefined, expected: Expected, proposed: Proposed[]) {
  const first = proposed[0];
  if (!stream || !first) return null;
  const start =
    typeof expected === 'bigint'
      ? Number(expected) + 1
      : expected === 'no_stream'
        ? 0
        : stream.events.findIndex((e) => e.id === first.id);
  if (start < 0 || start + proposed.length > stream.events.length) return null;
  if (!proposed.every((p, i) => stream.events[start + i]!.id === p.id)) return null;
  const last = stream.events[start + proposed.length - 1]!;
  return { revision: last.revision, position: last.position, written: [] };
}

function append(state: EmulatorState, name: string, expected: Expected, proposed: Proposed[], size: number): AppendOutcome {
  if (size > MAX_APPEND_SIZE) return { error: 'maximum-append-size-exceeded' };
  const existing = state.streams.get(name);
  if (existing?.tombstoned) return { error: 'stream-deleted' };
  const replay = idempotentResult(existing, expected, proposed);
  if (replay) return replay;
  // A soft-deleted stream is recreated by any or no_stream; stream_exists is told it was deleted.
  if (existing?.softDeleted && expected === 'stream_exists') return { error: 'stream-deleted' };
  const failure = checkExpected(existing, expected);
  if (failure) return failure;
  if (proposed.length === 0) {
    return { revision: lastRevision(existing), position: null, written: [] };
  }

  const stream = streamOf(state, name);
  const written: LogRecord[] = [];
  if (stream.softDeleted) {
    stream.softDeleted = false;
    stream.truncateBefore = BigInt(stream.events.length);
    written.push(writeSystemEvent(state, `$$${name}`, '$metadata', { $tb: Number(stream.truncateBefore) }));
  }
  for (const p of proposed) {
    const record = writeRecord(state, { ...p, stream: name, revision: BigInt(stream.events.length) });
    stream.events.push(record);
    written.push(record);
  }
  const last = stream.events[stream.events.length - 1]!;
  // A real log is full of system records; one now and then keeps adapters honest.
  state.writes += 1;
  if (state.writes % 4 === 0) {
    written.push(writeSystemEvent(state, '$stats-127.0.0.1:2113', '$statsCollected', { writes: state.writes }));
  }
  return { revision: last.revision, position: last.position, written };
}

type DeleteOutcome = { position: bigint; written: LogRecord[] } | Failure;

function softDelete(state: EmulatorState, name: string, expected: Expected): DeleteOutcome {
  const existing = state.streams.get(name);
  if (existing?.tombstoned) return { error: 'stream-deleted' };
  const failure = checkExpected(existing, expected);
  if (failure) return failure;
  const stream = streamOf(state, name);
  stream.softDeleted = true;
  stream.truncateBefore = BigInt(stream.events.length);
  const meta = writeSystemEvent(state, `$$${name}`, '$metadata', { $tb: Number(TOMBSTONE_REVISION) });
  return { position: meta.position, written: [meta] };
}

function tombstone(state: EmulatorState, name: string, expected: Expected): DeleteOutcome {
  const existing = state.streams.get(name);
  if (existing?.tombstoned) return { error: 'stream-deleted' };
  const failure = checkExpected(existing, expected);
  if (failure) return failure;
  const stream = streamOf(state, name);
  stream.tombstoned = true;
  const record = writeRecord(state, {
    stream: name,
    revision: TOMBSTONE_REVISION,
    id: randomUUID(),
    type: '$streamDeleted',
    contentType: 'application/octet-stream',
    data: new Uint8Array(),
    metadata: new Uint8Array(),
  });
  return { position: record.position, written: [record] };
}

// ---------------------------------------------------------------------------
// Reads

class RpcError extends Error {
  constructor(
    readonly code: grpc.status,
    readonly details: string,
    readonly metadata: grpc.Metadata = new grpc.Metadata(),
  ) {
    super(details);
  }
}

function trailers(entries: Record<string, string>): grpc.Metadata {
  const metadata = new grpc.Metadata();
  for (const [key, value] of Object.entries(entries)) metadata.set(key, value);
  return metadata;
}

const streamDeleted = (name: string) =>
  new RpcError(grpc.status.FAILED_PRECONDITION, `Event stream '${name}' is deleted.`, trailers({ exception: 'stream-deleted', 'stream-name': name }));

const invalidPosition = () => new RpcError(grpc.status.UNKNOWN, 'Trying to read from an invalid position.');

/** Index of the first record at or after `position` in $all; throws when `position` falls inside a record. */
function indexAt(state: EmulatorState, commit: bigint, prepare: bigint): number {
  if (commit < 0n || prepare < 0n || commit !== prepare) throw invalidPosition();
  if (commit >= state.tail) return state.records.length;
  let lo = 0;
  let hi = state.records.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = state.records[mid]!.position;
    if (p === commit) return mid;
    if (p < commit) lo = mid + 1;
    else hi = mid - 1;
  }
  throw invalidPosition();
}

type Filter = { matches(record: LogRecord): boolean; checkpointInterval: number };

function filterOf(options: ReadReq.Options): Filter | null {
  if (!options.hasFilter()) return null;
  const f = options.getFilter()!;
  const byType = f.hasEventType();
  const expression = byType ? f.getEventType() : f.getStreamIdentifier();
  if (!expression) throw new RpcError(grpc.status.INVALID_ARGUMENT, 'Filter has no expression.');
  const regex = expression.getRegex() ? new RegExp(expression.getRegex()) : null;
  const prefixes = expression.getPrefixList();
  const window = f.hasMax() ? f.getMax() : DEFAULT_CHECKPOINT_WINDOW;
  return {
    matches(record) {
      const subject = byType ? record.type : record.stream;
      return regex ? regex.test(subject) : prefixes.some((p) => subject.startsWith(p));
    },
    checkpointInterval: window * Math.max(1, f.getCheckpointintervalmultiplier()),
  };
}

function eventResponse(record: LogRecord): ReadResp {
  const recorded = new streamsPb.ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(uuid(record.id));
  recorded.setStreamIdentifier(streamIdentifier(record.stream));
  recorded.setStreamRevision(record.revision.toString());
  recorded.setCommitPosition(record.position.toString());
  recorded.setPreparePosition(record.position.toString());
  recorded.getMetadataMap().set('type', record.type);
  recorded.getMetadataMap().set('created', record.created.toString());
  recorded.getMetadataMap().set('content-type', record.contentType);
  recorded.setData(record.data);
  recorded.setCustomMetadata(record.metadata);
  const event = new streamsPb.ReadResp.ReadEvent();
  event.setEvent(recorded);
  event.setCommitPosition(record.position.toString());
  const resp = new streamsPb.ReadResp();
  resp.setEvent(event);
  return resp;
}

function checkpointResponse(position: bigint): ReadResp {
  const checkpoint = new streamsPb.ReadResp.Checkpoint();
  checkpoint.setCommitPosition(position.toString());
  checkpoint.setPreparePosition(position.toString());
  const resp = new streamsPb.ReadResp();
  resp.setCheckpoint(checkpoint);
  return resp;
}

function streamNotFoundResponse(name: string): ReadResp {
  const notFound = new streamsPb.ReadResp.StreamNotFound();
  notFound.setStreamIdentifier(streamIdentifier(name));
  const resp = new streamsPb.ReadResp();
  resp.setStreamNotFound(notFound);
  return resp;
}

/** The visible events of a stream, or null when it reads as not found. */
function visibleEvents(state: EmulatorState, name: string): LogRecord[] | null {
  const stream = state.streams.get(name);
  if (stream?.tombstoned) throw streamDeleted(name);
  if (!stream) return null;
  const visible = stream.events.filter((e) => e.revision >= stream.truncateBefore);
  return visible.length === 0 && (stream.softDeleted || stream.events.length === 0) ? null : visible;
}

function readStreamRecords(state: EmulatorState, options: ReadReq.Options): LogRecord[] | null {
  const s = options.getStream()!;
  const name = bytesToString(s.getStreamIdentifier()!.getStreamName());
  const visible = visibleEvents(state, name);
  if (!visible) return null;
  const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
  const count = countOf(options);
  const Case = streamsPb.ReadReq.Options.StreamOptions.RevisionOptionCase;
  let selected: LogRecord[];
  switch (s.getRevisionOptionCase()) {
    case Case.REVISION: {
      const from = BigInt(s.getRevision());
      selected = backwards ? visible.filter((e) => e.revision <= from).reverse() : visible.filter((e) => e.revision >= from);
      break;
    }
    case Case.END:
      selected = backwards ? [...visible].reverse() : [];
      break;
    default: // START
      selected = backwards ? visible.slice(0, 1) : visible;
  }
  return selected.slice(0, count);
}

function readAllRecords(state: EmulatorState, options: ReadReq.Options): LogRecord[] {
  const all = options.getAll()!;
  const backwards = options.getReadDirection() === streamsPb.ReadReq.Options.ReadDirection.BACKWARDS;
  const Case = streamsPb.ReadReq.Options.AllOptions.AllOptionCase;
  let selected: LogRecord[];
  switch (all.getAllOptionCase()) {
    case Case.POSITION: {
      const p = all.getPosition()!;
      const index = indexAt(state, BigInt(p.getCommitPosition()), BigInt(p.getPreparePosition()));
      // Forwards is inclusive of the given position, backwards exclusive.
      selected = backwards ? state.records.slice(0, index).reverse() : state.records.slice(index);
      break;
    }
    case Case.END:
      selected = backwards ? [...state.records].reverse() : [];
      break;
    default: // START
      selected = backwards ? [] : state.records;
  }
  const filter = filterOf(options);
  if (filter) selected = selected.filter((r) => filter.matches(r));
  return selected.slice(0, countOf(options));
}

function countOf(options: ReadReq.Options): number {
  const count = options.hasCount() ? BigInt(options.getCount()) : BigInt(Number.MAX_SAFE_INTEGER);
  return Number(count > BigInt(Number.MAX_SAFE_INTEGER) ? BigInt(Number.MAX_SAFE_INTEGER) : count);
}

// ---------------------------------------------------------------------------
// Message helpers

function uuid(id: string): UUID {
  const u = new sharedPb.UUID();
  u.setString(id);
  return u;
}

function uuidString(u: UUID | undefined): string {
  if (!u) return '';
  if (u.hasStructured()) {
    const s = u.getStructured()!;
    const hex = (v: string) => BigInt.asUintN(64, BigInt(v)).toString(16).padStart(16, '0');
    const h = hex(s.getMostSignificantBits()) + hex(s.getLeastSignificantBits());
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  return u.getString().toLowerCase();
}

function streamIdentifier(name: string) {
  const id = new sharedPb.StreamIdentifier();
  id.setStreamName(utf8(name));
  return id;
}

interface ProposedMessage {
  getId(): UUID | undefined;
  getMetadataMap(): { get(key: string): string | undefined };
  getData_asU8(): Uint8Array;
  getCustomMetadata_asU8(): Uint8Array;
  serializeBinary(): Uint8Array;
}

function proposedOf(message: ProposedMessage): Proposed {
  const type = message.getMetadataMap().get('type');
  const contentType = message.getMetadataMap().get('content-type');
  if (type === undefined || contentType === undefined) {
    throw new RpcError(
      grpc.status.INVALID_ARGUMENT,
      'Required metadata properties are missing.',
      trailers({ exception: 'missing-required-metadata-property', 'required-metadata-properties': 'type,content-type' }),
    );
  }
  return {
    id: uuidString(message.getId()),
    type,
    contentType,
    data: message.getData_asU8(),
    metadata: message.getCustomMetadata_asU8(),
  };
}

/** ESDB's ExpectedVersion numbers, as the `expected-version` trailer carries them. */
function expectedVersionNumber(expected: Expected): string {
  if (typeof expected === 'bigint') return expected.toString();
  return { any: '-2', no_stream: '-1', stream_exists: '-4' }[expected];
}

/** The failures of delete and tombstone travel as trailers. */
function failureAsRpcError(name: string, expected: Expected, failure: Failure): RpcError {
  switch (failure.error) {
    case 'stream-deleted':
      return streamDeleted(name);
    case 'maximum-append-size-exceeded':
      return new RpcError(
        grpc.status.INVALID_ARGUMENT,
        `Maximum Append Size of ${MAX_APPEND_SIZE} Exceeded.`,
        trailers({ exception: 'maximum-append-size-exceeded', 'maximum-append-size': String(MAX_APPEND_SIZE) }),
      );
    case 'wrong-expected-version': {
      const entries: Record<string, string> = {
        exception: 'wrong-expected-version',
        'stream-name': name,
        'expected-version': expectedVersionNumber(expected),
      };
      if (failure.current !== 'no_stream') entries['actual-version'] = failure.current.toString();
      return new RpcError(grpc.status.FAILED_PRECONDITION, 'Wrong expected version.', trailers(entries));
    }
  }
}

type ExpectedOptions = {
  hasAny(): boolean;
  hasNoStream(): boolean;
  hasStreamExists(): boolean;
};

function expectedOf(options: ExpectedOptions, revision: () => string | undefined): Expected {
  if (options.hasNoStream()) return 'no_stream';
  if (options.hasStreamExists()) return 'stream_exists';
  const r = revision();
  if (r !== undefined) return BigInt(r);
  return 'any';
}

// ---------------------------------------------------------------------------
// The server

export interface EmulatorOptions {
  /** Advertise Streams.BatchAppend through ServerFeatures, as real servers do. */
  batchAppend: boolean;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** The log to serve; pass a stopped emulator's state to bring the "database" back. */
  state?: EmulatorState;
  /** Makes this server one node of a cluster (see esdb-cluster.ts, which supplies it). */
  cluster?: ClusterMembership;
}

/** What a node needs to know about its cluster; the cluster wrapper answers. */
export interface ClusterMembership {
  /** Whether the node on `port` leads now (only the leader takes writes). */
  leads(port: number): boolean;
  /** The leader's endpoint for the not-leader trailers; null while none is elected. */
  leader(): { host: string; port: number } | null;
  /** The answer to Gossip.Read. */
  gossip(): ClusterInfo;
  /** Every running node's subscriptions: a commit on the leader reaches them all (one shared log). */
  readonly deliverers: Set<(records: readonly LogRecord[]) => void>;
  /** Called after a write is committed, before it is acknowledged; true = the node died, no answer goes out. */
  crashBeforeAck(port: number): boolean;
}

export interface Emulator {
  /** esdb://127.0.0.1:PORT?tls=false */
  readonly url: string;
  readonly port: number;
  readonly state: EmulatorState;
  /** How many calls each RPC received, to prove which append path a client took. */
  readonly calls: Record<'read' | 'append' | 'batchAppend' | 'delete' | 'tombstone' | 'serverFeatures', number>;
  /** Kills the server and its connections abruptly, like a crashed database. */
  stop(): Promise<void>;
  /** Stops (if running) and serves the same state on the same port again. */
  restart(): Promise<Emulator>;
}

interface Subscriber {
  deliver(records: readonly LogRecord[]): void;
}

export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const state = options.state ?? createEmulatorState();
  const subscribers = new Set<Subscriber>();
  const calls: Emulator['calls'] = { read: 0, append: 0, batchAppend: 0, delete: 0, tombstone: 0, serverFeatures: 0 };

  const deliverLocal = (records: readonly LogRecord[]) => {
    for (const subscriber of subscribers) subscriber.deliver(records);
  };
  const cluster = options.cluster;
  cluster?.deliverers.add(deliverLocal);
  const commit = (records: readonly LogRecord[]) => {
    if (records.length === 0) return;
    if (cluster) for (const deliver of cluster.deliverers) deliver(records);
    else deliverLocal(records);
  };
  // Set once bound; the cluster callbacks key nodes by port.
  let boundPort = 0;
  /** A follower refuses writes as a real one does: NOT_FOUND "Leader info available" + the leader's endpoint. */
  const notLeader = (): RpcError | null => {
    if (!cluster || cluster.leads(boundPort)) return null;
    const leader = cluster.leader();
    if (!leader) return new RpcError(grpc.status.UNAVAILABLE, 'Server Is Not Ready');
    return new RpcError(
      grpc.status.NOT_FOUND,
      'Leader info available',
      trailers({ exception: 'not-leader', 'leader-endpoint-host': leader.host, 'leader-endpoint-port': String(leader.port) }),
    );
  };
  /** True when the node "crashed" between commit and acknowledgement (the answer is lost). */
  const ackLost = () => !!cluster && cluster.crashBeforeAck(boundPort);

  const sendError = (call: grpc.ServerWritableStream<ReadReq, ReadResp>, error: unknown) => {
    const e = error instanceof RpcError ? error : new RpcError(grpc.status.INTERNAL, String(error));
    call.emit('error', { code: e.code, details: e.details, metadata: e.metadata });
  };

  const subscribe = (call: grpc.ServerWritableStream<ReadReq, ReadResp>, opts: ReadReq.Options) => {
    let filter: Filter | null = null;
    let catchUp: LogRecord[];
    let accepts: (r: LogRecord) => boolean;
    if (opts.hasStream()) {
      const s = opts.getStream()!;
      const name = bytesToString(s.getStreamIdentifier()!.getStreamName());
      if (state.streams.get(name)?.tombstoned) throw streamDeleted(name);
      const Case = streamsPb.ReadReq.Options.StreamOptions.RevisionOptionCase;
      const from = s.getRevisionOptionCase() === Case.REVISION ? BigInt(s.getRevision()) : null;
      const atEnd = s.getRevisionOptionCase() === Case.END;
      accepts = (r) => r.stream === name && r.revision !== TOMBSTONE_REVISION;
      const visible = visibleEvents(state, name) ?? [];
      // Subscriptions start strictly after the given revision.
      catchUp = atEnd ? [] : visible.filter((e) => from === null || e.revision > from);
    } else {
      const all = opts.getAll()!;
      const Case = streamsPb.ReadReq.Options.AllOptions.AllOptionCase;
      filter = filterOf(opts);
      accepts = () => true;
      switch (all.getAllOptionCase()) {
        case Case.POSITION: {
          const p = all.getPosition()!;
          // Strictly after the given position (indexAt is the record at it, or the end of the log).
          catchUp = state.records.slice(indexAt(state, BigInt(p.getCommitPosition()), BigInt(p.getPreparePosition())) + 1);
          break;
        }
        case Case.END:
          catchUp = [];
          break;
        default:
          catchUp = state.records.slice();
      }
    }

    const confirmation = new streamsPb.ReadResp.SubscriptionConfirmation();
    confirmation.setSubscriptionId(randomUUID());
    const confirmed = new streamsPb.ReadResp();
    confirmed.setConfirmation(confirmation);
    call.write(confirmed);

    let considered = 0;
    const send = (record: LogRecord) => {
      if (!accepts(record)) return;
      if (!filter) {
        call.write(eventResponse(record));
        return;
      }
      if (filter.matches(record)) call.write(eventResponse(record));
      considered += 1;
      if (considered % filter.checkpointInterval === 0) call.write(checkpointResponse(record.position));
    };
    // Catch-up and the switch to live happen in one tick, so nothing falls in between.
    for (const record of catchUp) send(record);
    const lastRecord = state.records[state.records.length - 1];
    if (filter && lastRecord) call.write(checkpointResponse(lastRecord.position));
    const caughtUp = new streamsPb.ReadResp();
    caughtUp.setCaughtUp(new streamsPb.ReadResp.CaughtUp());
    call.write(caughtUp);

    const subscriber: Subscriber = { deliver: (records) => records.forEach(send) };
    subscribers.add(subscriber);
    const drop = () => subscribers.delete(subscriber);
    call.on('cancelled', drop);
    call.on('close', drop);
    call.on('error', drop);
  };

  const streams: IStreamsServer = {
    read(call) {
      calls.read += 1;
      try {
        const opts = call.request.getOptions();
        if (!opts) throw new RpcError(grpc.status.INVALID_ARGUMENT, 'Read options are required.');
        if (opts.hasSubscription()) return subscribe(call, opts);
        if (opts.hasStream()) {
          const records = readStreamRecords(state, opts);
          if (records === null) {
            call.write(streamNotFoundResponse(bytesToString(opts.getStream()!.getStreamIdentifier()!.getStreamName())));
          } else {
            for (const record of records) call.write(eventResponse(record));
          }
        } else {
          for (const record of readAllRecords(state, opts)) call.write(eventResponse(record));
        }
        call.end();
      } catch (error) {
        sendError(call, error);
      }
    },

    append(call, callback) {
      calls.append += 1;
      let header: AppendReq.Options | undefined;
      const messages: Proposed[] = [];
      let size = 0;
      let failed: RpcError | undefined;
      call.on('data', (req: AppendReq) => {
        if (failed) return;
        try {
          if (req.hasOptions()) header = req.getOptions();
          else if (req.hasProposedMessage()) {
            const message = req.getProposedMessage()!;
            size += message.serializeBinary().length;
            messages.push(proposedOf(message));
          }
        } catch (error) {
          failed = error instanceof RpcError ? error : new RpcError(grpc.status.INTERNAL, String(error));
        }
      });
      call.on('end', () => {
        if (failed) return callback(failed);
        if (!header) return callback(new RpcError(grpc.status.INVALID_ARGUMENT, 'Append options are required.'));
        const refused = notLeader();
        if (refused) return callback(refused);
        const h = header;
        const name = bytesToString(h.getStreamIdentifier()!.getStreamName());
        const expected = expectedOf(h, () => (h.hasRevision() ? h.getRevision() : undefined));
        const outcome = append(state, name, expected, messages, size);
        if ('error' in outcome) {
          if (outcome.error !== 'wrong-expected-version') return callback(failureAsRpcError(name, expected, outcome));
          const wrong = new streamsPb.AppendResp.WrongExpectedVersion();
          if (outcome.current === 'no_stream') wrong.setCurrentNoStream(new sharedPb.Empty());
          else wrong.setCurrentRevision(outcome.current.toString());
          if (typeof expected === 'bigint') wrong.setExpectedRevision(expected.toString());
          else if (expected === 'any') wrong.setExpectedAny(new sharedPb.Empty());
          else if (expected === 'no_stream') wrong.setExpectedNoStream(new sharedPb.Empty());
          else wrong.setExpectedStreamExists(new sharedPb.Empty());
          const resp = new streamsPb.AppendResp();
          resp.setWrongExpectedVersion(wrong);
          return callback(null, resp);
        }
        commit(outcome.written);
        if (ackLost()) return;
        const success = new streamsPb.AppendResp.Success();
        if (outcome.revision === 'no_stream') success.setNoStream(new sharedPb.Empty());
        else success.setCurrentRevision(outcome.revision.toString());
        if (outcome.position === null) success.setNoPosition(new sharedPb.Empty());
        else {
          const position = new streamsPb.AppendResp.Position();
          position.setCommitPosition(outcome.position.toString());
          position.setPreparePosition(outcome.position.toString());
          success.setPosition(position);
        }
        const resp = new streamsPb.AppendResp();
        resp.setSuccess(success);
        callback(null, resp);
      });
    },

    batchAppend(call) {
      calls.batchAppend += 1;
      if (!options.batchAppend) {
        call.emit('error', { code: grpc.status.UNIMPLEMENTED, details: 'Method not found: BatchAppend' });
        return;
      }
      const refused = notLeader();
      if (refused) {
        call.emit('error', { code: refused.code, details: refused.details, metadata: refused.metadata });
        return;
      }
      // Appends are multiplexed on one long-lived call: buffer each until its final chunk.
      const pending = new Map<string, { options: BatchAppendReq.Options; messages: Proposed[]; size: number }>();
      call.on('data', (req: BatchAppendReq) => {
        const correlation = req.getCorrelationId();
        const key = uuidString(correlation);
        let batch = pending.get(key);
        if (!batch) {
          const opts = req.getOptions();
          if (!opts) return; // a chunk for an append we never saw start: nothing to answer
          batch = { options: opts, messages: [], size: 0 };
          pending.set(key, batch);
        }
        try {
          for (const message of req.getProposedMessagesList()) {
            batch.size += message.serializeBinary().length;
            batch.messages.push(proposedOf(message));
          }
        } catch (error) {
          // A malformed event fails the whole call, which rejects every pending append.
          const e = error instanceof RpcError ? error : new RpcError(grpc.status.INTERNAL, String(error));
          call.emit('error', { code: e.code, details: e.details, metadata: e.metadata });
          return;
        }
        if (!req.getIsFinal()) return;
        pending.delete(key);
        const result = batchAppendResult(state, correlation!, batch.options, batch.messages, batch.size, commit);
        if (result.hasSuccess() && ackLost()) return;
        call.write(result);
      });
      call.on('end', () => call.end());
    },

    delete(call, callback) {
      calls.delete += 1;
      const refusedDelete = notLeader();
      if (refusedDelete) return callback(refusedDelete);
      const o = call.request.getOptions()!;
      const name = bytesToString(o.getStreamIdentifier()!.getStreamName());
      const expected = expectedOf(o, () => (o.hasRevision() ? o.getRevision() : undefined));
      const outcome = softDelete(state, name, expected);
      if ('error' in outcome) return callback(failureAsRpcError(name, expected, outcome));
      commit(outcome.written);
      const position = new streamsPb.DeleteResp.Position();
      position.setCommitPosition(outcome.position.toString());
      position.setPreparePosition(outcome.position.toString());
      const resp = new streamsPb.DeleteResp();
      resp.setPosition(position);
      callback(null, resp);
    },

    tombstone(call, callback) {
      calls.tombstone += 1;
      const refusedTombstone = notLeader();
      if (refusedTombstone) return callback(refusedTombstone);
      const o = call.request.getOptions()!;
      const name = bytesToString(o.getStreamIdentifier()!.getStreamName());
      const expected = expectedOf(o, () => (o.hasRevision() ? o.getRevision() : undefined));
      const outcome = tombstone(state, name, expected);
      if ('error' in outcome) return callback(failureAsRpcError(name, expected, outcome));
      commit(outcome.written);
      const position = new streamsPb.TombstoneResp.Position();
      position.setCommitPosition(outcome.position.toString());
      position.setPreparePosition(outcome.position.toString());
      const resp = new streamsPb.TombstoneResp();
      resp.setPosition(position);
      callback(null, resp);
    },
  };

  const server = new grpc.Server();
  server.addService(streamsGrpc.StreamsService, streams);
  // Without batchAppend the ServerFeatures service is absent, so grpc-js answers
  // UNIMPLEMENTED, which the client reads as "no features": appends use Streams.Append.
  if (options.batchAppend) {
    server.addService(featuresGrpc.ServerFeaturesService, {
      getSupportedMethods(_call: unknown, callback: grpc.sendUnaryData<InstanceType<typeof featuresPb.SupportedMethods>>) {
        calls.serverFeatures += 1;
        const supported = new featuresPb.SupportedMethods();
        supported.setEventStoreServerVersion('23.10.0');
        for (const method of ['read', 'append', 'delete', 'tombstone', 'batchappend']) {
          const m = new featuresPb.SupportedMethod();
          m.setServiceName(STREAMS_SERVICE);
          m.setMethodName(method);
          supported.addMethods(m);
        }
        callback(null, supported);
      },
    });
  }

  if (cluster) {
    server.addService(gossipGrpc.GossipService, {
      read(_call: unknown, callback: grpc.sendUnaryData<ClusterInfo>) {
        callback(null, cluster.gossip());
      },
    });
  }

  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`127.0.0.1:${options.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    );
  });
  boundPort = port;

  let stopped: Promise<void> | undefined;
  const emulator: Emulator = {
    url: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    state,
    calls,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        server.forceShutdown();
        subscribers.clear();
        cluster?.deliverers.delete(deliverLocal);
      });
      return stopped;
    },
    async restart() {
      await emulator.stop();
      return startEmulator({ batchAppend: options.batchAppend, port, state, ...(cluster ? { cluster } : {}) });
    },
  };
  return emulator;
}

function batchAppendResult(
  state: EmulatorState,
  correlation: UUID,
  opts: BatchAppendReq.Options,
  messages: Proposed[],
  size: number,
  commit: (records: readonly LogRecord[]) => void,
): BatchAppendResp {
  const name = bytesToString(opts.getStreamIdentifier()!.getStreamName());
  const expected = expectedOf(opts, () => (opts.hasStreamPosition() ? opts.getStreamPosition() : undefined));
  const resp = new streamsPb.BatchAppendResp();
  resp.setCorrelationId(correlation);
  resp.setStreamIdentifier(streamIdentifier(name));
  if (typeof expected === 'bigint') resp.setStreamPosition(expected.toString());
  else if (expected === 'any') resp.setAny(new emptyPb.Empty());
  else if (expected === 'no_stream') resp.setNoStream(new emptyPb.Empty());
  else resp.setStreamExists(new emptyPb.Empty());

  const outcome = append(state, name, expected, messages, size);
  if (!('error' in outcome)) {
    commit(outcome.written);
    const success = new streamsPb.BatchAppendResp.Success();
    if (outcome.revision === 'no_stream') success.setNoStream(new emptyPb.Empty());
    else success.setCurrentRevision(outcome.revision.toString());
    if (outcome.position === null) success.setNoPosition(new emptyPb.Empty());
    else {
      const position = new sharedPb.AllStreamPosition();
      position.setCommitPosition(outcome.position.toString());
      position.setPreparePosition(outcome.position.toString());
      success.setPosition(position);
    }
    resp.setSuccess(success);
    return resp;
  }

  const status = new statusPb.Status();
  const details = new anyPb.Any();
  switch (outcome.error) {
    case 'wrong-expected-version': {
      const wrong = new sharedPb.WrongExpectedVersion();
      if (outcome.current === 'no_stream') wrong.setCurrentNoStream(new emptyPb.Empty());
      else wrong.setCurrentStreamRevision(outcome.current.toString());
      if (typeof expected === 'bigint') wrong.setExpectedStreamPosition(expected.toString());
      else if (expected === 'any') wrong.setExpectedAny(new emptyPb.Empty());
      else if (expected === 'no_stream') wrong.setExpectedNoStream(new emptyPb.Empty());
      else wrong.setExpectedStreamExists(new emptyPb.Empty());
      details.pack(wrong.serializeBinary(), 'event_store.client.WrongExpectedVersion');
      status.setCode(codePb.Code.FAILED_PRECONDITION);
      status.setMessage('Wrong expected version.');
      break;
    }
    case 'stream-deleted': {
      const deleted = new sharedPb.StreamDeleted();
      deleted.setStreamIdentifier(streamIdentifier(name));
      details.pack(deleted.serializeBinary(), 'event_store.client.StreamDeleted');
      status.setCode(codePb.Code.FAILED_PRECONDITION);
      status.setMessage(`Event stream '${name}' is deleted.`);
      break;
    }
    case 'maximum-append-size-exceeded': {
      const tooBig = new sharedPb.MaximumAppendSizeExceeded();
      tooBig.setMaxappendsize(MAX_APPEND_SIZE);
      details.pack(tooBig.serializeBinary(), 'event_store.client.MaximumAppendSizeExceeded');
      status.setCode(codePb.Code.INVALID_ARGUMENT);
      status.setMessage(`Maximum Append Size of ${MAX_APPEND_SIZE} Exceeded.`);
      break;
    }
  }
  status.setDetails(details);
  resp.setError(status);
  return resp;
}
