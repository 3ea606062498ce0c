import { render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLoadMoreTrigger } from './use-load-more-trigger.js';

/** A stand-in for the browser's IntersectionObserver (jsdom has none): tests say when the sentinel is seen. */
class TestIntersectionObserver {
  static instances: TestIntersectionObserver[] = [];
  readonly options: IntersectionObserverInit | undefined;
  constructor(
    private readonly callback: IntersectionObserverCallback,
    options?: IntersectionObserverInit,
  ) {
    this.options = options;
    TestIntersectionObserver.instances.push(this);
  }
  observing = 0;
  observe() {
    this.observing++;
  }
  unobserve() {}
  disconnect() {}
  show(isIntersecting: boolean) {
    this.callback(
      [{ isIntersecting } as IntersectionObserverEntry],
      this as unknown as IntersectionObserver,
    );
  }
}

/** A list as the sentinel sees it: whether there is more, whether a page loads, how to load. */
function Sentinel(props: { onLoadMore(): void; hasMore: boolean; isLoading: boolean }) {
  const list = {
    hasNextPage: props.hasMore,
    hasPreviousPage: false,
    isFetching: props.isLoading,
    fetchNextPage: async () => props.onLoadMore(),
    fetchPreviousPage: async () => {},
  };
  const ref = useLoadMoreTrigger(list, { rootMargin: '600px' });
  return <div ref={ref} />;
}

/** A sentinel inside a scroll container held in state (the container arrives a render later). */
function InBox() {
  const [box, setBox] = useState<HTMLElement | null>(null);
  const list = {
    hasNextPage: true,
    hasPreviousPage: false,
    isFetching: false,
    fetchNextPage: async () => {},
    fetchPreviousPage: async () => {},
  };
  const ref = useLoadMoreTrigger(list, { root: box });
  return (
    <section ref={setBox}>
      <div ref={ref} />
    </section>
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  TestIntersectionObserver.instances = [];
});

describe('useLoadMoreTrigger', () => {
  it('does nothing where there is no IntersectionObserver', () => {
    const onLoadMore = vi.fn();
    render(<Sentinel onLoadMore={onLoadMore} hasMore isLoading={false} />);
    expect(onLoadMore).not.toHaveBeenCalled();
  });

  it('loads when the sentinel nears the view, not while loading, not after the end, and again when a page lands in view', () => {
    vi.stubGlobal('IntersectionObserver', TestIntersectionObserver);
    const onLoadMore = vi.fn();
    const { rerender } = render(<Sentinel onLoadMore={onLoadMore} hasMore isLoading={false} />);
    const io = TestIntersectionObserver.instances[0]!;
    expect(io.options?.rootMargin).toBe('600px');
    io.show(true);
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    rerender(<Sentinel onLoadMore={onLoadMore} hasMore isLoading />);
    io.show(true);
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    // A page landed: the trigger observes afresh instead of trusting the old "in view".
    rerender(<Sentinel onLoadMore={onLoadMore} hasMore isLoading={false} />);
    expect(io.observing).toBe(2);
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    io.show(true); // a short page: the sentinel is still in view
    expect(onLoadMore).toHaveBeenCalledTimes(2);
    rerender(<Sentinel onLoadMore={onLoadMore} hasMore isLoading />);
    rerender(<Sentinel onLoadMore={onLoadMore} hasMore isLoading={false} />);
    io.show(false); // a full page pushed the sentinel away: nothing more
    expect(onLoadMore).toHaveBeenCalledTimes(2);
    rerender(<Sentinel onLoadMore={onLoadMore} hasMore={false} isLoading={false} />);
    io.show(true);
    expect(onLoadMore).toHaveBeenCalledTimes(2);
  });

  it('asks again where the sentinel is when more becomes loadable without a fetch of its own (a live refresh brought a full page)', () => {
    vi.stubGlobal('IntersectionObserver', TestIntersectionObserver);
    const onLoadMore = vi.fn();
    const { rerender } = render(
      <Sentinel onLoadMore={onLoadMore} hasMore={false} isLoading={false} />,
    );
    const io = TestIntersectionObserver.instances[0]!;
    io.show(true); // at the newest edge: nothing to load
    expect(onLoadMore).not.toHaveBeenCalled();
    rerender(<Sentinel onLoadMore={onLoadMore} hasMore isLoading={false} />);
    expect(io.observing).toBe(2); // observed afresh: the browser reports the sentinel again
    io.show(true);
    expect(onLoadMore).toHaveBeenCalledTimes(1);
  });

  it('observes within a scroll container that arrives a render later (held in state)', () => {
    vi.stubGlobal('IntersectionObserver', TestIntersectionObserver);
    render(<InBox />);
    const last = TestIntersectionObserver.instances.at(-1)!;
    expect(last.options?.root).toBeInstanceOf(HTMLElement);
    expect((last.options!.root as HTMLElement).tagName).toBe('SECTION');
  });
});
