/**
 * The longest values the app stores. The editors enforce them (maxlength) and backups check
 * them, so nothing a user can type is ever refused by their own backup.
 */
export const FIELD_LIMITS = {
  /** Ids of workspaces, risks and snapshots. */
  id: 100,
  /**
   * Names and short labels: organization, owner, supplier, assessor, sector, size; the report's
   * and the SoA's versions, the SoA's owner and approver.
   */
  name: 120,
  /**
   * One-line texts: a risk's title, asset, threat, vulnerability; an action; the participants;
   * the reports' confidentiality line.
   */
  shortText: 1_000,
  /**
   * Free texts: scope statement, note, justification, the consultant's summary and
   * recommendations, and the evidence references field.
   */
  longText: 20_000,
  /**
   * Evidence references per answer or decision: the references field holds at most longText
   * characters, so at most half as many non-empty lines.
   */
  evidenceItems: 10_000,
} as const

/*
 * The most rows the app holds, and so the most one backup file may bring: an import refuses a
 * file with more. Each is far above what an assessment needs; they exist so that no accepted file
 * can make a list, a register or a recomputation stall the app.
 */

/** Assessments (workspaces) in one backup file: a consultant's whole practice, many times over. */
export const MAX_WORKSPACES_PER_BACKUP = 500
/**
 * Clause answers in one assessment. Today's question bank has a few hundred at most; answers to
 * questions a newer content version added are kept, so this leaves room for the bank to grow.
 */
export const MAX_CLAUSE_ANSWERS_PER_WORKSPACE = 1_000
/** Risks in one assessment's register: the register, its filter and the heat map stay usable. */
export const MAX_RISKS_PER_WORKSPACE = 10_000
/** Snapshots of one assessment: one per workshop or review is a few dozen over years. */
export const MAX_SNAPSHOTS_PER_WORKSPACE = 100
/**
 * The most one assessment's snapshots may take in a backup file (as written there), so that the
 * assessment with all its rows always fits in one backup (MAX_BACKUP_BYTES, 120 MB; the rows of
 * the largest register, 10,000 risks, take under 10 MB). 100 snapshots of an assessment with
 * 1,000 risks take about 82 MB; a register ten times that keeps about 11.
 */
export const MAX_SNAPSHOT_BYTES_PER_WORKSPACE = 100 * 1024 * 1024

/**
 * How far a time in a backup (a row's createdAt, updatedAt, takenAt or lastBackupAt) may be later
 * than the file's own exportedAt. Rows can carry the clock of another device they were imported
 * from, and a clock set to the wrong time zone is hours off, so a day is tolerated; anything later
 * cannot come from any clock that made the file.
 */
export const BACKUP_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000
