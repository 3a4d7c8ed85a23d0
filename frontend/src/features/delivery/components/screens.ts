/** The delivery screens, one chunk for the router (app/router.tsx). */
export { DeliveryPage } from './DeliveryPage';
export { NewRunPage } from './NewRunPage';
export { RunSheetPage } from './RunSheetPage';
export { RunPrintPage } from './RunPrintPage';
