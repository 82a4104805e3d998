-- PAKN tables arrive with the complaint issue; the schema exists so the service owns its place now.
CREATE TABLE complaint_placeholder (id BIGINT PRIMARY KEY);
