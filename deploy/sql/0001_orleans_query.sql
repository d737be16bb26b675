-- Orleans' ADO.NET providers look up every statement they run by key in this table, so the SQL
-- below is the whole contract between Orleans and PostgreSQL. The NuGet packages ship no
-- PostgreSQL scripts; these are TicketGrains' own. Each script is idempotent: the silo applies
-- all of them at every start, and upserting the query rows lets a new release change a query.
CREATE TABLE IF NOT EXISTS orleansquery (
    querykey  varchar(64) NOT NULL PRIMARY KEY,
    querytext text        NOT NULL
);
