import { expect, test, type Page } from '@playwright/test';
import { accuracy, check, checkFails, epoch, next, openLesson, shoot, trainUntil } from './course-journey';

/**
 * Lesson 12 as a learner takes it: find a flat end of tanh with the keyboard, watch large
 * starting weights stall where small ones learn, count the clones equal weights make, and break
 * the tie with random ones. Each step checked (a wrong try first), screenshots and axe in both themes.
 */
const DIR = 'course-12';

async function pickStart(page: Page, label: string): Promise<void> {
  await page.getByLabel('Starting weights', { exact: true }).selectOption({ label });
}

function run(page: Page, label: string) {
  return page.getByRole('table', { name: /Your runs/ }).getByRole('row', { name: new RegExp(`^${label.replace(/[()±.]/g, '.')}`) });
}

test('lesson 12: how the weights start', async ({ page }) => {
  test.setTimeout(300_000);
  const crashes = await openLesson(page, 'How the weights start');

  // 1. A flat end: two units from 0 tanh is still sloped; three is flat (slope under 0.01).
  const cursor = page.getByRole('slider', { name: /Read-out cursor on Tanh/ });
  await cursor.focus();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await checkFails(page);
  await cursor.focus();
  await page.keyboard.press('PageUp');
  await check(page);
  await shoot(page, DIR, '1-flat-ends');
  await next(page);

  // 2. Large starting weights crawl; small ones get there.
  await page.getByRole('radio', { name: /flat ends of tanh/ }).check();
  await trainUntil(page, async () => (await epoch(page)) >= 100);
  await expect(run(page, 'Large random (±5)')).toContainText('not yet');
  await checkFails(page);
  await pickStart(page, 'Small random (±0.5)');
  await trainUntil(page, async () => !(await run(page, 'Small random (±0.5)').innerText()).includes('not yet'));
  await check(page);
  await shoot(page, DIR, '2-large-weights');
  await next(page);

  // 3. Equal weights: four neurons, one picture.
  await trainUntil(page, async () => (await epoch(page)) >= 50);
  const count = page.getByLabel('How many different pictures do the 4 neurons show?');
  await count.fill('4');
  await checkFails(page);
  await count.fill('1');
  await check(page);
  await shoot(page, DIR, '3-clones');
  await next(page);

  // 4. Random weights break the tie.
  await trainUntil(page, async () => (await epoch(page)) >= 100);
  await checkFails(page);
  await pickStart(page, 'Small random (±0.5)');
  await trainUntil(page, async () => (await accuracy(page)) >= 90);
  await check(page);
  await shoot(page, DIR, '4-break-symmetry');
  expect(crashes).toEqual([]);
});
