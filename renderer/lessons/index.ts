/** The lessons, in the order a learner takes them. */
import { lesson as whatANetworkDoes } from './01-what-a-network-does/lesson';
import { lesson as oneNeuron } from './02-one-neuron/lesson';
import { lesson as relu } from './03-relu/lesson';
import { lesson as sigmoid } from './04-sigmoid/lesson';
import { lesson as tanhAndFriends } from './05-tanh-and-friends/lesson';
import { lesson as linearCollapse } from './06-linear-collapse/lesson';
import { lesson as xor } from './07-xor/lesson';
import { lesson as foldingSpace } from './08-folding-space/lesson';
import { lesson as oneStepDownhill } from './09-one-step-downhill/lesson';
import { lesson as chainOfSlopes } from './10-chain-of-slopes/lesson';
import { lesson as deadNeurons } from './11-dead-neurons/lesson';
import { lesson as saturationAndInit } from './12-saturation-and-init/lesson';
import { lesson as outputMeetsLoss } from './13-output-meets-loss/lesson';
import { lesson as training } from './14-training/lesson';
import { lesson as enoughBumps } from './15-enough-bumps/lesson';
import { lesson as softmaxAndCos } from './16-softmax-and-cos/lesson';
import { lesson as inventYourOwn } from './17-invent-your-own/lesson';
import { lesson as pixelsAreInputs } from './18-pixels-are-inputs/lesson';
import { lesson as whatYouCanExplain } from './19-what-you-can-explain/lesson';
import type { LessonDef } from './types';

export const LESSONS: readonly LessonDef[] = [
  whatANetworkDoes,
  oneNeuron,
  relu,
  sigmoid,
  tanhAndFriends,
  linearCollapse,
  xor,
  foldingSpace,
  oneStepDownhill,
  chainOfSlopes,
  deadNeurons,
  saturationAndInit,
  outputMeetsLoss,
  training,
  enoughBumps,
  softmaxAndCos,
  inventYourOwn,
  pixelsAreInputs,
  whatYouCanExplain,
];

export function lessonById(id: string): LessonDef | undefined {
  return LESSONS.find((l) => l.id === id);
}
