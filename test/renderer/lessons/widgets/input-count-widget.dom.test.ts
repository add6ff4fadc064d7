import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import InputCountWidget from '../../../../renderer/lessons/widgets/InputCountWidget.svelte';
import type { InputCountState } from '../../../../renderer/lessons/types';
import { lessonStep, passes } from './lesson-steps';

const photo = lessonStep('01-what-a-network-does', 'photo', 'inputCount');
const digits = lessonStep('01-what-a-network-does', 'digits', 'inputCount');

const count = () =>
  screen
    .getByText(/numbers into the network/)
    .textContent?.replace(/\s+/g, ' ')
    .trim();

describe('InputCountWidget (lesson 1)', () => {
  it('hides the count until the prediction is committed, and asks nothing itself', async () => {
    const { rerender } = render(InputCountWidget, { preset: photo.preset, onState: () => undefined, revealed: false });
    expect(screen.queryByText(/30,000/)).toBeNull();
    expect(screen.getByText('The count stays hidden until you commit your prediction.')).toBeTruthy();
    expect(screen.queryByRole('textbox')).toBeNull();
    await rerender({ preset: photo.preset, onState: () => undefined, revealed: true });
    expect(count()).toBe('This picture feeds 30,000 numbers into the network.');
  });

  it('a greyscale picture as big as the photo passes step 1', async () => {
    const states: InputCountState[] = [];
    render(InputCountWidget, { preset: photo.preset, onState: (s: InputCountState) => states.push({ ...s }) });
    expect(passes(photo, states.at(-1))).toBe(false);
    await fireEvent.change(screen.getByRole('combobox', { name: 'Colour channels' }), { target: { value: '1' } });
    await vi.waitFor(() => expect(count()).toBe('This picture feeds 10,000 numbers into the network.'));
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Width in pixels' }), { target: { value: '300' } });
    await vi.waitFor(() => expect(count()).toBe('This picture feeds 30,000 numbers into the network.'));
    expect(passes(photo, states.at(-1))).toBe(true);
  });

  it('follows the size boxes and the channel menu down to a 28 × 28 grey digit', async () => {
    const states: InputCountState[] = [];
    render(InputCountWidget, { preset: digits.preset, onState: (s: InputCountState) => states.push({ ...s }) });
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Width in pixels' }), { target: { value: '28' } });
    await vi.waitFor(() => expect(count()).toBe('This picture feeds 8,400 numbers into the network.'));
    expect(passes(digits, states.at(-1))).toBe(false);
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Height in pixels' }), { target: { value: '28' } });
    await fireEvent.change(screen.getByRole('combobox', { name: 'Colour channels' }), { target: { value: '1' } });
    await vi.waitFor(() => expect(count()).toBe('This picture feeds 784 numbers into the network.'));
    await vi.waitFor(() => expect(states.at(-1)).toEqual({ width: 28, height: 28, channels: 1, answer: null }));
    expect(passes(digits, states.at(-1))).toBe(true);
  });

  it('still offers a typed answer box when a preset asks one', async () => {
    const states: InputCountState[] = [];
    render(InputCountWidget, {
      preset: { initial: photo.preset.initial, question: 'Number of inputs:' },
      onState: (s: InputCountState) => states.push({ ...s }),
    });
    await fireEvent.input(screen.getByRole('textbox', { name: 'Number of inputs:' }), { target: { value: '30,000' } });
    await vi.waitFor(() => expect(states.at(-1)?.answer).toBe(30_000));
  });

  it('ignores a size below one and caps one above a thousand', async () => {
    const states: InputCountState[] = [];
    render(InputCountWidget, { preset: photo.preset, onState: (s: InputCountState) => states.push({ ...s }) });
    const width = screen.getByRole('spinbutton', { name: 'Width in pixels' });
    await fireEvent.input(width, { target: { value: '0' } });
    await fireEvent.input(width, { target: { value: '' } });
    expect(count()).toBe('This picture feeds 30,000 numbers into the network.');
    await fireEvent.input(width, { target: { value: '5000' } });
    await vi.waitFor(() => expect(count()).toBe('This picture feeds 300,000 numbers into the network.'));
    expect(states.at(-1)?.width).toBe(1000);
  });

  it('says what its miniature shows: a corner or the whole picture, one grey sheet or a sheet per colour', async () => {
    render(InputCountWidget, { preset: photo.preset, onState: () => undefined });
    expect(screen.getByText(/^A corner of the picture: .* each of the 3 colour channels is its own sheet of numbers\.$/)).toBeTruthy();
    await fireEvent.change(screen.getByRole('combobox', { name: 'Colour channels' }), { target: { value: '1' } });
    await vi.waitFor(() =>
      expect(screen.getByText(/^A corner of the picture: .* a greyscale picture is a single sheet of numbers/)).toBeTruthy(),
    );
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Width in pixels' }), { target: { value: '5' } });
    await fireEvent.input(screen.getByRole('spinbutton', { name: 'Height in pixels' }), { target: { value: '5' } });
    await vi.waitFor(() => expect(screen.getByText(/^The whole picture: each square is one pixel/)).toBeTruthy());
  });
});
