package dvc766.complaint.store;

import dvc766.complaint.domain.ContactCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import javax.sql.DataSource;

/** Citizens' contacts, apart from the PAKN and sealed with AES-GCM; erasable without touching the PAKN. */
@ApplicationScoped
public class ContactStore {

    private final DataSource ds;
    private final ContactCipher cipher;

    public ContactStore(DataSource ds, ContactCipher cipher) {
        this.ds = ds;
        this.cipher = cipher;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void put(String complaintId, String contactJson) {
        ContactCipher.Sealed s = cipher.seal(complaintId, contactJson);
        Jdbc.update(ds, "INSERT INTO complaint_contact (complaint_id, key_id, nonce, ciphertext) VALUES (?, ?, ?, ?)",
                complaintId, s.keyId(), s.nonce(), s.ciphertext());
    }

    public Optional<String> get(String complaintId) {
        return Jdbc.query(ds, "SELECT key_id, nonce, ciphertext FROM complaint_contact WHERE complaint_id = ?",
                rs -> new ContactCipher.Sealed(rs.getString(1), rs.getBytes(2), rs.getBytes(3)), complaintId)
                .stream().findFirst().map(s -> cipher.open(complaintId, s));
    }

    /** Deletes the contact; returns whether there was one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean erase(String complaintId) {
        return Jdbc.update(ds, "DELETE FROM complaint_contact WHERE complaint_id = ?", complaintId) > 0;
    }
}
