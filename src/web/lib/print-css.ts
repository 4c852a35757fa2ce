// The A4 page of printed documents (minutes, notices, mediation agreements): on screen a sheet of
// paper, in print the page.
export const PRINT_CSS = `
.gz-a4 { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 16px auto; padding: 20mm 18mm; background: #fff; color: #000;
  font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 14pt; line-height: 1.7; box-shadow: 0 0 8px rgba(0,0,0,.15); }
.gz-a4 h1 { font-size: 20pt; text-align: center; margin: 0 0 6mm; font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; }
.gz-a4 h2 { font-size: 15pt; margin: 6mm 0 2mm; font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; }
.gz-a4 table { width: 100%; border-collapse: collapse; font-size: 12pt; }
.gz-a4 th, .gz-a4 td { border: 1px solid #000; padding: 2mm 3mm; text-align: left; vertical-align: top; }
.gz-a4 th { width: 22mm; white-space: nowrap; font-weight: normal; }
.gz-a4-sub { text-align: center; font-size: 12pt; color: #333; }
.gz-a4 li .gz-a4-sub { text-align: left; }
.gz-a4-text { white-space: pre-wrap; text-indent: 2em; margin: 0 0 1mm; }
.gz-a4-sign { text-align: right; margin: 2mm 0; }
.gz-a4-print { position: fixed; top: 12px; right: 12px; font-size: 14px; padding: 6px 16px; }
@media print {
  @page { size: A4; margin: 0; }
  body { background: #fff; }
  .gz-a4 { margin: 0; box-shadow: none; }
  .gz-a4-print { display: none; }
}
`;
