/**
 * A process that starts a private Redis Cluster and then waits to be killed (owned-process.int.spec.ts):
 * prints `READY <json>` with the nodes' pids, ports and directory.
 */
import { ownedPids } from './owned-process.js';
import { PrivateRedisCluster } from './redis-cluster.js';

const cluster = await PrivateRedisCluster.start(3);
console.log(`READY ${JSON.stringify({ pids: ownedPids(), ports: cluster.ports, dir: cluster.dir })}`);
if (process.argv.includes('--exit')) process.exit(0); // without stop(): the exit hook must clean up
setInterval(() => undefined, 1000);
