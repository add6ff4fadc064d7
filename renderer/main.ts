import { mount } from 'svelte';
import App from './App.svelte';
import './app/theme.css';
import { paletteCss } from './ui/palette';

// The theme's colour variables, written from the one palette before anything is drawn.
const colors = document.createElement('style');
colors.id = 'palette';
colors.textContent = paletteCss();
document.head.prepend(colors);

// Start-up in two tasks: evaluating the modules, then mounting the first screen after a yield,
// so that neither is one long task that holds the page (no start-up task over 100 ms).
await new Promise<void>((resolve) => setTimeout(resolve, 0));

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element to mount into.');
mount(App, { target });
