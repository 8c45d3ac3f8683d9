// The import housekeeping calls: progress and cancel of the running import, the history of batches, the
// validation report of one batch, and undo of a batch (issue 4). import/files itself lives in methods.ts.
import { z } from 'zod';

const none = z.object({}).strict();

export const importPhase = z.enum(['idle', 'reading', 'validating', 'storing', 'checking', 'done', 'cancelled', 'failed']);
export type ImportPhase = z.infer<typeof importPhase>;

/** The running (or last) import. Bytes count what has been read and handled; etaMs is null until enough
 *  is done to estimate (the rate so far applied to the bytes left). */
export const importStatus = z
  .object({
    running: z.boolean(),
    phase: importPhase,
    filesTotal: z.number(),
    filesDone: z.number(),
    bytesTotal: z.number(),
    bytesDone: z.number(),
    messages: z.number(),
    rejected: z.number(),
    elapsedMs: z.number(),
    etaMs: z.number().nullable(),
  })
  .strict();
export type ImportStatus = z.infer<typeof importStatus>;

export const batchSummary = z
  .object({
    id: z.number(),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    source: z.string().nullable(),
    files: z.number(),
    messages: z.number(), // messages this batch stored
    skipped: z.number(),
    rejected: z.number(),
    warnings: z.number(),
    held: z.number(), // messages this batch holds now (stored, or seen again with the same content)
    undoneAt: z.string().nullable(),
  })
  .strict();
export type BatchSummary = z.infer<typeof batchSummary>;

export const batchReport = z
  .object({
    batch: batchSummary,
    /** Per message type: files, messages stored, records (assignment versions, starts, stops, lines, …). */
    types: z.array(z.object({ code: z.string(), files: z.number(), messages: z.number(), records: z.number() }).strict()),
    rejected: z.array(
      z
        .object({
          file: z.string(),
          errors: z.array(z.object({ line: z.number().nullable(), element: z.string().nullable(), reason: z.string() }).strict()),
        })
        .strict(),
    ),
    /** Import warnings (duplicates, conflicts, orphans, …) and the data checks, one row per code. */
    warnings: z.array(z.object({ code: z.string(), count: z.number(), examples: z.array(z.string()) }).strict()),
  })
  .strict();
export type BatchReport = z.infer<typeof batchReport>;

export const undoResult = z
  .object({
    batchId: z.number(),
    messagesRemoved: z.number(),
    messagesKept: z.number(), // held by another batch too
    notes: z.array(z.string()),
  })
  .strict();
export type UndoResult = z.infer<typeof undoResult>;

export const importMethods = {
  'import/status': { args: none, result: importStatus },
  'import/cancel': { args: none, result: z.object({ cancelled: z.boolean() }).strict() },
  'import/history': { args: none, result: z.object({ batches: z.array(batchSummary) }).strict() },
  'import/report': { args: z.object({ batchId: z.number().int().positive() }).strict(), result: batchReport },
  'import/undo': { args: z.object({ batchId: z.number().int().positive() }).strict(), result: undoResult },
} as const;
