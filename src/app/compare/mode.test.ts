import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_COMPARE } from '../../core/compare';
import { initialState, useAppStore } from '../store';
import { enterCompare, leaveCompare, linkedComparison, useModeStore } from './mode';

beforeEach(() => {
  useAppStore.setState({ ...initialState });
  useModeStore.setState({
    comparing: false,
    singleWasPlaying: false,
    requested: null,
    shown: null,
    returnFocus: false,
  });
});

describe('between the single run and a comparison', () => {
  it('pauses a playing single run and plays it again on the way back', () => {
    useAppStore.setState({ playing: true });
    enterCompare();
    expect(useAppStore.getState().playing).toBe(false);
    expect(useModeStore.getState()).toMatchObject({ comparing: true, singleWasPlaying: true });
    leaveCompare();
    expect(useAppStore.getState().playing).toBe(true);
    expect(useModeStore.getState()).toMatchObject({ comparing: false, returnFocus: true });
  });

  it('leaves a paused single run paused', () => {
    useAppStore.setState({ playing: false });
    enterCompare();
    leaveCompare();
    expect(useAppStore.getState().playing).toBe(false);
  });

  it('links the comparison asked for, then the one on screen, and none in the single view', () => {
    const linked = { vary: 'layers' as const, values: ['1', '2'] };
    expect(linkedComparison()).toBeNull();
    enterCompare(linked);
    expect(linkedComparison()).toBe(linked);
    useModeStore.setState({ shown: DEFAULT_COMPARE, requested: null });
    expect(linkedComparison()).toBe(DEFAULT_COMPARE);
    leaveCompare();
    expect(linkedComparison()).toBeNull();
  });
});
