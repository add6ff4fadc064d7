import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  check,
  checkFails,
  checkNeedsPrediction,
  endJourney,
  next,
  openLesson,
  predict,
  shoot,
  slider,
  startJourney,
  trainUntil,
} from './course-steps';

const SHOTS = 'course-03-relu';

test('a learner reads ReLU, sets a threshold and fits |x| with hinges', async ({ page }) => {
  test.setTimeout(240000);
  const journey = await startJourney(page);
  await openLesson(page, 'ReLU');
  // The output stays hidden until the learner commits a prediction; the probe moves meanwhile.
  await slider(page, 'probe x', -3);
  await expect(page.getByText('output hidden until you commit your prediction')).toBeVisible();
  // ReLU's negative side is the answer: the plot draws x ≥ 0 only until the prediction.
  await expect(page.getByRole('img', { name: /^Plot of ReLU for x ≥ 0 only/ })).toBeVisible();
  await checkNeedsPrediction(page);
  await shoot(page, SHOTS, '1-negative-predict');
  await predict(page, /^What does ReLU give for an input of −3\?/, '0', true);
  await expect(page.getByText('output 0.00')).toBeVisible();
  await expect(page.getByRole('img', { name: 'Plot of ReLU, with the probe at x = -3.0' })).toBeVisible();
  // Step 1 has no weight or bias yet: its formula is max(0, x) (#15: it showed max(0, wx + b)).
  await expect(page.getByTestId('live-formula').locator('annotation')).toHaveText(
    '\\displaystyle y = \\max(0,\\ x) = \\max(0,\\ (-3.0)) = 0.00',
  );
  await check(page);
  await shoot(page, SHOTS, '1-negative');
  await next(page);
  await expect(page.getByTestId('live-formula').locator('annotation')).toContainText('w x + b');
  await slider(page, 'bias b', -2);
  await check(page);
  await shoot(page, SHOTS, '2-threshold');
  await next(page);
  const curve = page.getByRole('figure', { name: 'Curve fitting' });
  await expect(curve.getByRole('checkbox', { name: 'Show each neuron' })).toBeChecked();
  await expect(curve.getByRole('rowheader', { name: /^Neuron \d+$/ })).toHaveCount(4);
  await checkFails(page);
  await trainUntil(page, async () => Number(await page.getByTestId('curve-train-loss').innerText()) < 0.01);
  await check(page);
  await shoot(page, SHOTS, '3-hinges');
  await ownPoints(page, curve);
  await shoot(page, SHOTS, '3-own-points');
  await endJourney(page, journey);
});

const count = async (plot: Locator): Promise<number> =>
  Number((/over (\d+) data points?/.exec((await plot.getAttribute('aria-label')) ?? '') ?? [])[1]);

/**
 * "Drag points of your own": with the learner's own points, a click on an empty spot adds a
 * point, a drag moves one, Shift-click and Delete remove one, and each edit starts the network
 * afresh on the edited points (a learner found every edit dropped, the count stayed 16 and the losses
 * stayed put). The plot keeps its width whatever its status line says.
 */
async function ownPoints(page: Page, curve: Locator): Promise<void> {
  await curve.page().getByRole('combobox', { name: 'Curve', exact: true }).selectOption('Your own curve points');
  const plot = curve.getByRole('application', { name: /^Curve plot/ });
  await expect.poll(() => count(plot)).toBe(16);
  const status = curve.getByRole('status');
  const width = (await plot.boundingBox())!.width;
  const box = (await plot.boundingBox())!;
  // The plot's area inside its 1px border: margins 34 left, 10 right, 10 top, 22 bottom; x −6 to 6, y −1.5 to 1.5.
  const at = (x: number, y: number) => ({
    x: box.x + 1 + 34 + ((x + 6) / 12) * (box.width - 2 - 44),
    y: box.y + 1 + 10 + ((1.5 - y) / 3) * (box.height - 2 - 32),
  });
  await page.getByRole('button', { name: 'Step: train one epoch' }).click();
  await expect(page.getByTestId('curve-epoch')).toHaveText('1');

  // A drag moves an existing point (the first from the left, picked with ]).
  await plot.focus();
  await page.keyboard.press(']');
  await expect(status).toContainText(/^Point 1 of 16 selected/);
  expect((await plot.boundingBox())!.width).toBe(width);
  const [, px, py] = /x = (\S+), y = (\S+)\./.exec((await status.innerText()).replace(/−/g, '-'))!;
  const from = at(Number(px), Number(py));
  const to = at(Number(px) + 1, -1.25);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  await expect(status).toContainText(/y = −1\.2\d\d\./);
  await expect.poll(() => count(plot)).toBe(16);
  // The network starts afresh on the moved point.
  await expect(page.getByTestId('curve-epoch')).toHaveText('0');

  // A click on an empty spot adds a point there; Shift-click takes it away again.
  const spot = at(0.5, 1.2);
  await page.mouse.click(spot.x, spot.y);
  await expect.poll(() => count(plot)).toBe(17);
  await expect(status).toContainText(/of 17 selected: x = 0\.[45]\d\d, y = 1\.[12]\d\d/);
  await page.keyboard.down('Shift');
  await page.mouse.click(spot.x, spot.y);
  await page.keyboard.up('Shift');
  await expect.poll(() => count(plot)).toBe(16);

  // Keyboard: Shift+Arrow moves the selected point, Delete removes it.
  await plot.focus();
  await page.keyboard.press(']');
  await page.keyboard.press('Shift+ArrowUp');
  await expect(status).toContainText(/^Point 1 of 16 selected/);
  await page.keyboard.press('Delete');
  await expect.poll(() => count(plot)).toBe(15);
  expect((await plot.boundingBox())!.width).toBe(width);
}
