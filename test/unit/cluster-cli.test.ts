import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseClusterArgs } from '../../server/cli/cluster-args';
import { findClusterPrograms } from '../../server/cli/cluster-prerequisites';
import { killRandomNode } from '../../server/cli/cluster-state';
import { haproxyConfig } from '../../server/cli/haproxy-config';

describe('npm run cluster', () => {
  const empty = mkdtempSync(join(tmpdir(), 'showfloor-cluster-cli-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('reads --port, --data and --kill, and refuses what it does not know', () => {
    expect(parseClusterArgs([])).toEqual({ port: 3000, dataDir: resolve('./cluster-data'), kill: false, help: false });
    expect(parseClusterArgs(['--port', '4100', '--data', '/tmp/show', '--kill'])).toEqual({ port: 4100, dataDir: '/tmp/show', kill: true, help: false });
    expect(() => parseClusterArgs(['--port', '80x'])).toThrow(/--port: must be a port from 1 to 65532 \(got "80x"\)/);
    expect(() => parseClusterArgs(['--port', '65534'])).toThrow(/--port/);
    expect(() => parseClusterArgs(['--nodes', '5'])).toThrow(/--nodes/);
  });

  it('names every missing program and the one apt command that installs them', () => {
    const env = { PATH: empty, REDIS_SERVER_PATH: join(empty, 'redis-server'), HAPROXY_PATH: join(empty, 'haproxy') };
    expect(() => findClusterPrograms(env, join(empty, 'no-debian'))).toThrow(
      'npm run cluster needs PostgreSQL (initdb, pg_ctl), redis-server, haproxy, which are not installed. Install them with:\n  apt-get install -y postgresql redis-server haproxy',
    );
  });

  it('balances round-robin over the nodes that answer /readyz, with websocket-length tunnels', () => {
    const config = haproxyConfig({ port: 3000, nodes: [{ id: 'node-1', port: 3001 }, { id: 'node-2', port: 3002 }] });
    expect(config).toContain('bind :3000');
    expect(config).toContain('balance roundrobin');
    expect(config).toContain('option httpchk GET /readyz');
    expect(config).toContain('timeout tunnel 1h');
    expect(config).toMatch(/server node-1 127\.0\.0\.1:3001 check\n {2}server node-2 127\.0\.0\.1:3002 check/);
  });

  it('says so when --kill finds no running cluster', () => {
    expect(() => killRandomNode(empty)).toThrow(`No cluster is running from ${empty}: start one with npm run cluster.`);
  });
});
