/**
 * The project worker's entry (a worker_threads Worker the main process starts from the
 * bundled project-worker.cjs for each file it reads; see documents/parse-host.ts). Parsing
 * a project file is the one thing a file can make slow or huge, so it happens here, under
 * resource limits and a time limit, and never on the main process's event loop.
 */
import { parentPort } from 'node:worker_threads';
import { decodeBackupFile, decodeProjectFile } from './documents/decode';
import { replyTransfer, type ParseTask, type WorkerReply } from './documents/parse-host';

const port = parentPort;
if (!port) throw new Error('project-worker must run inside a worker thread.');

// The main process opened the file and checked it is an ordinary file within the cap; the
// descriptor is valid here too, and stays open until this worker has answered or been ended.
// A project's bytes are transferred, not copied: main receives them without work on its loop.
port.on('message', ({ kind, file }: ParseTask) => {
  const reply: WorkerReply =
    kind === 'backup'
      ? { kind: 'backup', backup: decodeBackupFile(file.fd, file.size) }
      : { kind: 'project', reply: decodeProjectFile(file.fd, file.size, file.name) };
  port.postMessage(reply, replyTransfer(reply));
});
