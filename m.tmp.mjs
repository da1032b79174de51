import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const page = await (await b.newContext({ viewport: { width: 768, height: 1024 } })).newPage();
await page.goto('http://127.0.0.1:8123/some/folder/app/#/setup');
await page.waitForTimeout(500);
console.log(await page.evaluate(() => [...document.querySelectorAll('.nav-link')].map(a => Math.round(a.getBoundingClientRect().width)).join(',') + ' ul=' + document.querySelector('.nav-list').getBoundingClientRect().width));
await b.close();
