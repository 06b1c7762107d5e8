package io.breachflow.dashboard.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Times a call many times (after a warm-up) and reports p50/p99 in milliseconds. Benchmarks only. */
record Latencies(double p50Millis, double p99Millis) {

    static Latencies measure(int warmup, int runs, Callable<?> call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.call();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            call.call();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Latencies(nanos[runs / 2] / 1e6, nanos[(int) Math.ceil(runs * 0.99) - 1] / 1e6);
    }

    String against(Latencies baseline) {
        return String.format("p50 %.3f ms (%.2fx raw)  p99 %.3f ms (%.2fx raw)", p50Millis, p50Millis / baseline.p50Millis,
                p99Millis, p99Millis / baseline.p99Millis);
    }
}
