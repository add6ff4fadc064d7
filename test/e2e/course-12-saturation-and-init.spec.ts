import { expect, test, type Page } from '@playwright/test';
import { accuracy, check, checkFails, epoch, next, openLesson, shoot, trainUntil } from './course-journey';
import { commitPrediction } from './course-kit';

/**
 * Lesson 12 as a learner takes it: find a flat end of tanh with the keyboard, watch large
 * starting weights stall where small ones learn, count the clones equal weights make, and break
 * the tie with random ones. Each step checked (a wrong try first), screenshots and axe in both themes.
 */
const DIR = 'course-12';

async function pickStart(page: Page, label: string): Promise<void> {
  await page.getByLabel('Starting weights', { exact: true }).selectOption({ label });
}

/** Nothing in the right-hand column is cut off: every element inside it ends within it. */
async function rightColumnFits(page: Page): Promise<void> {
  const overflow = await page.getByRole('region', { name: 'Try it' }).evaluate((live) => {
    const box = live.getBoundingClientRect();
    const out: string[] = [];
    for (const el of live.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > box.right + 0.5 || r.left < box.left - 0.5)
        out.push(`${el.tagName.toLowerCase()}.${el.className}: ${r.left}–${r.right} outside ${box.left}–${box.right}`);
    }
    return out;
  });
  expect(overflow, overflow.join('\n')).toEqual([]);
}

function run(page: Page, label: string) {
  return page.getByRole('table', { name: /Your runs/ }).getByRole('row', { name: new RegExp(`^${label.replace(/[()±.]/g, '.')}`) });
}

test('lesson 12: how the weights start', async ({ page }) => {
  test.setTimeout(300_000);
  const crashes = await openLesson(page, 'How the weights start');
  // 1280 px wide: the right column must fit there (rightColumnFits).
  await page.setViewportSize({ width: 1280, height: 1400 });

  // 1. Predict first: the explorer stays hidden until the learner says which goes flat nearer 0.
  await expect(page.getByRole('slider', { name: /Read-out cursor/ })).toHaveCount(0);
  await shoot(page, DIR, '1-flat-ends-before');
  await page.getByRole('radio', { name: 'Tanh', exact: true }).check();
  await commitPrediction(page);
  await expect(page.getByRole('status').filter({ hasText: 'Your prediction was right: Tanh.' })).toBeVisible();
  // A flat end: two units from 0 tanh is still sloped; three is flat (slope under 0.01).
  const cursor = page.getByRole('slider', { name: /Read-out cursor on Tanh/ });
  await cursor.focus();
  await page.keyboard.press('PageUp');
  await page.keyboard.press('PageUp');
  await checkFails(page);
  await cursor.focus();
  await page.keyboard.press('PageUp');
  await check(page);
  await rightColumnFits(page);
  await shoot(page, DIR, '1-flat-ends');
  await next(page);

  // 2. Predict first (the table and accuracy are hidden until then); large starting weights crawl, small ones get there.
  await expect(page.getByRole('table', { name: /Your runs/ })).toHaveCount(0);
  await expect(page.getByTestId('test-accuracy')).toHaveCount(0);
  // The follow-up question names the answer: it waits for the prediction and for the large start's run.
  const why = page.getByRole('group', { name: 'Why does training crawl with large starting weights?' });
  await expect(why).toHaveCount(0);
  await rightColumnFits(page);
  await shoot(page, DIR, '2-large-weights-before');
  await page.getByRole('radio', { name: 'Large random (±5)' }).check();
  await commitPrediction(page);
  await expect(
    page.getByRole('status').filter({ hasText: 'Not this time. You predicted Large random (±5); the answer is Small random (±0.5).' }),
  ).toBeVisible();
  await expect(why).toHaveCount(0);
  await shoot(page, DIR, '2-large-weights-committed');
  await trainUntil(page, async () => (await epoch(page)) >= 100);
  await expect(run(page, 'Large random (±5)')).toContainText('not yet');
  await why.getByRole('radio', { name: /flat ends of tanh/ }).check();
  await checkFails(page);
  await pickStart(page, 'Small random (±0.5)');
  await trainUntil(page, async () => !(await run(page, 'Small random (±0.5)').innerText()).includes('not yet'));
  await check(page);
  await rightColumnFits(page);
  // The loss chart is tall enough to read: at 110 px its plot, under the legend and axis titles, was a 25 px strip.
  const chart = page.getByRole('img', { name: /^Loss per epoch/ });
  expect((await chart.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(170);
  await shoot(page, DIR, '2-large-weights');
  await next(page);

  // 3. Equal weights: predict (the maps are hidden until then) one picture, written as a word; then watch 50 epochs.
  await expect(page.getByRole('img', { name: /First hidden layer, neuron/ })).toHaveCount(0);
  await shoot(page, DIR, '3-clones-before');
  await page.getByRole('textbox', { name: /how many different pictures will the 4 neurons show/ }).fill('one');
  await commitPrediction(page);
  await expect(page.getByRole('status').filter({ hasText: 'Your prediction was right: 1.' })).toBeVisible();
  await expect(page.getByRole('img', { name: /First hidden layer, neuron/ })).toHaveCount(4);
  await checkFails(page);
  await trainUntil(page, async () => (await epoch(page)) >= 50);
  await check(page);
  await rightColumnFits(page);
  await shoot(page, DIR, '3-clones');
  await next(page);

  // 4. Random weights break the tie. Step 3 ran the equal start, so this one starts random, not asking for it again.
  await expect(page.getByLabel('Starting weights', { exact: true })).toHaveValue('playground');
  // Predict first: the neuron maps wait for the count.
  await expect(page.getByRole('img', { name: /First hidden layer, neuron/ })).toHaveCount(0);
  await shoot(page, DIR, '4-break-symmetry-before');
  await page.getByRole('textbox', { name: /how many different pictures will the 4 neurons show once/ }).fill('4');
  await commitPrediction(page);
  await expect(page.getByRole('status').filter({ hasText: 'Your prediction was right: 4.' })).toBeVisible();
  await checkFails(page);
  await trainUntil(page, async () => (await accuracy(page)) >= 90);
  await check(page);
  await rightColumnFits(page);
  // The runs table, at its narrowest here (two rows that wrap), ends where the column does: the loss chart spans it.
  const runsBox = await page.getByRole('table', { name: /Your runs/ }).boundingBox();
  const column = await page.getByRole('img', { name: /^Loss per epoch/ }).boundingBox();
  expect((runsBox?.x ?? 0) + (runsBox?.width ?? 0)).toBeLessThanOrEqual((column?.x ?? 0) + (column?.width ?? 0) + 0.5);
  await shoot(page, DIR, '4-break-symmetry');
  expect(crashes).toEqual([]);
});
