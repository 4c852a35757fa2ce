/**
 * The registry's `data-testid`s (src/web/testids.ts has the conventions and the shell's).
 *
 * Home and quarter list
 *   place-tree, quarter-search, quarter-filter-street, quarter-filter-community,
 *   quarter-list (the table), quarter-row (each row; data-quarter-id carries the id),
 *   quarter-link (the name inside a row), quarter-new, home-totals, home-other-matches
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
 *   unit-add-owner (per row), unit-owner-select, unit-owner-submit, unit-edit and unit-delete
 *   (per row), unit-edit-submit
 *   owner-table, owner-row (data-owner-id), owner-search, owner-add, owner-form-kind,
 *   owner-form-name, owner-form-id-number, owner-form-phone, owner-form-units, owner-form-submit,
 *   owner-edit and owner-delete (per row), owner-edit-submit
 *   resident-table, resident-row (data-resident-id), resident-kind-filter, resident-add,
 *   resident-form-name, resident-form-kind, resident-form-unit, resident-form-needs-care,
 *   resident-form-care-note, resident-form-phone, resident-form-id-number, resident-form-submit,
 *   resident-search, resident-edit and resident-delete (per row), resident-edit-submit
 *   import-template-xlsx, import-template-csv, import-upload (the file <input>),
 *   import-progress, import-rejected, import-errors (the row-error table), import-error-row,
 *   import-report, import-summary, import-sample-skipped, import-failed, export-button
 *   dossier-audit-table
 *
 * Owner view (/me)
 *   me-quarter-name, me-quarter-facts, me-units, me-unit-row, me-contacts, me-contact-row,
 *   me-logout
 */
export const TID = {
  placeTree: 'place-tree',
  homeTotals: 'home-totals',
  homeOtherMatches: 'home-other-matches',
  quarterSearch: 'quarter-search',
  quarterFilterStreet: 'quarter-filter-street',
  quarterFilterCommunity: 'quarter-filter-community',
  quarterList: 'quarter-list',
  quarterRow: 'quarter-row',
  quarterLink: 'quarter-link',
  quarterNew: 'quarter-new',

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
  unitEdit: 'unit-edit',
  unitDelete: 'unit-delete',
  unitEditSubmit: 'unit-edit-submit',

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
  ownerEdit: 'owner-edit',
  ownerDelete: 'owner-delete',
  ownerEditSubmit: 'owner-edit-submit',

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
  residentSearch: 'resident-search',
  residentEdit: 'resident-edit',
  residentDelete: 'resident-delete',
  residentEditSubmit: 'resident-edit-submit',

  importTemplateXlsx: 'import-template-xlsx',
  importTemplateCsv: 'import-template-csv',
  importUpload: 'import-upload',
  importProgress: 'import-progress',
  importRejected: 'import-rejected',
  importErrors: 'import-errors',
  importErrorRow: 'import-error-row',
  importReport: 'import-report',
  importSummary: 'import-summary',
  importSampleSkipped: 'import-sample-skipped',
  importFailed: 'import-failed',
  exportButton: 'export-button',
  dossierAuditTable: 'dossier-audit-table',

  meQuarterName: 'me-quarter-name',
  meQuarterFacts: 'me-quarter-facts',
  meUnits: 'me-units',
  meUnitRow: 'me-unit-row',
  meContacts: 'me-contacts',
  meContactRow: 'me-contact-row',
} as const;
