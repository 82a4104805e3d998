package dvc766.complaint.api;

import dvc766.complaint.store.ActionLog;
import dvc766.complaint.store.StoredComplaint;
import dvc766.complaint.store.UnitDirectory;
import dvc766.kit.problem.ProblemException;
import dvc766.kit.security.Caller;
import dvc766.kit.security.Callers;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Who sees and works which PAKN, failing closed:
 * <ul>
 *   <li>role {@code official} with a {@code unit_code}: reads and acts on the PAKN of that unit itself (not of the
 *       units below: each unit handles its own PAKN);</li>
 *   <li>role {@code monitor} with a {@code unit_code}: reads the PAKN of that unit and every unit below (the
 *       provincial office: the whole province), never acts;</li>
 *   <li>role {@code admin}: reads every PAKN and may erase personal data, never acts;</li>
 *   <li>anyone else (an agency client, a token without unit): 403.</li>
 * </ul>
 */
@ApplicationScoped
public class OfficialAccess {

    public static final String OFFICIAL = "official";
    public static final String MONITOR = "monitor";
    public static final String ADMIN = "admin";

    private final Callers callers;
    private final UnitDirectory units;

    public OfficialAccess(Callers callers, UnitDirectory units) {
        this.callers = callers;
        this.units = units;
    }

    public Caller caller() { return callers.current(); }

    /** The units whose PAKN the caller may read; null = all. */
    public List<String> readable(Caller c) {
        if (c.hasRole(ADMIN)) return null;
        String unit = c.unitCode().orElseThrow(() -> ProblemException.forbidden("the token carries no unit_code"));
        if (c.hasRole(MONITOR)) return units.subtree(unit);
        if (c.hasRole(OFFICIAL)) return List.of(unit);
        throw ProblemException.forbidden("PAKN are read by officials (role official), monitors and administrators");
    }

    public void checkRead(Caller c, StoredComplaint s) {
        List<String> readable = readable(c);
        if (readable != null && !readable.contains(s.complaint().unitCode())) {
            throw ProblemException.forbidden("PAKN " + s.id() + " is not handled by a unit you may see");
        }
    }

    /** Only an official of the unit currently competent acts on a PAKN. */
    public ActionLog.Actor checkAct(Caller c, StoredComplaint s) {
        if (!c.hasRole(OFFICIAL)) throw ProblemException.forbidden("actions need the role official");
        String unit = c.unitCode().orElseThrow(() -> ProblemException.forbidden("the token carries no unit_code"));
        if (!unit.equals(s.complaint().unitCode())) {
            throw ProblemException.forbidden("PAKN " + s.id() + " is handled by unit " + s.complaint().unitCode()
                    + ", not by " + unit);
        }
        return new ActionLog.Actor(ActionLog.ActorKind.OFFICIAL, c.subject(), c.clientId(), unit);
    }

    /** Official actions that a PAKN's contact is shown to: its own unit's officials. */
    public boolean seesContact(Caller c, StoredComplaint s) {
        return c.hasRole(OFFICIAL) && c.unitCode().map(u -> u.equals(s.complaint().unitCode())).orElse(false);
    }
}
