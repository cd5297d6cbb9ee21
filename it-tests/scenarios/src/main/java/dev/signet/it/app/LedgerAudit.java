// SPDX-License-Identifier: Apache-2.0
package dev.signet.it.app;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/** An EJB whose security the server checks itself: who calls, and a method only the write role may call. */
@Stateless
public class LedgerAudit {

    @Resource
    SessionContext session;

    @PermitAll
    public String caller() {
        return session.getCallerPrincipal().getName();
    }

    @RolesAllowed(AppKeys.WRITE)
    public boolean write() {
        return true;
    }
}
