/** `npm run reset`: deletes the local cloud's data folder; the next `npm start` seeds the demo union again. */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const dataDir = path.resolve(__dirname, '..', process.env.DATA_DIR ?? '.data');
if (existsSync(dataDir)) {
  rmSync(dataDir, { recursive: true, force: true });
  console.log(`已删除本地数据 ${dataDir}。下次 npm start 会重新写入演示工会。`);
} else {
  console.log('没有本地数据需要删除。');
}
