/**
 * The English dictionary: the source of every visible string, one file per part of the page.
 * Its shape is the `Messages` type, and each Chinese part is typed by its English part, so a
 * key missing from another language is a compile error.
 */
import type { Widen } from '../widen';
import { enCompare } from './compare';
import { enControls } from './controls';
import { enData } from './data';
import { enExperiment } from './experiment';
import { enLessons } from './lessons';
import { enNetwork } from './network';
import { enPage } from './page';
import { enPlots } from './plots';

export const en = {
  ...enPage,
  ...enControls,
  ...enExperiment,
  ...enPlots,
  ...enNetwork,
  ...enLessons,
  ...enData,
  ...enCompare,
};

/** Every message, with the English literal types widened: what each language must supply. */
export type Messages = Widen<typeof en>;
