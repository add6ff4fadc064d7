import { expect, test } from '@playwright/test';
import { check, endJourney, next, openLesson, shoot, slider, startJourney, trainUntil } from './course-steps';

const SHOTS = 'course-07-xor';

test('a learner finds the best line, builds XOR by hand, trains it, and the Lab agrees the hand-built one is exact', async ({ page }) => {
  test.setTimeout(240000);
  const journey = await startJourney(page);
  await openLesson(page, 'XOR');
  await slider(page, 'w₁', 1);
  await slider(page, 'w₂', 1);
  await slider(page, 'b', -0.5);
  await expect(page.getByTestId('neuron-score')).toContainText('3 of 4');
  await check(page);
  await shoot(page, SHOTS, '1-one-line');
  await next(page);
  const values: [string, string][] = [
    ['Hidden weight W 1 1', '1'],
    ['Hidden weight W 1 2', '1'],
    ['Hidden weight W 2 1', '1'],
    ['Hidden weight W 2 2', '1'],
    ['Hidden bias c 1', '0'],
    ['Hidden bias c 2', '-1'],
    ['Output weight w 1', '1'],
    ['Output weight w 2', '-2'],
    ['Output bias b', '0'],
  ];
  for (const [name, value] of values) await page.getByRole('spinbutton', { name }).fill(value);
  await check(page);
  await shoot(page, SHOTS, '2-by-hand');
  // The exact network opens in the Lab at 100 %, with an output and a loss its menus offer (bug 3).
  await page.getByRole('button', { name: 'Open this in the Lab' }).click();
  await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('combobox', { name: 'Output activation' })).toHaveValue('sigmoid');
  await expect(page.getByRole('combobox', { name: 'Loss' })).toBeEnabled();
  await expect(page.getByText(/Test accuracy 100 %, test loss/)).toBeAttached();
  await page.screenshot({ path: `test-results/${SHOTS}/2-by-hand-in-the-lab.png` });
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await expect(page.getByRole('heading', { name: 'XOR', level: 2 })).toBeVisible();
  await next(page);
  await trainUntil(page, async () => (await page.getByRole('cell', { name: '✓ yes' }).count()) === 4);
  await check(page);
  await shoot(page, SHOTS, '3-train');
  await endJourney(page, journey);
});
