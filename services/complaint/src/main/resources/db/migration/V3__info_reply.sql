-- The citizen's reply to a request for information is personal data: kept on the PAKN (erasable), not in the audit.
ALTER TABLE complaint ADD COLUMN info_reply TEXT;
