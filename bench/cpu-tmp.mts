import { syncCpuReport } from './src/sync-cpu.js';
const r = await syncCpuReport();
console.log(r.report);
