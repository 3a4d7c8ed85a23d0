/** The inspection screens, one chunk for the router (app/router.tsx). */
export { InspectPage } from './InspectPage';
export { TasksBoardPage } from './TasksBoardPage';
export { PlacePage } from './PlacePage';
export { InspectionDetailPage } from './InspectionDetailPage';
export { ResultsPage } from './ResultsPage';
