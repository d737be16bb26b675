namespace TicketGrains.IntegrationTests.Infrastructure;

/// <summary>A PostgreSQL server the tests make databases on: the admin role's connection string (owner, CREATEDB) and the application role's.</summary>
public sealed record TestServer(string Admin, string Application)
{
    /// <summary>The server every test shares (test.sh's), from <see cref="TestSettings"/>.</summary>
    public static TestServer Shared => new(TestSettings.AdminConnectionString, TestSettings.ApplicationConnectionString);
}
