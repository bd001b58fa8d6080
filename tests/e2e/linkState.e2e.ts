/**
 * The link is the state, in Chromium: load the Needle lesson, change the overlays, switch to the Lab
 * and come back with the browser's Back button; the address bar then opens the same world, view,
 * banner and overlays in a fresh page (no autosave there), and Forward goes to the Lab again.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const fragment = (page: Page) => new URL(page.url()).hash;
const params = (page: Page) => new URLSearchParams(fragment(page).slice(1));
const banner = (page: Page) => page.getByRole('region', { name: 'What to watch' });
const viewButton = (page: Page, name: 'Playground' | 'Lab') =>
  page.getByRole('navigation', { name: 'View' }).getByRole('button', { name, exact: true });

async function ready(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('Ready');
}

/** The overlays as the toggles under the grid show them. */
async function overlays(page: Page): Promise<Record<string, boolean | string>> {
  const group = page.getByRole('group', { name: 'Overlays' });
  const checked = (name: string) => group.getByRole('checkbox', { name, exact: true }).isChecked();
  return {
    values: await checked('Values'),
    policy: await checked('Policy'),
    q: await checked('Q values'),
    trail: await checked('Trail'),
    greedy: await checked('Greedy path'),
    visits: await group.getByRole('combobox', { name: 'Visit counts' }).inputValue(),
  };
}

describe('the link is the state', () => {
  it('Needle lesson, overlays, Lab and Back: the URL opens the same page elsewhere', async () => {
    const { page, errors } = await openApp(browser);
    await ready(page);
    await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: 'Needle in a haystack' });
    await banner(page).waitFor();
    const group = page.getByRole('group', { name: 'Overlays' });
    await group.getByRole('checkbox', { name: 'Values', exact: true }).uncheck();
    await group.getByRole('checkbox', { name: 'Q values', exact: true }).check();
    await group.getByRole('checkbox', { name: 'Greedy path', exact: true }).check();
    await group.getByRole('combobox', { name: 'Visit counts' }).selectOption('all');
    const shown = await overlays(page);
    expect(shown).toMatchObject({ values: false, q: true, greedy: true, visits: 'all' });
    // The address follows (debounced): the lesson and the overlays beside the world.
    await expect.poll(() => params(page).get('show')).toMatch(/visits-all/);
    expect(params(page).get('lesson')).toBe('needle');
    expect(params(page).get('c')).toBeTruthy();

    const before = page.url();
    await viewButton(page, 'Lab').click();
    await page.getByRole('main', { name: 'Lab' }).waitFor();
    expect(params(page).get('view')).toBe('lab');

    await page.goBack();
    await banner(page).waitFor();
    expect(await viewButton(page, 'Playground').getAttribute('aria-pressed')).toBe('true');
    expect(page.url()).toBe(before);
    expect(await overlays(page)).toEqual(shown);

    // Copying the address is sharing: a fresh page (its own storage) shows the same.
    const url = page.url();
    const second = await openApp(browser, { hash: url.slice(url.indexOf('#') + 1) });
    await ready(second.page);
    await banner(second.page).waitFor();
    expect(await banner(second.page).textContent()).toContain('Plain Q-learning wanders blindly');
    expect(await viewButton(second.page, 'Playground').getAttribute('aria-pressed')).toBe('true');
    expect(await second.page.getByRole('button', { name: /^row \d+, column \d+: / }).count()).toBe(14 * 14);
    expect(await second.page.getByRole('combobox', { name: 'Lesson' }).inputValue()).toBe('needle');
    expect(await overlays(second.page)).toEqual(shown);
    expect(await second.page.getByRole('alert').count()).toBe(0);
    expect(second.page.url()).toBe(url);

    // Forward goes to the Lab again.
    await page.goForward();
    await page.getByRole('main', { name: 'Lab' }).waitFor();
    expect(second.errors).toEqual([]);
    expect(errors).toEqual([]);
    await second.page.context().close();
    await page.context().close();
  });

  it('a link pasted into the open page loads once; Back brings the earlier world back', async () => {
    const { page, errors } = await openApp(browser);
    await ready(page);
    await page.getByRole('combobox', { name: 'Lesson' }).selectOption({ label: 'Cliff walk' });
    await banner(page).waitFor();
    await expect.poll(() => params(page).get('lesson')).toBe('cliff-walk');
    const cliff = page.url();

    const other = await openApp(browser);
    await ready(other.page);
    await other.page
      .getByRole('combobox', { name: 'Lesson' })
      .selectOption({ label: 'Needle in a haystack' });
    await expect.poll(() => params(other.page).get('lesson')).toBe('needle');
    const needle = other.page.url();
    await other.page.context().close();

    // A fragment navigation, as when a link is pasted into the address bar (popstate and hashchange).
    await page.goto(needle);
    await expect
      .poll(() => page.getByRole('button', { name: /^row \d+, column \d+: / }).count())
      .toBe(14 * 14);
    expect(await banner(page).textContent()).toContain('Needle in a haystack');
    await expect.poll(() => page.locator('.notice').textContent()).toMatch(/^Loaded the world from the link/);
    expect(page.url()).toBe(needle);

    await page.goBack();
    await expect.poll(() => page.url()).toBe(cliff);
    await expect.poll(() => banner(page).textContent()).toContain('Cliff walk');
    await expect
      .poll(() => page.locator('.notice').textContent())
      .toMatch(/^Back or Forward opened another world/);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
