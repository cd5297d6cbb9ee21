// SPDX-License-Identifier: Apache-2.0
package dev.signet.provider.internal.verification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * The start-up table: every resource method, signed or not, with its scheme and scopes, logged once at INFO
 * so an operator sees at a glance what is protected. Jakarta REST has no portable "all methods
 * configured" callback, so the table is written once no method has been added for a short quiet period.
 * Sub-resources are configured on first use, after the table: each is then logged on its own line, once.
 */
public final class EndpointTable {

    private static final Logger LOG = Logger.getLogger("dev.signet.provider.endpoints");
    // Long enough that a start-up slowed by a busy machine still lands in one table (500 ms split it in two
    // at a load of 15 on 2 cores); the table only informs, so a late one costs nothing.
    private static final long QUIET_MILLIS = 2000;

    /** One row: {@code scheme} is {@code null} for a method that is not signed. */
    public record Row(String httpMethod, String path, String javaMethod, String scheme, List<String> scopes) {
        public Row {
            scopes = List.copyOf(scopes);
        }

        String render() {
            return String.format("  %-7s %-40s %-28s %s", httpMethod, path,
                    scheme == null ? "NOT SIGNED" : scheme + (scopes.isEmpty() ? "" : " " + scopes), javaMethod);
        }
    }

    private final Set<Row> rows = new LinkedHashSet<>();
    private final AtomicInteger generation = new AtomicInteger();
    private boolean written;
    private boolean closed;

    public synchronized void add(Row row) {
        if (!rows.add(row)) {
            return;
        }
        if (written) {
            LOG.info(() -> "Signet endpoint configured on first use:\n" + row.render());
            return;
        }
        int mine = generation.incrementAndGet();
        var unused = CompletableFuture.runAsync(() -> flushIf(mine), CompletableFuture.delayedExecutor(QUIET_MILLIS, TimeUnit.MILLISECONDS));
    }

    /** The application stopped: a table still waiting for its quiet period is not written for it. */
    public synchronized void close() {
        closed = true;
    }

    public synchronized List<Row> rows() {
        return List.copyOf(rows);
    }

    private void flushIf(int expectedGeneration) {
        String table;
        synchronized (this) {
            if (closed || generation.get() != expectedGeneration || rows.isEmpty()) {
                return; // another method arrived meanwhile: its own timer writes the table
            }
            List<Row> sorted = new ArrayList<>(rows);
            sorted.sort((a, b) -> (a.path() + a.httpMethod()).compareTo(b.path() + b.httpMethod()));
            StringBuilder out = new StringBuilder("Signet endpoints (").append(sorted.size()).append("):");
            sorted.forEach(r -> out.append('\n').append(r.render()));
            table = out.toString();
            written = true;
        }
        LOG.info(table);
    }
}
