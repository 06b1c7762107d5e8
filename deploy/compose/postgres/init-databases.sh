#!/bin/bash
# The databases and roles of Breachflow, made by the postgres image at its first start (an empty data volume), as
# deploy/local/infra's DatabaseRoles and KeycloakDatabase make them for the launcher (README "Operations → database
# roles"): no service connects as the superuser or as the owner of what it must not change.
#   breachflow_workflow_owner  owns the workflow's tables (Flyway migrates as it); not used at run time
#   breachflow_workflow_app    incident-workflow at run time; its table rights come from the workflow's migration V4
#   breachflow_dashboard_app   status-dashboard: owns its own database's tables (its rebuild swaps tables); in the
#                              workflow's database only SELECT on the key tables (V4)
#   breachflow_keycloak        Keycloak, owner of its own database and nothing else
# The passwords come from the environment (deploy/compose/.env).
set -euo pipefail

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v workflow_owner="$WORKFLOW_OWNER_DB_PASSWORD" -v workflow_app="$WORKFLOW_APP_DB_PASSWORD" \
  -v dashboard_app="$DASHBOARD_APP_DB_PASSWORD" -v keycloak="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE breachflow_workflow_owner LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'workflow_owner';
CREATE ROLE breachflow_workflow_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'workflow_app';
CREATE ROLE breachflow_dashboard_app LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'dashboard_app';
CREATE ROLE breachflow_keycloak LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'keycloak';

CREATE DATABASE breachflow_workflow;
CREATE DATABASE breachflow_dashboard;
CREATE DATABASE breachflow_keycloak OWNER breachflow_keycloak;

REVOKE ALL ON DATABASE breachflow_workflow FROM PUBLIC;
GRANT CONNECT ON DATABASE breachflow_workflow TO breachflow_workflow_owner, breachflow_workflow_app, breachflow_dashboard_app;
REVOKE ALL ON DATABASE breachflow_dashboard FROM PUBLIC;
-- CREATE: the rebuild's schemas.
GRANT CONNECT, CREATE ON DATABASE breachflow_dashboard TO breachflow_dashboard_app;
REVOKE ALL ON DATABASE breachflow_keycloak FROM PUBLIC;

\connect breachflow_workflow
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO breachflow_workflow_owner;
GRANT USAGE ON SCHEMA public TO breachflow_workflow_app, breachflow_dashboard_app;

\connect breachflow_dashboard
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE, CREATE ON SCHEMA public TO breachflow_dashboard_app;
SQL
