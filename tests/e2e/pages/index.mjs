export { AppPage, toBp } from './AppPage.mjs';
export { SetupPage } from './SetupPage.mjs';
export { WalkthroughPage } from './WalkthroughPage.mjs';
export { ParticipantsPage } from './ParticipantsPage.mjs';
export { AllocatePage } from './AllocatePage.mjs';
export { ResultsPage } from './ResultsPage.mjs';
export { DecisionPage } from './DecisionPage.mjs';
export { DataPage } from './DataPage.mjs';
export { ShareEditor, AREA_NAMES } from './ShareEditor.mjs';
