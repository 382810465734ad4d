import { loadAreas, areaDataDir } from './src/catalog/areas.js';
import { createNationalIndex } from './src/catalog/national-search.js';
import { createKelurahanIndex } from './src/catalog/kelurahan-search.js';
const t=performance.now(); const a = await loadAreas({areas:['32.01']}); console.log('load', performance.now()-t, a.offices.length, a.kelurahan.size, a.servedNames);
const t2=performance.now(); console.log(a.kelurahan.elsewhere!('cipinang muara', 5)); console.log('first elsewhere', performance.now()-t2);
for (const q of ['cipinang muara','sukamaju','tanjng barat','kebon jeruk jaksel','budi santoso','cibinong','setiabudi','kramat jati','jaya','mekar sari cibinong']) { const t3=performance.now(); const r=a.kelurahan.elsewhere!(q,5); console.log(q, (performance.now()-t3).toFixed(2), r.map(e=>e.name+'/'+e.district+'/'+e.city).join('; ')); }
console.log(process.memoryUsage().rss/1e6);
