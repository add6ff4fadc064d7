/**
 * Plain-words messages for file-system errors (Node's error codes), for opening and for
 * saving. Each says what happened and what the learner can do about it.
 */
import path from 'node:path';

export type FileAction = 'open' | 'save';

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function fileErrorMessage(error: unknown, action: FileAction, file: string): string {
  const name = `"${path.basename(file)}"`;
  const folder = `"${path.basename(path.dirname(file)) || path.dirname(file)}"`;
  const elsewhere = action === 'save' ? ' Use Save As… to choose another place.' : '';
  switch (errorCode(error)) {
    case 'ENOENT':
      return action === 'open'
        ? `The file ${name} is not there any more — it may have been moved, renamed or deleted.`
        : `The folder ${folder} is not there any more, so ${name} could not be saved.${elsewhere}`;
    case 'ENOTDIR':
      return `Part of the path to ${name} is a file, not a folder.${elsewhere}`;
    case 'EACCES':
    case 'EPERM':
      return action === 'open'
        ? `Activation Lab is not allowed to read ${name}. Check the file's permissions, or copy it to your own folder and open the copy.`
        : `Activation Lab is not allowed to save in the folder ${folder}.${elsewhere}`;
    case 'EISDIR':
      return `${name} is a folder, not a project file. Choose a project file instead.`;
    case 'ENOSPC':
      return `The disk is full, so ${name} was not saved. Free some space and save again, or use Save As… to save on another disk.`;
    case 'EDQUOT':
      return `You have used all the disk space you are allowed, so ${name} was not saved. Free some space and save again.`;
    case 'EROFS':
      return action === 'open'
        ? `The disk holding ${name} cannot be read properly.`
        : `The disk holding ${folder} is read-only, so nothing can be saved there.${elsewhere}`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `${name} is in use by another program. Close it there and try again.`;
    case 'EMFILE':
    case 'ENFILE':
      return `Too many files are open right now, so ${name} could not be ${action === 'open' ? 'opened' : 'saved'}. Close some programs and try again.`;
    case 'ENAMETOOLONG':
      return `The name or path of ${name} is too long. Choose a shorter name or a folder nearer the top.`;
    case 'EIO':
      return `The disk reported an error while ${action === 'open' ? 'reading' : 'writing'} ${name}. If the disk is removable, check it is plugged in, then try again.`;
    default: {
      const code = errorCode(error);
      return `${name} could not be ${action === 'open' ? 'opened' : 'saved'}${code ? ` (${code})` : ''}.${elsewhere}`;
    }
  }
}

/** A failure with a message meant for the learner. */
export class DocumentError extends Error {
  override name = 'DocumentError';
}
