// Three emulator nodes over one shared log, behaving as an EventStoreDB cluster
// does towards a client (see /work/shared/ESDB-EMULATOR.md, "A cluster, as the
// client meets it"): every node answers Gossip.Read with the members, their
// states and liveness; only the leader takes writes and followers answer them
// with the not-leader error naming the leader; reads and subscriptions work on
// any node. Stopping the leader elects another live node at once (a real
// election takes a moment; the client meets that window as UNAVAILABLE, which
// the adapter's retry already covers), and a stopped node can come back as a
// follower. One log stands for a replicated one: what a leader acknowledged is
// on every node, which is the guarantee a real cluster gives for quorum writes.

import { randomUUID } from 'node:crypto';
import gossipPb from '@eventstore/db-client/generated/gossip_pb.js';
import sharedPb from '@eventstore/db-client/generated/shared_pb.js';
import { createEmulatorState, startEmulator, type ClusterMembership, type Emulator, type EmulatorState, type LogRecord } from './esdb-emulator.js';

const VNodeState = gossipPb.MemberInfo.VNodeState;

interface Node {
  readonly id: string;
  port: number;
  emulator: Emulator | null;
}

export interface EmulatorCluster {
  /** esdb://127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3?tls=false&nodePreference=leader */
  readonly url: string;
  readonly ports: readonly number[];
  readonly state: EmulatorState;
  /** The index of the leading node, or -1 while none runs. */
  leaderIndex(): number;
  /** The single-node URL of node `i` (no discovery): for talking to a follower on purpose. */
  nodeUrl(i: number): string;
  /** Kills node `i` abruptly; if it led, the lowest-numbered live node is elected. */
  stopNode(i: number): Promise<void>;
  /** Brings node `i` back on its port, as a follower (or leader if none leads). */
  startNode(i: number): Promise<void>;
  /** The leader commits the next write and dies before acknowledging it. */
  loseNextAck(): void;
  stop(): Promise<void>;
}

export async function startEmulatorCluster(options: { batchAppend: boolean; size?: number } = { batchAppend: true }): Promise<EmulatorCluster> {
  const size = options.size ?? 3;
  const state = createEmulatorState();
  const nodes: Node[] = Array.from({ length: size }, () => ({ id: randomUUID(), port: 0, emulator: null }));
  let leaderId: string | null = nodes[0]!.id;
  let crashPending = false;
  const deliverers = new Set<(records: readonly LogRecord[]) => void>();

  const leaderNode = () => nodes.find((n) => n.id === leaderId && n.emulator) ?? null;
  const elect = () => {
    leaderId = nodes.find((n) => n.emulator)?.id ?? null;
  };

  const membership: ClusterMembership = {
    deliverers,
    leads: (port) => leaderNode()?.port === port,
    leader() {
      const node = leaderNode();
      return node ? { host: '127.0.0.1', port: node.port } : null;
    },
    gossip() {
      const info = new gossipPb.ClusterInfo();
      for (const node of nodes) {
        const member = new gossipPb.MemberInfo();
        const id = new sharedPb.UUID();
        id.setString(node.id);
        member.setInstanceId(id);
        member.setTimeStamp(String(Date.now()));
        const alive = node.emulator !== null;
        member.setIsAlive(alive);
        member.setState(!alive ? VNodeState.SHUTDOWN : node.id === leaderId ? VNodeState.LEADER : VNodeState.FOLLOWER);
        const endpoint = new gossipPb.EndPoint();
        endpoint.setAddress('127.0.0.1');
        endpoint.setPort(node.port);
        member.setHttpEndPoint(endpoint);
        info.addMembers(member);
      }
      return info;
    },
    crashBeforeAck(port) {
      if (!crashPending || leaderNode()?.port !== port) return false;
      crashPending = false;
      const index = nodes.findIndex((n) => n.port === port);
      void cluster.stopNode(index);
      return true;
    },
  };

  const start = async (node: Node) => {
    node.emulator = await startEmulator({ batchAppend: options.batchAppend, port: node.port, state, cluster: membership });
    node.port = node.emulator.port;
  };
  for (const node of nodes) await start(node);

  const cluster: EmulatorCluster = {
    url: `esdb://${nodes.map((n) => `127.0.0.1:${n.port}`).join(',')}?tls=false&nodePreference=leader`,
    ports: nodes.map((n) => n.port),
    state,
    leaderIndex: () => nodes.findIndex((n) => n === leaderNode()),
    nodeUrl: (i) => `esdb://127.0.0.1:${nodes[i]!.port}?tls=false`,
    async stopNode(i) {
      const node = nodes[i]!;
      const running = node.emulator;
      if (!running) return;
      node.emulator = null;
      // The survivors elect before the old leader's connections finish closing, as a quorum would.
      if (node.id === leaderId) elect();
      await running.stop();
    },
    async startNode(i) {
      const node = nodes[i]!;
      if (node.emulator) return;
      await start(node);
      if (!leaderNode()) elect();
    },
    loseNextAck() {
      crashPending = true;
    },
    async stop() {
      await Promise.all(nodes.map((_, i) => cluster.stopNode(i)));
    },
  };
  return cluster;
}
