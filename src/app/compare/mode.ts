/**
 * Which view the page shows: the single run or a comparison. Kept in the entry's bundle (it
 * is small); the comparison's code loads on first use. While comparing, the single run
 * is paused with its worker kept, and its shortcuts act on the comparison instead.
 */
import { create } from 'zustand';
import type { CompareSpec } from '../../core/compare';
import { useAppStore } from '../store';
import { send } from '../workerClient';

export interface ModeState {
  comparing: boolean;
  /** Whether the single run was playing when the comparison opened: it plays again on the way back. */
  singleWasPlaying: boolean;
  /** The comparison to open (a link's), or null for the last one (the default the first time). */
  requested: CompareSpec | null;
  /** The comparison on screen (for the link), or null in the single view and while it opens. */
  shown: CompareSpec | null;
  /** The single view's Compare button takes the focus back when the comparison closes. */
  returnFocus: boolean;
}

export const useModeStore = create<ModeState>()(() => ({
  comparing: false,
  singleWasPlaying: false,
  requested: null,
  shown: null,
  returnFocus: false,
}));

/** Keyboard actions of the comparison while it is open (see shortcuts.ts). */
let compareShortcuts: Record<string, () => void> | null = null;

export function setCompareShortcuts(actions: Record<string, () => void> | null): void {
  compareShortcuts = actions;
}

export function activeCompareShortcuts(): Record<string, () => void> | null {
  return useModeStore.getState().comparing ? compareShortcuts : null;
}

/** Opens the comparison: the single run pauses where it is. */
export function enterCompare(requested: CompareSpec | null = null): void {
  if (useModeStore.getState().comparing) return;
  const { playing } = useAppStore.getState();
  if (playing) {
    useAppStore.setState({ playing: false });
    send({ type: 'pause' });
  }
  useModeStore.setState({ comparing: true, singleWasPlaying: playing, requested });
}

/** The comparison the address bar carries: the one on screen, or the one about to open. */
export function linkedComparison(): CompareSpec | null {
  const { comparing, shown, requested } = useModeStore.getState();
  return comparing ? (shown ?? requested) : null;
}

/** Back to the single run, playing again if it was (the comparison's view closes its workers as it unmounts). */
export function leaveCompare(): void {
  const { comparing, singleWasPlaying } = useModeStore.getState();
  if (!comparing) return;
  useModeStore.setState({
    comparing: false,
    singleWasPlaying: false,
    shown: null,
    requested: null,
    returnFocus: true,
  });
  if (singleWasPlaying && !useAppStore.getState().playing) {
    useAppStore.setState({ playing: true });
    send({ type: 'resume' });
  }
}
