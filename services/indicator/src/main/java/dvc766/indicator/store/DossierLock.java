package dvc766.indicator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import javax.sql.DataSource;

/**
 * Closes the gap between a dossier and a PAKN naming it arriving at the same time on two topics (DOSSIER_SATISFACTION
 * fails for a dossier named by a PAKN): a dossier transaction holds its dossiers' locks shared while it reads the PAKN
 * naming them, a PAKN transaction holds them exclusively while it stores the link and re-evaluates the dossiers, so
 * whichever commits second sees the other. Same scheme as {@link ProcedureLock}.
 */
@ApplicationScoped
public class DossierLock {

    private final DataSource ds;

    public DossierLock(DataSource ds) {
        this.ds = ds;
    }

    public void shared(Collection<String> dossierCodes) {
        ProcedureLock.lock(ds, "/dossier", dossierCodes, "pg_advisory_xact_lock_shared");
    }

    public void exclusive(Collection<String> dossierCodes) {
        ProcedureLock.lock(ds, "/dossier", dossierCodes, "pg_advisory_xact_lock");
    }
}
