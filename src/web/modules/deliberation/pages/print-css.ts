// The A4 page's css is shared by the modules that print (src/web/lib/print-css.ts).
export { PRINT_CSS } from '../../../lib/print-css';
