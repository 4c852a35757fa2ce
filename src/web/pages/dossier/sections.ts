// Later modules register their dossier tabs here, one import per module, e.g.
//   import '../../modules/organizations/dossierSection';
// Each such file calls registerDossierSection(...) from ./registry.
import '../../modules/organizations/dossierSection';
import '../votes/dossierSection';
export {};
