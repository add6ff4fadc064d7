/**
 * The packaged-app smoke test's page steps and fixture, run here in the browser host: the
 * parts of that test that need no Electron are known to work before a release runner
 * first runs it.
 */
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectLabAt, expectLessonMath, trainForASecond } from '../packaged/app-steps';
import { smokeProjectText } from '../packaged/fixture';
import { withoutFilePickers } from './file-pickers';

test('the smoke test fixture opens in the app, trains on, and a lesson shows its math', async ({ page }, info) => {
  // Electron opens through main's dialog; the browser host here uses its file input (Playwright cannot drive Chromium's pickers).
  await withoutFilePickers(page);
  await page.goto('/');
  const file = info.outputPath('first fixture.actlab');
  writeFileSync(file, smokeProjectText('first fixture', 321));

  await page.getByRole('tab', { name: 'Projects' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open…' }).click();
  await (await chooser).setFiles(file);
  await expectLabAt(page, 321);
  await expect(page.getByRole('radio', { name: 'Exclusive or', exact: true })).toHaveAttribute('aria-checked', 'true');

  const { before, after } = await trainForASecond(page);
  expect(before).toBe(321);
  expect(after).toBeGreaterThan(before);

  await expectLessonMath(page);
  await page.screenshot({ path: 'test-results/packaged-steps-lesson.png' });
});
