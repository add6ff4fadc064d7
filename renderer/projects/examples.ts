/**
 * The bundled example projects on the page: their files (renderer/projects/examples, made by
 * scripts/build-examples.ts) are separate chunks, fetched from the app itself the first time
 * the list is shown or an example is opened — offline in both hosts — and read by the
 * project reader like any other file.
 */
import { exampleInfo, type ExampleId } from '../../core/examples';
import { parseProject, type ParseResult, type Project } from '../../core/project';

const FILES = import.meta.glob('./examples/*.actlab', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

/** Each example is read once per page. */
const read = new Map<ExampleId, Promise<ParseResult>>();

/** The example as a checked project, or a sentence saying why it cannot be opened. */
export function loadExample(id: ExampleId): Promise<ParseResult> {
  let result = read.get(id);
  if (!result) {
    result = readExample(id);
    read.set(id, result);
    // A failed read (say, the app's files were damaged) is tried again next time.
    void result.then((r) => {
      if (!r.ok) read.delete(id);
    });
  }
  return result;
}

async function readExample(id: ExampleId): Promise<ParseResult> {
  const load = FILES[`./examples/${id}.actlab`];
  const title = exampleInfo(id).title;
  if (!load)
    return { ok: false, message: `The example “${title}” is missing from this copy of Activation Lab. Reinstall the app to get it back.` };
  try {
    const parsed = parseProject(await load(), { fileName: `${id}.actlab` });
    return parsed.ok ? parsed : { ok: false, message: `The example “${title}” could not be read. ${parsed.message}` };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `The example “${title}” could not be loaded (${reason}). Reload the page and try again.` };
  }
}

/** A fresh copy to open: the learner's changes never touch the cached one. */
export function copyOf(project: Project): Project {
  return structuredClone(project);
}

/** What `openCopy` needs of the open project (renderer/projects/projects.svelte.ts). */
export interface CopyTarget {
  openCopy(project: Project): Promise<boolean>;
}

/**
 * Opens an example as an untitled copy. Resolves with a sentence for the learner when it could
 * not be read; `null` when it opened, or when the learner kept their work instead.
 */
export async function openExample(target: CopyTarget, id: ExampleId): Promise<string | null> {
  const result = await loadExample(id);
  if (!result.ok) return result.message;
  await target.openCopy(copyOf(result.project));
  return null;
}
