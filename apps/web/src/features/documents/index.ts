// The documents feature's public surface for other pages: download buttons.
export { DistrictSummaryDownload, PaperCopyDownloads } from './DocumentDownloads';
export { useDocumentsCopy } from './messages';
