export { inspectionRoutes } from './routes';
export { useInspectionCopy } from './messages';
