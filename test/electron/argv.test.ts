import { describe, expect, it } from 'vitest';
import { OpenFileQueue, argvSkip, projectFileFromArgv } from '../../electron/argv';

describe('projectFileFromArgv', () => {
  it('finds the project file after the executable', () => {
    expect(projectFileFromArgv(['C:\\Apps\\Activation Lab.exe', 'C:\\Users\\ana\\spiral.actlab'], 1)).toBe('C:\\Users\\ana\\spiral.actlab');
    expect(projectFileFromArgv(['/opt/actlab/actlab', '--no-sandbox', '/home/ana/XOR.ACTLAB'], 1)).toBe('/home/ana/XOR.ACTLAB');
  });

  it('skips the app path in development and ignores switches and other files', () => {
    expect(projectFileFromArgv(['electron', '.', 'a.actlab'], 2)).toBe('a.actlab');
    expect(projectFileFromArgv(['electron', 'x.actlab'], 2)).toBeNull();
    expect(projectFileFromArgv(['app', '--open=evil.actlab', 'notes.txt'], 1)).toBeNull();
    expect(projectFileFromArgv(['app', '.actlab'], 1)).toBeNull();
    expect(projectFileFromArgv(['app'], 1)).toBeNull();
    expect(projectFileFromArgv(['app', 'one.actlab', 'two.actlab'], 1)).toBe('two.actlab');
  });

  it('resolves a relative file against the working directory of the instance that received it', () => {
    expect(projectFileFromArgv(['app', 'spiral.actlab'], 1, '/home/ana/projects')).toBe('/home/ana/projects/spiral.actlab');
    expect(projectFileFromArgv(['app', '../old/xor.actlab'], 1, '/home/ana/projects')).toBe('/home/ana/old/xor.actlab');
    expect(projectFileFromArgv(['app', '/srv/a.actlab'], 1, '/home/ana')).toBe('/srv/a.actlab');
    expect(projectFileFromArgv(['app', 'C:\\Users\\ana\\b.actlab'], 1, '/home/ana')).toBe('C:\\Users\\ana\\b.actlab');
    expect(projectFileFromArgv(['app', 'notes.txt'], 1, '/home/ana')).toBeNull();
  });

  it('knows how much of argv belongs to the runtime', () => {
    expect(argvSkip(true, false)).toBe(1);
    expect(argvSkip(false, true)).toBe(2);
    expect(argvSkip(false, false)).toBe(1);
  });
});

describe('OpenFileQueue', () => {
  it('holds files until the window is ready, then hands them over in order', () => {
    const queue = new OpenFileQueue();
    queue.push('a.actlab');
    queue.push('b.actlab');
    expect(queue.size).toBe(2);
    const opened: string[] = [];
    queue.attach((file) => opened.push(file));
    expect(opened).toEqual(['a.actlab', 'b.actlab']);
    queue.push('c.actlab');
    expect(opened).toEqual(['a.actlab', 'b.actlab', 'c.actlab']);
    expect(queue.size).toBe(0);
    queue.detach();
    queue.push('d.actlab');
    expect(queue.size).toBe(1);
    expect(opened).toHaveLength(3);
    queue.attach((file) => opened.push(`new window: ${file}`));
    expect(opened.at(-1)).toBe('new window: d.actlab');
  });
});
