package dev.newsbeam.lab.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed pool of {@code threads} workers and the two shapes of work the baseline gives it: a list
 * of tasks (one per file or chunk), and slices of an index range {@code [0, n)}, each slice with
 * its own accumulator that the caller merges afterwards (the plain-Java counterpart of a DoFn per
 * bundle plus a combiner).
 */
final class WorkerPool implements AutoCloseable {
  /** Slices per worker: enough for a slow slice not to leave the other workers idle at the end. */
  private static final int SLICES_PER_THREAD = 4;

  private final int threads;
  private final ExecutorService executor;

  WorkerPool(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    this.threads = threads;
    this.executor = Executors.newFixedThreadPool(threads, new NamedThreads());
  }

  int threads() {
    return threads;
  }

  /** Work on the articles {@code [from, to)}; returns the slice's partial result. */
  @FunctionalInterface
  interface SliceTask<R> {
    R run(int from, int to) throws Exception;
  }

  /** Runs the tasks on the workers; results in task order. The first failure is rethrown. */
  <R> List<R> all(List<? extends Callable<R>> tasks) {
    List<Future<R>> futures = new ArrayList<>(tasks.size());
    for (Callable<R> task : tasks) {
      futures.add(executor.submit(task));
    }
    List<R> results = new ArrayList<>(futures.size());
    try {
      for (Future<R> f : futures) {
        results.add(f.get());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      futures.forEach(f -> f.cancel(true));
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      futures.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      if (cause instanceof java.io.IOException io) {
        throw new java.io.UncheckedIOException(io);
      }
      throw new IllegalStateException(cause);
    }
    return results;
  }

  /**
   * Splits {@code [0, n)} into contiguous slices run on the workers; partial results in slice
   * order.
   */
  <R> List<R> slices(int n, SliceTask<R> task) {
    int count = Math.max(1, Math.min(n, threads * SLICES_PER_THREAD));
    List<Callable<R>> tasks = new ArrayList<>(count);
    for (int s = 0; s < count; s++) {
      int from = (int) ((long) n * s / count);
      int to = (int) ((long) n * (s + 1) / count);
      tasks.add(() -> task.run(from, to));
    }
    return all(tasks);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }

  private static final class NamedThreads implements java.util.concurrent.ThreadFactory {
    private int next;

    @Override
    public synchronized Thread newThread(Runnable r) {
      Thread t = new Thread(r, "baseline-worker-" + next++);
      t.setDaemon(true);
      return t;
    }
  }
}
