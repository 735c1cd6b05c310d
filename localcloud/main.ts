/**
 * Command line: node --import tsx localcloud/main.ts --data .data --port 8080 --functions cloudfunctions --static dist-h5
 * Starts the local cloud and prints its URL; Ctrl-C (SIGINT) or SIGTERM stops it cleanly.
 */
import { parseArgs } from 'node:util';
import { startLocalCloud } from './index';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string', default: '.data' },
      port: { type: 'string', default: '8080' },
      functions: { type: 'string', default: 'cloudfunctions' },
      static: { type: 'string', default: 'dist-h5' },
      env: { type: 'string', default: 'local-dev' },
      instances: { type: 'string', default: '2' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('usage: localcloud/main.ts [--data .data] [--port 8080] [--functions cloudfunctions] [--static dist-h5] [--env local-dev] [--instances 2]\n');
    return;
  }
  const port = Number(values.port);
  const instances = Number(values.instances);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0-65535, got ${values.port}`);
  if (!Number.isInteger(instances) || instances < 1) throw new Error(`--instances must be a positive integer, got ${values.instances}`);

  const time = () => new Date().toLocaleTimeString('zh-CN', { hour12: false });
  const cloud = await startLocalCloud({
    dataDir: values.data!,
    port,
    functionsDir: values.functions!,
    staticDir: values.static!,
    env: values.env!,
    instancesPerFunction: instances,
    log: (line) => process.stdout.write(`${time()} ${line}\n`),
  });
  process.stdout.write(`\n本地云已启动：${cloud.url}\n  应用        ${cloud.url}/\n  选择身份    ${cloud.url}/__dev/signin\n  发件箱      ${cloud.url}/__dev/outbox\n\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping the local cloud…\n`);
    cloud.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`failed to stop cleanly: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
