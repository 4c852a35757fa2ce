// Forms of the dossier's organisations tab for the records that staff keep up to date: the
// commissioner (appoint, end), a property company's service contract (record, edit), a party
// organisation (record, edit), for the committee in office a member's removal, the yearly
// training and the yearly appraisal, the owners' supervisory committee (record, add members,
// remove a member, end its term), and the quarter's grids, building leaders, social
// organisations and volunteers (add, remove).
// One file per record kind under records/; this file is what the tab imports.
// Every form is a modal of the same shape: a refused save (422) lists every violated rule with its
// clause, and a save that went through with warnings shows them before the modal closes.
export * from './records/RecordModal';
export * from './records/commissioner';
export * from './records/contract';
export * from './records/party';
export * from './records/committee';
export * from './records/supervisory';
export * from './records/people';
