package dev.signet.it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Scans the WAR, so the server finds Signet's {@code SignedRequiredFeature} on its own, as a user's app does. */
@ApplicationPath("api")
public class LedgerApplication extends Application {
}
