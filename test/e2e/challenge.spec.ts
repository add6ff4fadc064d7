import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { withoutFilePickers } from './file-pickers';

/**
 * A teacher's challenge, start to end in the browser: made in the Lab with its dialog and
 * saved; opened by a learner through the Projects area; its limits enforced in the builder
 * (disabled controls that say why); solved by training; the result announced and saved in
 * the same file.
 */

// These journeys save by download and open through the file chooser, as Firefox and Safari do.
test.beforeEach(({ page }) => withoutFilePickers(page));

async function openLab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Lab' }).click();
  await expect(page.getByLabel('Test loss', { exact: true })).not.toHaveText('—');
}

async function openChosenFile(page: Page, file: string): Promise<void> {
  await page.getByRole('tab', { name: 'Projects' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(file);
}

interface SavedChallenge {
  name: string;
  state: { epoch: number } | null;
  config: { network: { hidden: { size: number; activation: string }[] } };
  challenge: {
    note: string;
    goal: { metric: string; target: number };
    limits: Record<string, unknown>;
    solved: { epoch: number; value: number; hidden: { size: number; activation: string }[]; features: string[]; solvedAt: string } | null;
  };
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`a challenge is made, reopened, kept within its limits, solved and saved (${colorScheme})`, async ({ page }, info) => {
    test.setTimeout(240_000);
    await page.emulateMedia({ colorScheme });
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await openLab(page);

    // The teacher: the circle, two tanh layers of 4 and 2 (the Lab's first network).
    await page.getByRole('button', { name: 'Make a challenge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Make a challenge' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'Challenge name (the file\u2019s name)' }).fill('circle challenge');
    await dialog
      .getByRole('textbox', { name: 'A note for the learner (optional)' })
      .fill('Six neurons at most: can you still find the circle?');
    await dialog.getByRole('spinbutton', { name: 'Test accuracy to reach, in percent' }).fill('90');
    // The limits start from the network in the Lab: 2 layers, 6 neurons.
    await expect(dialog.getByRole('spinbutton', { name: 'Most hidden layers' })).toHaveValue('2');
    await expect(dialog.getByRole('spinbutton', { name: 'Most hidden neurons in all' })).toHaveValue('6');
    await dialog.getByRole('checkbox', { name: 'Only these activations in hidden layers:' }).check();
    const allowed = dialog.getByRole('group', { name: 'Activations the learner may use' });
    await expect(allowed.getByRole('checkbox', { name: 'Tanh' })).toBeChecked();
    await allowed.getByRole('checkbox', { name: 'ReLU', exact: true }).check();
    await expect(dialog.getByRole('checkbox', { name: /Keep the data as it is now/ })).toBeChecked();
    await dialog.getByRole('checkbox', { name: 'Keep the inputs as they are now' }).check();
    // A limit the network in the Lab already breaks is allowed, and the teacher is told.
    await dialog.getByRole('spinbutton', { name: 'Most hidden neurons in all' }).fill('5');
    await expect(dialog.getByText('The network has 6 hidden neurons; this challenge allows at most 5. Remove neurons.')).toBeVisible();
    await dialog.getByRole('spinbutton', { name: 'Most hidden neurons in all' }).fill('6');
    await expect(dialog.getByText(/does not keep these limits yet/)).toBeHidden();
    await page.screenshot({ path: `test-results/challenge-dialog-${colorScheme}.png` });

    const made = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Make the challenge and save it' }).click();
    const download = await made;
    expect(download.suggestedFilename()).toBe('circle challenge.actlab');
    const file = info.outputPath('circle challenge.actlab');
    await download.saveAs(file);
    const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedChallenge;
    expect(saved.challenge).toEqual({
      note: 'Six neurons at most: can you still find the circle?',
      goal: { metric: 'testAccuracy', target: 0.9 },
      limits: { maxLayers: 2, maxNeurons: 6, activations: ['relu', 'tanh'], lockData: true, lockFeatures: true },
      solved: null,
    });
    expect(saved.state?.epoch ?? 0).toBe(0);

    // The learner: a fresh page opens the file through the Projects area.
    await page.reload();
    await page.getByRole('tab', { name: 'Lab' }).click();
    await expect(page.getByRole('region', { name: 'Challenge' })).toHaveCount(0);
    await openChosenFile(page, file);
    await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
    const banner = page.getByRole('region', { name: 'Challenge' });
    await expect(banner).toContainText('Reach a test accuracy of at least 90 %.');
    await expect(banner).toContainText('Six neurons at most: can you still find the circle?');
    await expect(banner.getByRole('list', { name: 'Limits' })).toContainText('At most 6 hidden neurons in all (now 6)');

    // The builder keeps the limits, and each disabled control says why.
    const addLayer = page.getByRole('button', { name: 'Add layer' });
    await expect(addLayer).toBeDisabled();
    await expect(addLayer).toHaveAccessibleDescription('This challenge allows at most 2 hidden layers.');
    const addNeuron = page.getByRole('button', { name: 'Add a neuron to layer 1' });
    await expect(addNeuron).toBeDisabled();
    await expect(addNeuron).toHaveAccessibleDescription('This challenge allows at most 6 neurons in all hidden layers together.');
    const layer2 = page.getByRole('combobox', { name: 'Activation of layer 2' });
    await expect(layer2).toHaveAccessibleDescription('This challenge allows only these activations: ReLU and Tanh.');
    await expect(layer2.getByRole('option', { name: 'Sigmoid' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Input x₁²' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Input x₁²' })).toHaveAccessibleDescription(
      'This challenge keeps the inputs the teacher chose.',
    );
    const spiral = page.getByRole('radio', { name: 'Spiral', exact: true });
    await expect(spiral).toBeDisabled();
    await expect(spiral).toHaveAccessibleDescription(/keeps the data as the teacher set it/);
    await expect(page.getByRole('slider', { name: 'Noise' })).toBeDisabled();
    // Within the limits the learner is free: a neuron out of layer 1 frees one to add, ReLU is allowed.
    await page.getByRole('button', { name: 'Remove a neuron from layer 1' }).click();
    await expect(addNeuron).toBeEnabled();
    await expect(banner.getByRole('list', { name: 'Limits' })).toContainText('(now 5)');
    await page.getByRole('button', { name: 'Add a neuron to layer 2' }).click();
    await expect(addNeuron).toBeDisabled();
    await layer2.selectOption({ label: 'ReLU' });
    await expect(banner.getByRole('list', { name: 'Limits' })).toContainText('using Tanh and ReLU');
    await page.screenshot({ path: `test-results/challenge-banner-${colorScheme}.png` });

    // Solved by training: the live region says so, with the epoch and the network.
    const result = banner.getByRole('status');
    await expect(result).toHaveText('');
    await page.getByRole('toolbar', { name: 'Training controls' }).getByRole('button', { name: 'Play' }).click();
    await expect(result).toContainText('Goal met!', { timeout: 90_000 });
    await page.getByRole('toolbar', { name: 'Training controls' }).getByRole('button', { name: 'Pause' }).click();
    await expect(result).toContainText(
      /Challenge met at epoch [\d,]+, with a test accuracy of [\d.]+ %, by a network with 2 hidden layers: 3 Tanh, 3 ReLU \(inputs x₁, x₂\)\./,
    );
    await page.screenshot({ path: `test-results/challenge-met-${colorScheme}.png` });

    // The result saves in the same file.
    const resaved = page.waitForEvent('download');
    await banner.getByRole('button', { name: 'Save my result' }).click();
    const again = await resaved;
    expect(again.suggestedFilename()).toBe('circle challenge.actlab');
    const solvedFile = info.outputPath('solved.actlab');
    await again.saveAs(solvedFile);
    const solved = JSON.parse(readFileSync(solvedFile, 'utf8')) as SavedChallenge;
    const record = solved.challenge.solved;
    expect(record).not.toBeNull();
    expect(record!.value).toBeGreaterThanOrEqual(0.9);
    expect(record!.epoch).toBeGreaterThan(0);
    expect(record!.epoch).toBeLessThanOrEqual(solved.state!.epoch);
    expect(record!.hidden).toEqual([
      { size: 3, activation: 'tanh' },
      { size: 3, activation: 'relu' },
    ]);
    expect(record!.features).toEqual(['x1', 'x2']);
    expect(solved.challenge.limits).toEqual(saved.challenge.limits);
    expect(solved.config.network.hidden).toEqual(record!.hidden);
    await expect(banner).toContainText('Saved in the project file.');
  });
}

/** The teacher's dialog, on the network in the Lab: the limits it starts from, Tanh only, the data lock as `lockData` says. */
async function makeChallenge(page: Page, lockData: boolean): Promise<void> {
  const made = page.waitForEvent('download');
  await page.getByRole('button', { name: /^(Make a|Change the) challenge…$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Make a challenge' });
  await dialog.getByRole('textbox', { name: 'Challenge name (the file\u2019s name)' }).fill('small circle');
  await dialog.getByRole('spinbutton', { name: 'Test accuracy to reach, in percent' }).fill('90');
  await dialog.getByRole('checkbox', { name: 'Only these activations in hidden layers:' }).check();
  await dialog.getByRole('checkbox', { name: /Keep the data as it is now/ }).setChecked(lockData);
  await dialog.getByRole('button', { name: 'Make the challenge and save it' }).click();
  await made;
  await expect(page.getByRole('region', { name: 'Challenge' })).toBeVisible();
}

/** A fresh page in the Lab, with no progress or project of its own. */
async function freshLab(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await openLab(page);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`data sets and table layers that would break a limit are greyed out and say which (${colorScheme})`, async ({ page }) => {
    test.setTimeout(180_000);
    await freshLab(page, colorScheme);

    // At most 2 layers and 6 neurons (the first network's), Tanh only; the data may change.
    await makeChallenge(page, false);
    // The sets whose own network would break a limit are greyed out and say which limit, with the numbers.
    const iris = page.getByRole('radio', { name: 'Iris flowers' });
    await expect(iris).toBeDisabled();
    await expect(iris).toHaveAccessibleDescription(
      'The network for Iris flowers has 8 hidden neurons; this challenge allows at most 6 in all.',
    );
    const digits = page.getByRole('radio', { name: 'Handwritten digits' });
    await expect(digits).toBeDisabled();
    await expect(digits).toHaveAccessibleDescription(
      'The network for Handwritten digits has 64 hidden neurons; this challenge allows at most 6 in all. ' +
        'It uses ReLU; this challenge allows only Tanh.',
    );
    // The curves share one network, so one sentence describes them all.
    for (const name of ['Sine wave', 'Parabola']) {
      const curve = page.getByRole('radio', { name });
      await expect(curve).toBeDisabled();
      await expect(curve).toHaveAccessibleDescription(
        'The network for the curves has 8 hidden neurons; this challenge allows at most 6 in all. It uses ReLU; this challenge allows only Tanh.',
      );
    }
    // Another 2-D set keeps the network: still free.
    await expect(page.getByRole('radio', { name: 'Spiral', exact: true })).toBeEnabled();
    await page.getByRole('heading', { name: 'Data with many inputs' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/challenge-greyed-sets-${colorScheme}.png` });

    // The builder for many inputs keeps a challenge's limits too: a new challenge made on Iris's first network (8 Tanh).
    // (A fresh page has no challenge open.)
    await page.reload();
    await openLab(page);
    await expect(page.getByRole('region', { name: 'Challenge' })).toHaveCount(0);
    await page.getByRole('radio', { name: 'Iris flowers' }).click();
    await expect(page.getByRole('group', { name: 'Network' })).toBeVisible();
    await makeChallenge(page, false);
    const add = page.getByRole('button', { name: 'Add a hidden layer' });
    await expect(add).toBeDisabled();
    await expect(add).toHaveAccessibleDescription('This challenge allows at most 1 hidden layer.');
    const sizes = page.getByRole('combobox', { name: 'Neurons in hidden layer 1' });
    await expect(sizes).toHaveAccessibleDescription('This challenge allows at most 8 neurons in all hidden layers together.');
    await expect(sizes.getByRole('option', { name: '16 neurons (over the challenge’s limit)' })).toBeDisabled();
    await expect(sizes.getByRole('option', { name: '4 neurons' })).toBeEnabled();
    const activation = page.getByRole('combobox', { name: 'Activation of hidden layer 1' });
    await expect(activation).toHaveAccessibleDescription('This challenge allows only the Tanh activation.');
    await expect(activation.getByRole('option', { name: 'ReLU', exact: true })).toBeDisabled();
    await page.getByRole('group', { name: 'Network' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/challenge-table-builder-${colorScheme}.png` });
  });

  test(`a lesson's network that would break a limit asks before leaving the challenge; Keep changes nothing (${colorScheme})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await freshLab(page, colorScheme);
    // The challenge keeps the data: a lesson's network (other data) would break that.
    await makeChallenge(page, true);
    await page.getByRole('tab', { name: 'Lessons' }).click();
    await page.getByRole('button', { name: /^Lesson 7:/ }).click();
    const predict = page.getByRole('region', { name: 'Predict first' });
    await predict.getByRole('radio', { name: '3', exact: true }).check();
    await predict.getByRole('button', { name: 'Commit my prediction' }).click();
    await page.getByRole('button', { name: 'Open this in the Lab' }).click();
    await expect(page.getByRole('tab', { name: 'Lab' })).toHaveAttribute('aria-selected', 'true');
    const question = page.getByRole('dialog', { name: 'Leave the challenge?' });
    await expect(question).toBeVisible();
    await expect(question).toHaveAccessibleDescription(
      'The lesson’s network comes with other data; this challenge keeps the data as the teacher set it. ' +
        'Leave the challenge to open it, or keep the challenge? Keeping it changes nothing.',
    );
    // The safe answer has focus; no notice says the network arrived.
    await expect(question.getByRole('button', { name: 'Keep the challenge' })).toBeFocused();
    await expect(page.getByText('The lesson’s network is now in the Lab.')).toHaveCount(0);
    await page.screenshot({ path: `test-results/challenge-leave-question-${colorScheme}.png` });

    // Keep: nothing changed, the challenge stays.
    await question.getByRole('button', { name: 'Keep the challenge' }).click();
    await expect(question).toBeHidden();
    await expect(page.getByRole('region', { name: 'Challenge' })).toBeVisible();
    await expect(page.getByRole('radio', { name: 'Circle', exact: true })).toHaveAttribute('aria-checked', 'true');

    // Leave: the challenge closes and the lesson's network (its own points) opens, and the Lab says so.
    await page.getByRole('tab', { name: 'Lessons' }).click();
    await page.getByRole('button', { name: 'Open this in the Lab' }).click();
    await question.getByRole('button', { name: 'Leave the challenge and open it' }).click();
    await expect(question).toBeHidden();
    await expect(page.getByRole('region', { name: 'Challenge' })).toHaveCount(0);
    await expect(page.getByRole('radio', { name: 'Your own points' })).toHaveAttribute('aria-checked', 'true');
    await expect(page.getByRole('alert').filter({ hasText: 'You left the challenge.' })).toContainText(
      'The lesson’s network is in the Lab. Open the challenge’s file again to go back to it.',
    );
  });
}
