/**
 * The longest values the app stores. The editors enforce them (maxlength) and backups check
 * them, so nothing a user can type is ever refused by their own backup.
 */
export const FIELD_LIMITS = {
  /** Ids of workspaces, risks and snapshots. */
  id: 100,
  /** Names and short labels: organization, owner, supplier, assessor, sector, size. */
  name: 120,
  /** One-line texts: a risk's title, asset, threat, vulnerability; an action. */
  shortText: 1_000,
  /** Free texts: scope statement, note, justification, and the evidence references field. */
  longText: 20_000,
  /**
   * Evidence references per answer or decision: the references field holds at most longText
   * characters, so at most half as many non-empty lines.
   */
  evidenceItems: 10_000,
} as const
