import { act, renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { clearDrafts, useDraft } from './use-draft';

describe('useDraft', () => {
  beforeEach(() => sessionStorage.clear());

  it('keeps what was typed across a remount (a reload, or logging in again)', () => {
    const first = renderHook(() => useDraft('request.org-1', { message: '', goals: [] as string[] }));
    act(() => first.result.current[1]({ message: 'We export durian', goals: ['Find buyers'] }));
    first.unmount();
    const second = renderHook(() => useDraft('request.org-1', { message: '', goals: [] as string[] }));
    expect(second.result.current[0]).toEqual({ message: 'We export durian', goals: ['Find buyers'] });
    // Another form's draft is its own.
    const other = renderHook(() => useDraft('request.org-2', { message: '', goals: [] as string[] }));
    expect(other.result.current[0].message).toBe('');
  });

  it('forgets the draft once saved, and every draft on logout', () => {
    const hook = renderHook(() => useDraft('a', { text: '' }));
    act(() => hook.result.current[1]({ text: 'typed' }));
    act(() => hook.result.current[2]());
    expect(hook.result.current[0]).toEqual({ text: '' });
    expect(renderHook(() => useDraft('a', { text: '' })).result.current[0].text).toBe('');
    const other = renderHook(() => useDraft('b', { text: '' }));
    act(() => other.result.current[1]({ text: 'x' }));
    expect(sessionStorage.getItem('mentorlink.draft.b')).toBe('{"text":"x"}');
    clearDrafts();
    expect(sessionStorage.length).toBe(0);
  });
});
