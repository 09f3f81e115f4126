import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { backupDamaged, backupTruncated } from "./backup.errors.js";

/** First bytes of every backup file. */
export const backupMagic = Buffer.from("RAPPORTEUR-BACKUP\n", "utf8");
/** Plaintext bytes per encrypted chunk. */
const chunkBytes = 1024 * 1024;
const tagBytes = 16;
// scrypt with N = 2^17, r = 8 (128 MiB, about half a second): each passphrase guess costs the same.
const defaultKdf = { name: "scrypt", N: 2 ** 17, r: 8, p: 1 } as const;

/** The clear header of a backup: how to derive the key, and a check value that tells a wrong passphrase apart. */
export interface BackupHeader {
  format: 1;
  kdf: { name: "scrypt"; N: number; r: number; p: number; salt: string };
  /** Nonce prefix of the chunks (8 bytes, base64); each chunk appends its index. */
  nonce: string;
  /** SHA-256 of the second half of the derived key: equal only under the right passphrase. */
  check: string;
}

export interface BackupKeys {
  header: BackupHeader;
  headerBytes: Buffer;
  key: Buffer;
}

function derive(passphrase: string, kdf: BackupHeader["kdf"]): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize("NFC"),
      Buffer.from(kdf.salt, "base64"),
      64,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 },
      (e, k) => (e ? reject(e) : resolve(k)),
    ),
  );
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest();

/** Encodes the file's opening: magic, header length (4 bytes), header JSON. */
function encodeHeader(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([backupMagic, len, json]);
}

/** Derives a fresh key (new salt and nonce prefix) for a new backup. */
export async function newBackupKeys(passphrase: string): Promise<BackupKeys> {
  const kdf = { ...defaultKdf, salt: randomBytes(16).toString("base64") };
  const derived = await derive(passphrase, kdf);
  const header: BackupHeader = {
    format: 1,
    kdf,
    nonce: randomBytes(8).toString("base64"),
    check: sha256(derived.subarray(32)).toString("base64"),
  };
  return { header, headerBytes: encodeHeader(header), key: derived.subarray(0, 32) };
}

/**
 * Reads the header from the first bytes of a file and derives the key; null when the passphrase is wrong.
 * @returns the keys and the header's length in the file (where the chunks begin)
 */
export async function openBackupKeys(
  opening: Buffer,
  passphrase: string,
): Promise<{ keys: BackupKeys; headerLength: number } | null> {
  if (opening.length < backupMagic.length + 4 || !opening.subarray(0, backupMagic.length).equals(backupMagic))
    throw backupDamaged({ reason: "not a Rapporteur backup" });
  const len = opening.readUInt32BE(backupMagic.length);
  const start = backupMagic.length + 4;
  if (len > 4096 || opening.length < start + len) throw backupDamaged({ reason: "header" });
  let header: BackupHeader;
  try {
    header = JSON.parse(opening.subarray(start, start + len).toString("utf8")) as BackupHeader;
  } catch {
    throw backupDamaged({ reason: "header" });
  }
  const { kdf } = header;
  if (
    header.format !== 1 ||
    kdf?.name !== "scrypt" ||
    !(kdf.N >= 2 ** 14 && kdf.N <= 2 ** 20) ||
    kdf.r > 32 ||
    kdf.p > 16
  )
    throw backupDamaged({ reason: "header" });
  const derived = await derive(passphrase, kdf);
  const check = Buffer.from(header.check, "base64");
  const mine = sha256(derived.subarray(32));
  if (check.length !== mine.length || !timingSafeEqual(check, mine)) return null;
  return {
    keys: { header, headerBytes: opening.subarray(0, start + len), key: derived.subarray(0, 32) },
    headerLength: start + len,
  };
}

/** Associated data of a chunk: the header's hash, the chunk's index and whether it is the last one. */
function chunkAad(keys: BackupKeys, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index);
  tail.writeUInt8(final ? 1 : 0, 4);
  return Buffer.concat([sha256(keys.headerBytes), tail]);
}

function chunkNonce(keys: BackupKeys, index: number): Buffer {
  const n = Buffer.alloc(12);
  Buffer.from(keys.header.nonce, "base64").copy(n, 0, 0, 8);
  n.writeUInt32BE(index, 8);
  return n;
}

/**
 * Encrypts a byte stream into chunks `[flag 1][length 4][ciphertext][tag 16]`, each AES-256-GCM under its index and
 * a last-chunk flag, so a chunk moved, dropped or cut off is detected. The header is written first.
 */
export function encryptChunks(keys: BackupKeys): Transform {
  let pending: Buffer[] = [];
  let size = 0;
  let index = 0;
  let headerSent = false;
  const seal = (plain: Buffer, final: boolean) => {
    const cipher = createCipheriv("aes-256-gcm", keys.key, chunkNonce(keys, index));
    cipher.setAAD(chunkAad(keys, index, final));
    const body = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    const head = Buffer.alloc(5);
    head.writeUInt8(final ? 1 : 0, 0);
    head.writeUInt32BE(body.length, 1);
    index++;
    return Buffer.concat([head, body]);
  };
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      if (!headerSent) {
        this.push(keys.headerBytes);
        headerSent = true;
      }
      pending.push(chunk);
      size += chunk.length;
      while (size >= chunkBytes) {
        const all = Buffer.concat(pending);
        this.push(seal(all.subarray(0, chunkBytes), false));
        pending = [all.subarray(chunkBytes)];
        size = all.length - chunkBytes;
      }
      done();
    },
    flush(done: TransformCallback) {
      if (!headerSent) this.push(keys.headerBytes);
      this.push(seal(Buffer.concat(pending), true));
      done();
    },
  });
}

/** The reverse of encryptChunks (fed the bytes after the header): a damaged, reordered or cut-off file is an error. */
export function decryptChunks(keys: BackupKeys): Transform {
  let buffered: Buffer = Buffer.alloc(0);
  let index = 0;
  let ended = false;
  return new Transform({
    transform(chunk: Buffer, _enc, done: TransformCallback) {
      buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk;
      try {
        while (buffered.length >= 5) {
          if (ended) throw backupDamaged({ reason: "data after the last chunk" });
          const final = buffered.readUInt8(0);
          const len = buffered.readUInt32BE(1);
          if (final > 1 || len < tagBytes || len > chunkBytes + tagBytes)
            throw backupDamaged({ reason: "chunk" });
          if (buffered.length < 5 + len) break;
          const body = buffered.subarray(5, 5 + len);
          const decipher = createDecipheriv("aes-256-gcm", keys.key, chunkNonce(keys, index));
          decipher.setAAD(chunkAad(keys, index, final === 1));
          decipher.setAuthTag(body.subarray(len - tagBytes));
          let plain: Buffer;
          try {
            plain = Buffer.concat([decipher.update(body.subarray(0, len - tagBytes)), decipher.final()]);
          } catch {
            throw backupDamaged({ reason: `chunk ${index} fails its authentication` });
          }
          this.push(plain);
          buffered = buffered.subarray(5 + len);
          index++;
          if (final === 1) ended = true;
        }
        done();
      } catch (e) {
        done(e as Error);
      }
    },
    flush(done: TransformCallback) {
      if (!ended || buffered.length)
        done(ended ? backupDamaged({ reason: "data after the last chunk" }) : backupTruncated());
      else done();
    },
  });
}
