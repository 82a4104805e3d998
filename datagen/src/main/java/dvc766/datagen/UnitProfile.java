package dvc766.datagen;

/**
 * A unit's seeded behaviour: how well it serves applicants. Propensities are probabilities in [0, 1]. Made to
 * spread: a good unit finishes 99% of its dossiers on time, a weak one about 55%, so that rankings differ.
 *
 * @param quality        the latent quality the other figures derive from (0 weak … 1 excellent)
 * @param size           relative dossier volume within the unit's level (1 = average)
 * @param onTime         share of dossiers finished by their deadline
 * @param early          share of the on-time ones finished well before it
 * @param onlineShare    share of dossiers submitted online, for procedures offered online
 * @param syncRate       share of dossiers synchronised to the national portal
 * @param payOnline      share of fee-bearing online dossiers paid online
 * @param digitization   share of dossiers whose inputs were digitised
 * @param eResult        share of finished dossiers given an electronic result
 * @param reuse          share of dossiers reusing data already digitised
 * @param personalStore  share of online dossiers linked to the applicant's personal data store
 * @param populationData share of citizens' dossiers using the population database
 * @param supplementRate share of dossiers that get a request to supplement
 * @param dissatisfied   share of ratings of on-time dossiers that are DISSATISFIED
 */
public record UnitProfile(
        String unitCode,
        double quality,
        double size,
        double onTime,
        double early,
        double onlineShare,
        double syncRate,
        double payOnline,
        double digitization,
        double eResult,
        double reuse,
        double personalStore,
        double populationData,
        double supplementRate,
        double dissatisfied) {}
