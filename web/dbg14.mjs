import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const p = await b.newPage({viewport:{width:1500,height:900}});
p.on('pageerror', e => console.log('pageerror', e));
await p.goto('http://127.0.0.1:18692/explore?' + process.argv[2]);
await p.waitForSelector('body[data-ready="true"]');
await p.waitForTimeout(1500);
await p.screenshot({ path: '/tmp/wt14-shot.png' });
await b.close();
