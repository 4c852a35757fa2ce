// Registers the organisations tab of the quarter dossier (the server sends the section
// 'organizations' to those who may read organisations).
import i18n from '../../i18n';
import { registerDossierSection } from '../../pages/dossier/registry';
import { OrganizationsSection } from './OrganizationsSection';

registerDossierSection({ key: 'organizations', order: 100, label: () => i18n.t('organizations.tab'), component: OrganizationsSection });
