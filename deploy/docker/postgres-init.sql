-- Runs once, when the compose PostgreSQL volume is first created.
-- Each service gets its own database owned by its own role, so no service can read
-- another's tables (the design's "nobody reads another service's tables", enforced).
-- The passwords are for the local compose stack only. PostgreSQL 15 makes a database's
-- owner the owner of its public schema, so each role can run its own migrations.
CREATE ROLE fieldwork_customers LOGIN PASSWORD 'fieldwork_customers';
CREATE DATABASE fieldwork_customers OWNER fieldwork_customers;

CREATE ROLE fieldwork_jobs LOGIN PASSWORD 'fieldwork_jobs';
CREATE DATABASE fieldwork_jobs OWNER fieldwork_jobs;

CREATE ROLE fieldwork_billing LOGIN PASSWORD 'fieldwork_billing';
CREATE DATABASE fieldwork_billing OWNER fieldwork_billing;

CREATE ROLE fieldwork_comms LOGIN PASSWORD 'fieldwork_comms';
CREATE DATABASE fieldwork_comms OWNER fieldwork_comms;

CREATE ROLE fieldwork_insights LOGIN PASSWORD 'fieldwork_insights';
CREATE DATABASE fieldwork_insights OWNER fieldwork_insights;
