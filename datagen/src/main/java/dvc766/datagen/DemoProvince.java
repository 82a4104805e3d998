package dvc766.datagen;

import java.util.List;
import java.util.Map;

/**
 * A whole demo province, materialised: Thanh Hóa's real units plus made-up communes, a procedure catalogue, and
 * {@code months × dossiersPerMonth} dossiers. The same {@link DemoParams} always give the same province. For very
 * large volumes use {@link DemoStructure#dossiers()}, which streams.
 */
public record DemoProvince(DemoParams params, List<Unit> units, List<Procedure> procedures,
                           Map<String, UnitProfile> profiles, List<Dossier> dossiers) {

    public static DemoProvince generate(DemoParams params) {
        DemoStructure s = DemoStructure.build(params);
        return new DemoProvince(params, s.units(), s.procedures(), s.profiles(), s.dossiers().toList());
    }
}
