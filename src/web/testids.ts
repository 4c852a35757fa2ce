/**
 * Stable `data-testid` values for browser tests. Tests should find elements by these, never by
 * visible text (which changes with the language) or by antd's class names (which change with
 * antd versions).
 *
 * Login and shell
 *   login-form, login-username, login-password, login-submit, login-error
 *   lang-switch (toggles 中文/English; data-lang carries the current language)
 *   header-user-name, header-role, header-scope, logout, menu-toggle (phone width only)
 *   side-menu, menu-home, menu-quarters, menu-places, menu-audit, menu-users, menu-account
 *
 * Home and quarter list
 *   place-tree, quarter-search, quarter-filter-street, quarter-filter-community,
 *   quarter-list (the table), quarter-row (each row; data-quarter-id carries the id),
 *   quarter-link (the name inside a row), quarter-new, home-totals
 *
 * Quarter form
 *   quarter-form, quarter-form-name, quarter-form-community, quarter-form-type,
 *   quarter-form-address, quarter-form-total-area, quarter-form-sold-area,
 *   quarter-form-delivered-area, quarter-form-first-delivery, quarter-form-households,
 *   quarter-form-submit, quarter-form-cancel
 *
 * Dossier
 *   dossier-title, dossier-path, dossier-edit, dossier-tabs,
 *   dossier-tab-overview, dossier-tab-buildings, dossier-tab-owners, dossier-tab-residents,
 *   dossier-tab-import, dossier-tab-audit, dossier-tab-section-<key> (sections of other modules)
 *   overview-facts, overview-stats, overview-delivered-share, contact-list, contact-row
 *   building-list, building-row (data-building-id), building-add, building-form-name,
 *   building-form-floors, building-form-submit
 *   unit-table, unit-row (data-unit-id), unit-search, unit-add, unit-form-building,
 *   unit-form-number, unit-form-area, unit-form-use, unit-form-certificate, unit-form-submit,
 *   unit-add-owner (per row), unit-owner-select, unit-owner-submit
 *   owner-table, owner-row (data-owner-id), owner-search, owner-add, owner-form-kind,
 *   owner-form-name, owner-form-id-number, owner-form-phone, owner-form-units, owner-form-submit
 *   resident-table, resident-row (data-resident-id), resident-kind-filter, resident-add,
 *   resident-form-name, resident-form-kind, resident-form-unit, resident-form-needs-care,
 *   resident-form-care-note, resident-form-phone, resident-form-id-number, resident-form-submit
 *   import-template-xlsx, import-template-csv, import-upload (the file <input>),
 *   import-progress, import-rejected, import-errors (the row-error table), import-error-row,
 *   import-report, import-summary, import-failed, export-button
 *   dossier-audit-table
 *
 * Audit, accounts, password, places
 *   audit-table, audit-row, audit-filter-quarter, audit-filter-entity
 *   user-table, user-row, user-create, user-form-username, user-form-display-name,
 *   user-form-role, user-form-scope, user-form-password, user-form-submit
 *   password-form, password-current, password-new, password-confirm, password-submit
 *   places-tree, place-add-street, place-add-community, place-form-name, place-form-parent,
 *   place-form-submit
 *
 * Owner view (/me)
 *   me-quarter-name, me-quarter-facts, me-units, me-unit-row, me-contacts, me-contact-row,
 *   me-logout
 */
import type { HTMLAttributes } from 'react';

export const TID = {
  loginForm: 'login-form',
  loginUsername: 'login-username',
  loginPassword: 'login-password',
  loginSubmit: 'login-submit',
  loginError: 'login-error',
  langSwitch: 'lang-switch',
  headerUserName: 'header-user-name',
  headerRole: 'header-role',
  headerScope: 'header-scope',
  logout: 'logout',
  menuToggle: 'menu-toggle',
  sideMenu: 'side-menu',
  menu: (key: 'home' | 'quarters' | 'places' | 'audit' | 'users' | 'account' | 'organizations' | 'votes') => `menu-${key}`,

  placeTree: 'place-tree',
  quarterSearch: 'quarter-search',
  quarterFilterStreet: 'quarter-filter-street',
  quarterFilterCommunity: 'quarter-filter-community',
  quarterList: 'quarter-list',
  quarterRow: 'quarter-row',
  quarterLink: 'quarter-link',
  quarterNew: 'quarter-new',
  homeTotals: 'home-totals',

  quarterForm: 'quarter-form',
  quarterFormName: 'quarter-form-name',
  quarterFormCommunity: 'quarter-form-community',
  quarterFormType: 'quarter-form-type',
  quarterFormAddress: 'quarter-form-address',
  quarterFormTotalArea: 'quarter-form-total-area',
  quarterFormSoldArea: 'quarter-form-sold-area',
  quarterFormDeliveredArea: 'quarter-form-delivered-area',
  quarterFormFirstDelivery: 'quarter-form-first-delivery',
  quarterFormHouseholds: 'quarter-form-households',
  quarterFormSubmit: 'quarter-form-submit',
  quarterFormCancel: 'quarter-form-cancel',

  dossierTitle: 'dossier-title',
  dossierPath: 'dossier-path',
  dossierEdit: 'dossier-edit',
  dossierTabs: 'dossier-tabs',
  dossierTab: (key: string) => `dossier-tab-${key}`,
  overviewFacts: 'overview-facts',
  overviewStats: 'overview-stats',
  overviewDeliveredShare: 'overview-delivered-share',
  contactList: 'contact-list',
  contactRow: 'contact-row',

  buildingList: 'building-list',
  buildingRow: 'building-row',
  buildingAdd: 'building-add',
  buildingFormName: 'building-form-name',
  buildingFormFloors: 'building-form-floors',
  buildingFormSubmit: 'building-form-submit',
  unitTable: 'unit-table',
  unitRow: 'unit-row',
  unitSearch: 'unit-search',
  unitAdd: 'unit-add',
  unitFormBuilding: 'unit-form-building',
  unitFormNumber: 'unit-form-number',
  unitFormArea: 'unit-form-area',
  unitFormUse: 'unit-form-use',
  unitFormCertificate: 'unit-form-certificate',
  unitFormSubmit: 'unit-form-submit',
  unitAddOwner: 'unit-add-owner',
  unitOwnerSelect: 'unit-owner-select',
  unitOwnerSubmit: 'unit-owner-submit',

  ownerTable: 'owner-table',
  ownerRow: 'owner-row',
  ownerSearch: 'owner-search',
  ownerAdd: 'owner-add',
  ownerFormKind: 'owner-form-kind',
  ownerFormName: 'owner-form-name',
  ownerFormIdNumber: 'owner-form-id-number',
  ownerFormPhone: 'owner-form-phone',
  ownerFormUnits: 'owner-form-units',
  ownerFormSubmit: 'owner-form-submit',

  residentTable: 'resident-table',
  residentRow: 'resident-row',
  residentKindFilter: 'resident-kind-filter',
  residentAdd: 'resident-add',
  residentFormName: 'resident-form-name',
  residentFormKind: 'resident-form-kind',
  residentFormUnit: 'resident-form-unit',
  residentFormNeedsCare: 'resident-form-needs-care',
  residentFormCareNote: 'resident-form-care-note',
  residentFormPhone: 'resident-form-phone',
  residentFormIdNumber: 'resident-form-id-number',
  residentFormSubmit: 'resident-form-submit',

  importTemplateXlsx: 'import-template-xlsx',
  importTemplateCsv: 'import-template-csv',
  importUpload: 'import-upload',
  importProgress: 'import-progress',
  importRejected: 'import-rejected',
  importErrors: 'import-errors',
  importErrorRow: 'import-error-row',
  importReport: 'import-report',
  importSummary: 'import-summary',
  importFailed: 'import-failed',
  exportButton: 'export-button',
  dossierAuditTable: 'dossier-audit-table',

  auditTable: 'audit-table',
  auditRow: 'audit-row',
  auditFilterQuarter: 'audit-filter-quarter',
  auditFilterEntity: 'audit-filter-entity',

  userTable: 'user-table',
  userRow: 'user-row',
  userCreate: 'user-create',
  userFormUsername: 'user-form-username',
  userFormDisplayName: 'user-form-display-name',
  userFormRole: 'user-form-role',
  userFormScope: 'user-form-scope',
  userFormPassword: 'user-form-password',
  userFormSubmit: 'user-form-submit',

  passwordForm: 'password-form',
  passwordCurrent: 'password-current',
  passwordNew: 'password-new',
  passwordConfirm: 'password-confirm',
  passwordSubmit: 'password-submit',

  placesTree: 'places-tree',
  placeAddStreet: 'place-add-street',
  placeAddCommunity: 'place-add-community',
  placeFormName: 'place-form-name',
  placeFormParent: 'place-form-parent',
  placeFormSubmit: 'place-form-submit',

  meQuarterName: 'me-quarter-name',
  meQuarterFacts: 'me-quarter-facts',
  meUnits: 'me-units',
  meUnitRow: 'me-unit-row',
  meContacts: 'me-contacts',
  meContactRow: 'me-contact-row',
  meLogout: 'me-logout',

  // ---- Organisations (组织建设, issue 3) ------------------------------------------------------
  // Dossier tab (dossier-tab-section-organizations): org-section, org-checks, org-check-row
  // (data-rule, data-status), org-commissioner, org-committee, org-committee-member-row,
  // org-candidates, org-candidate-row (data-candidate-id), org-recommend, org-recommend-owner,
  // org-recommend-by, org-recommend-cosigners, org-recommend-party, org-recommend-submit,
  // org-review (per row), org-review-decision, org-review-opinion, org-review-departments,
  // org-review-check-<itemId>, org-review-submit, org-form-committee, org-form-term-start,
  // org-form-term-end, org-form-pick (data-candidate-id), org-form-position (data-candidate-id),
  // org-form-submit, org-violations, org-violation-row (data-rule), org-party, org-contracts,
  // org-people. Page /organizations: org-actions, org-actions-vetting, org-actions-vetting-row,
  // org-actions-expiring, org-actions-failing, org-rules, org-rule-row (data-rule).
  orgSection: 'org-section',
  orgChecks: 'org-checks',
  orgCheckRow: 'org-check-row',
  orgCommissioner: 'org-commissioner',
  orgCommittee: 'org-committee',
  orgCommitteeMemberRow: 'org-committee-member-row',
  orgCandidates: 'org-candidates',
  orgCandidateRow: 'org-candidate-row',
  orgRecommend: 'org-recommend',
  orgRecommendOwner: 'org-recommend-owner',
  orgRecommendBy: 'org-recommend-by',
  orgRecommendCosigners: 'org-recommend-cosigners',
  orgRecommendParty: 'org-recommend-party',
  orgRecommendSubmit: 'org-recommend-submit',
  orgReview: 'org-review',
  orgReviewDecision: 'org-review-decision',
  orgReviewOpinion: 'org-review-opinion',
  orgReviewDepartments: 'org-review-departments',
  orgReviewCheck: (itemId: string) => `org-review-check-${itemId}`,
  orgReviewSubmit: 'org-review-submit',
  orgFormCommittee: 'org-form-committee',
  orgFormTermStart: 'org-form-term-start',
  orgFormTermEnd: 'org-form-term-end',
  orgFormPick: 'org-form-pick',
  orgFormPosition: 'org-form-position',
  orgFormSubmit: 'org-form-submit',
  orgViolations: 'org-violations',
  orgViolationRow: 'org-violation-row',
  orgParty: 'org-party',
  orgContracts: 'org-contracts',
  orgPeople: 'org-people',
  orgActions: 'org-actions',
  orgActionsVetting: 'org-actions-vetting',
  orgActionsVettingRow: 'org-actions-vetting-row',
  orgActionsExpiring: 'org-actions-expiring',
  orgActionsFailing: 'org-actions-failing',
  orgRules: 'org-rules',
  orgRuleRow: 'org-rule-row',

  // ---- Owners' assembly voting (业主大会表决, issue 4) ---------------------------------------
  voteList: 'vote-list',
  voteRow: 'vote-row',
  voteLink: 'vote-link',
  voteCreate: 'vote-create',
  voteFormQuarter: 'vote-form-quarter',
  voteFormTitle: 'vote-form-title',
  voteFormRule: 'vote-form-rule',
  voteFormWindow: 'vote-form-window',
  voteFormItemTitle: (i: number) => `vote-form-item-title-${i}`,
  voteFormItemArticle: (i: number) => `vote-form-item-article-${i}`,
  voteFormItemMatter: (i: number) => `vote-form-item-matter-${i}`,
  voteFormAddItem: 'vote-form-add-item',
  voteFormSubmit: 'vote-form-submit',
  voteTitle: 'vote-title',
  voteStatus: 'vote-status',
  voteOpen: 'vote-open',
  voteClose: 'vote-close',
  votePublish: 'vote-publish',
  voteDownload: 'vote-download',
  voteFingerprint: 'vote-fingerprint',
  voteRollMembers: 'vote-roll-members',
  voteTurnout: 'vote-turnout',
  voteTurnoutMembers: 'vote-turnout-members',
  voteTurnoutArea: 'vote-turnout-area',
  voteQuorum: 'vote-quorum',
  voteResultHidden: 'vote-result-hidden',
  voteResult: 'vote-result',
  voteResultRow: 'vote-result-row',
  voteEntryForm: 'vote-entry-form',
  voteEntryKind: 'vote-entry-kind',
  voteEntryUnit: 'vote-entry-unit',
  voteEntryScan: 'vote-entry-scan',
  voteEntryProxy: 'vote-entry-proxy',
  voteEntryChoice: (itemId: string) => `vote-entry-choice-${itemId}`,
  voteEntrySubmit: 'vote-entry-submit',
  voteEntryLog: 'vote-entry-log',
  voteEntryRow: 'vote-entry-row',
  voteObjections: 'vote-objections',
  voteObjectionText: 'vote-objection-text',
  voteObjectionSubmit: 'vote-objection-submit',
  voteObjectionAnswer: 'vote-objection-answer',
  voteReceiptInput: 'vote-receipt-input',
  voteReceiptCheck: 'vote-receipt-check',
  voteReceiptFound: 'vote-receipt-found',
  voteReceiptNotFound: 'vote-receipt-not-found',
  meVotes: 'me-votes',
  meVoteRow: 'me-vote-row',
  meVoteGo: 'me-vote-go',
  ownerVerifyId: 'owner-verify-id',
  ownerVerifyCert: 'owner-verify-cert',
  ownerVerifySubmit: 'owner-verify-submit',
  ownerChoice: (itemId: string, choice: 'yes' | 'no' | 'abstain') => `owner-choice-${itemId}-${choice}`,
  ownerNext: 'owner-next',
  ownerConfirm: 'owner-confirm',
  ownerConfirmSubmit: 'owner-confirm-submit',
  ownerReceipt: 'owner-receipt',
  ownerReceiptCode: 'owner-receipt-code',
  ownerRefused: 'owner-refused',
  publicVote: 'public-vote',
  dossierVotes: 'dossier-votes',
} as const;

/** Spread onto antd Table rows: `onRow={rowTestId(TID.quarterRow, 'quarter')}`. */
export function rowTestId<T extends { id: string | number }>(testId: string, kind: string) {
  return (record: T) => ({ 'data-testid': testId, [`data-${kind}-id`]: String(record.id) }) as HTMLAttributes<HTMLElement>;
}
