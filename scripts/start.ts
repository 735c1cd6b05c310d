/**
 * `npm start`: builds the cloud functions and the H5 app, starts the local cloud on 127.0.0.1
 * with the demo union on first start, and prints where to open it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { startLocalCloud } from '../localcloud';
import { seedDemoUnion } from './demo/seed';

const root = path.resolve(__dirname, '..');
const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data');
const port = Number(process.env.PORT ?? 8787);

function run(label: string, args: string[]): void {
  console.log(`==> ${label}`);
  const { status } = spawnSync('npm', ['run', '--silent', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, CI: 'true' } });
  if (status !== 0) {
    console.error(`${label} 失败`);
    process.exit(status ?? 1);
  }
}

async function main() {
  run('构建云函数', ['build:functions']);
  if (!process.argv.includes('--no-build')) run('构建 H5 应用（约半分钟）', ['build:h5']);
  const cloud = await startLocalCloud({
    dataDir,
    port,
    functionsDir: path.join(root, 'cloudfunctions'),
    staticDir: path.join(root, 'dist-h5'),
  });
  if (seedDemoUnion(cloud.db)) console.log('已写入演示工会：60 位教职工，8 个工会小组，6 个活动，5 个投票');
  console.log(`\n教工之家已启动：${cloud.url}/`);
  console.log(`选择身份登录：${cloud.url}/__dev/signin`);
  console.log(`订阅消息发件箱：${cloud.url}/__dev/outbox`);
  console.log(`数据保存在 ${path.relative(root, dataDir)}/，重置请运行 npm run reset\n`);
  const stop = async () => {
    await cloud.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
