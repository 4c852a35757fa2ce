// The finance core: the public-revenue ledger's double entry and the 四审两公开 procedure.
export * from './ledger';
export * from './approval';
export * from './chain';
export * from './arrears';
