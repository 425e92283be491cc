/**
 * The command line's file I/O, where a file as it comes must never hurt anyone: inputs are opened without blocking
 * and read only when they are regular files of a sane size (a FIFO or a link to /dev/zero is refused, never read);
 * outputs are compared with inputs by identity (device and inode, symlinks resolved, for outputs that do not exist
 * yet through their folder); a copy is written to an exclusive temp file beside the target and moved into place
 * only over a regular file (with --force) or over nothing. Every failure comes back as a Chinese reason.
 */
import { closeSync, constants, fstatSync, openSync, readSync, unlinkSync } from "node:fs";
import { access, link, lstat, open, readdir, realpath, rename, stat, unlink } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";

/** The largest input read into memory (the .xlsx reader then applies its own limits to what it inflates). */
export const MAX_INPUT_BYTES = 512 * 1024 * 1024;

export type Failure = { readonly ok: false; readonly code: "FILE_UNREADABLE" | "FILE_TOO_LARGE"; readonly message: string };

export interface InputFile {
  readonly ok: true;
  readonly bytes: Uint8Array;
  readonly dev: number;
  readonly ino: number;
}

/**
 * A name or a text from a file as it can be printed on one line of a terminal: control characters (a newline in a
 * name, an escape sequence in a 项目名称, C1 controls) shown escaped, so that nothing a file holds acts on the terminal.
 */
export function displayName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => (c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`));
}

/** A system error as a Chinese reason (never the library's English text). */
export function systemReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return "文件不存在";
    case "EACCES":
    case "EPERM":
      return "没有权限";
    case "EISDIR":
      return "这是一个文件夹，不是文件";
    case "ENOTDIR":
      return "路径中有一项不是文件夹";
    case "ENOSPC":
      return "磁盘空间不足";
    case "EROFS":
      return "所在磁盘是只读的";
    case "EEXIST":
      return "文件已存在";
    case "ELOOP":
      return "符号链接循环";
    case "ENAMETOOLONG":
      return "文件名太长";
    case "EMFILE":
    case "ENFILE":
      return "同时打开的文件太多";
    case "EIO":
      return "读写出错（磁盘或网络故障）";
    default:
      return code ? `系统错误 ${code}` : "未知错误";
  }
}

/**
 * Read an input file: opened non-blocking (a FIFO cannot hang the run), refused unless it is a regular file
 * (a device, a pipe, a socket, or a link to one) or when larger than MAX_INPUT_BYTES, read up to the size it had.
 * Plain system calls, not promises: a folder of a thousand small workbooks spent a fifth of its time between the
 * promises of asynchronous reads (npm run bench -- --only pool), and the files are read one after another anyway.
 */
export function readInput(path: string, maxBytes = MAX_INPUT_BYTES): InputFile | Failure {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { ok: false, code: "FILE_UNREADABLE", message: systemReason(e) };
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, code: "FILE_UNREADABLE", message: "这是一个文件夹，不是文件" };
    if (!st.isFile()) return { ok: false, code: "FILE_UNREADABLE", message: "不是普通文件（设备、管道或套接字），未读取" };
    if (st.size > maxBytes) return { ok: false, code: "FILE_TOO_LARGE", message: `文件大小 ${Math.round(st.size / 1048576)} MB，超过本工具的处理上限 ${Math.round(maxBytes / 1048576)} MB` };
    const bytes = new Uint8Array(st.size);
    let at = 0;
    while (at < st.size) {
      const read = readSync(fd, bytes, at, st.size - at, at);
      if (read === 0) break;
      at += read;
    }
    return { ok: true, bytes: at === st.size ? bytes : bytes.subarray(0, at), dev: st.dev, ino: st.ino };
  } catch (e) {
    return { ok: false, code: "FILE_UNREADABLE", message: systemReason(e) };
  } finally {
    try {
      closeSync(fd);
    } catch {
      // closing a descriptor we opened does not fail in a way the user can act on
    }
  }
}

/** Whether two paths name the same file: device and inode, symlinks resolved; false when either is missing. */
export async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    // an output that does not exist yet: the same path once its folder's symlinks are resolved?
    try {
      const [ra, rb] = await Promise.all([realpath(a), realpath(dirname(b)).then((d) => join(d, basename(b)))]);
      return ra === rb;
    } catch {
      return resolve(a) === resolve(b);
    }
  }
}

/** Why writing `out` failed, in Chinese (a missing folder, not a missing file). */
export function writeReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "EEXIST") return "输出文件已存在；如确需覆盖，请加 --force";
  if (code === "ENOENT") return "所在文件夹不存在";
  return systemReason(e);
}

/**
 * Why `out` may not be written (null when it may): it is one of the inputs, it is not a regular file (a folder, a
 * device, a FIFO, a symlink), it exists and --force was not given, or it is read-only. `input` names the inputs in
 * the message, as the command calls them (`template --from`: its source file).
 */
export async function outputRefusal(
  out: string,
  inputs: readonly string[],
  force: boolean,
  input: { readonly named: string; readonly short: string } = { named: "输入文件", short: "输入文件" },
): Promise<string | null> {
  for (const i of inputs) if (await sameFile(i, out)) return `输出文件不能与${input.named}相同（不会改写${input.short}）`;
  let st;
  try {
    st = await lstat(out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    return `无法访问输出文件（${systemReason(e)}）`;
  }
  if (st.isSymbolicLink()) return "输出路径是一个符号链接，请直接指定要写出的文件";
  if (st.isDirectory()) return "输出路径是一个文件夹，请指定文件名";
  if (!st.isFile()) return "输出路径不是普通文件（设备、管道或套接字），不会写入";
  if (!force) return "输出文件已存在；如确需覆盖，请加 --force";
  try {
    await access(out, constants.W_OK);
  } catch {
    return "输出文件是只读的，不会覆盖";
  }
  return null;
}

/** Temp files this process is writing now: removed if it is interrupted (a signal). */
const liveTemps = new Set<string>();
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * On Ctrl-C, SIGTERM or a closed terminal: the temp files being written are removed, then the signal is raised again
 * with no handler of ours left, so the process ends by it as it would have (exit status 128 + n for the shell).
 * Installed while a temp file exists only: the rest of the time a signal does what it always does.
 */
function onSignal(signal: NodeJS.Signals): void {
  for (const temp of liveTemps) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone, or the folder went away: nothing of ours is left either way
    }
  }
  liveTemps.clear();
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.kill(process.pid, signal);
}

function track(temp: string): void {
  if (liveTemps.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  liveTemps.add(temp);
}

function untrack(temp: string): void {
  liveTemps.delete(temp);
  if (liveTemps.size === 0) for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** How long a temp file of an earlier version (no process id in its name) must be left alone before it counts as stale. */
const LEGACY_STALE_MS = 60 * 60 * 1000;

/** Whether a process of this id is running (one of ours or not: kill 0 asks without sending anything). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Temp files a killed run of ours left beside `out` (kill -9 leaves no chance to remove them): `.out.xlsx.<pid>-<hex>.tmp`
 * whose process is gone, or `.out.xlsx.<hex>.tmp` of an earlier version an hour old — regular files of this user only,
 * never a link, never a file of another output or of a run going on now. Removed quietly; what cannot be removed stays.
 */
async function removeStaleTemps(out: string): Promise<void> {
  const dir = dirname(out);
  const base = basename(out);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const ours = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(?:(\\d+)-)?[0-9a-f]{16}\\.tmp$`);
  for (const name of names) {
    const m = ours.exec(name);
    if (!m) continue;
    const path = join(dir, name);
    try {
      const st = await lstat(path);
      if (!st.isFile() || (process.getuid && st.uid !== process.getuid())) continue;
      const stale = m[1] !== undefined ? !running(Number(m[1])) : Date.now() - st.mtimeMs > LEGACY_STALE_MS;
      if (stale) await unlink(path);
    } catch {
      // gone meanwhile, or not ours to remove
    }
  }
}

/**
 * Write the whole file or nothing: an exclusive temp file (O_CREAT|O_EXCL, named by this process and a random part)
 * beside the target, synced, then moved into place — without --force by a hard link, which fails if the target
 * appeared meanwhile; with --force by a rename, and only over a regular file. The temp file never survives a failure
 * or an interruption (SIGINT, SIGTERM, SIGHUP); one left by a run that was killed outright is removed by the next write
 * of the same output.
 */
export async function writeAtomically(out: string, bytes: Uint8Array, force: boolean): Promise<void> {
  await removeStaleTemps(out);
  const temp = join(dirname(out), `.${basename(out)}.${process.pid}-${randomBytes(8).toString("hex")}.tmp`);
  // known before it exists: a signal while it is being created still finds it
  track(temp);
  let handle;
  try {
    handle = await open(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o666);
  } catch (e) {
    untrack(temp);
    throw e;
  }
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const existing = await lstat(out).catch(() => null);
    if (existing && !(existing.isFile() && force)) {
      const e = new Error("EEXIST") as NodeJS.ErrnoException;
      e.code = existing.isFile() ? "EEXIST" : "EISDIR";
      throw e;
    }
    if (existing) await rename(temp, out);
    else {
      try {
        await link(temp, out);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        // a file system without hard links: the target was checked a moment ago
        if (code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "EXDEV") await rename(temp, out);
        else throw e;
      }
    }
  } finally {
    await unlink(temp).catch(() => undefined);
    untrack(temp);
  }
}
