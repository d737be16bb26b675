namespace TicketGrains.IntegrationTests.Encryption;

/// <summary>The encryption test classes share one silo and database (they read the database raw, so not the API collection's).</summary>
[CollectionDefinition(Name)]
public sealed class EncryptionCollection : ICollectionFixture<EncryptionFixture>
{
    public const string Name = "encryption";
}
