import { describe, expect, it } from 'vitest';
import { chromiumPath, decide, type Facts } from '../../scripts/ensure-chromium';

const none: Facts = {
  chromiumPath: undefined,
  chromiumPathOk: false,
  debianOk: false,
  isRoot: false,
  hasAptGet: false,
};

describe('ensure-chromium', () => {
  it("uses Debian's chromium when it is there, whoever runs the tests", () => {
    expect(decide({ ...none, debianOk: true })).toEqual({ action: 'ready', path: '/usr/bin/chromium' });
    expect(decide({ ...none, debianOk: true, isRoot: true, hasAptGet: true }).action).toBe('ready');
  });

  it('honours CHROMIUM_PATH, and stops with one line when it names no executable (installing would not help)', () => {
    expect(decide({ ...none, chromiumPath: '/opt/c/chrome', chromiumPathOk: true })).toEqual({
      action: 'ready',
      path: '/opt/c/chrome',
    });
    const d = decide({ ...none, chromiumPath: '/nowhere', debianOk: true, isRoot: true, hasAptGet: true });
    expect(d.action).toBe('stop');
    if (d.action === 'stop') {
      expect(d.line).toContain('CHROMIUM_PATH=/nowhere');
      expect(d.line).not.toContain('\n');
    }
    expect(chromiumPath({ CHROMIUM_PATH: '/opt/c/chrome' })).toBe('/opt/c/chrome');
    expect(chromiumPath({ CHROMIUM_PATH: '' })).toBe('/usr/bin/chromium');
    expect(chromiumPath({})).toBe('/usr/bin/chromium');
  });

  it('installs only as root with apt-get', () => {
    expect(decide({ ...none, isRoot: true, hasAptGet: true })).toEqual({ action: 'install' });
    expect(decide({ ...none, isRoot: true }).action).toBe('stop');
    expect(decide({ ...none, hasAptGet: true }).action).toBe('stop');
  });

  it('otherwise says in one line what to run', () => {
    const withApt = decide({ ...none, hasAptGet: true });
    const withoutApt = decide(none);
    if (withApt.action !== 'stop' || withoutApt.action !== 'stop') throw new Error('expected stops');
    expect(withApt.line).toContain("sudo sh -c 'apt-get update -qq && apt-get install -y -qq chromium'");
    expect(withApt.line).toContain('CHROMIUM_PATH');
    expect(withoutApt.line).toContain("install Debian's chromium package");
    for (const line of [withApt.line, withoutApt.line]) expect(line).not.toContain('\n');
  });
});
